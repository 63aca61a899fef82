import { describe, expect, it } from 'vitest';
import type { StatusResponse } from '../../../shared/admin/status.js';
import { useStatusStore, withOutboxCount } from '../stores/status-store.js';
import { drainShown } from './drain-shown.js';

const STATUS = {
  version: '1',
  language: 'ru',
  provider: { provider: 'cloud', online: true, lastError: null, trouble: null, parked: 0, outbox: 10_000 },
  cashToWaiter: true,
  lastWaiterRequestAt: null,
  listening: null,
  dataDir: '/tmp',
  now: '2026-12-02T12:00:00.000Z',
} satisfies StatusResponse;

describe('the outbox draining on the dashboard', () => {
  it('moves the bar and the header’s count with each progress the till tells, and ends full and done', () => {
    useStatusStore.setState({ status: STATUS, drain: null });
    expect(drainShown(useStatusStore.getState().drain)).toBeNull();
    const told = [
      { pending: 10_000, sent: 0 },
      { pending: 7_500, sent: 2_500 },
      { pending: 1, sent: 9_999 },
      { pending: 0, sent: 10_000 },
    ];
    const seen = told.map((progress) => {
      useStatusStore.getState().outboxMoved(progress);
      return { bar: drainShown(useStatusStore.getState().drain), header: useStatusStore.getState().status?.provider.outbox };
    });
    expect(seen).toEqual([
      { bar: { sent: 0, total: 10_000, done: false }, header: 10_000 },
      { bar: { sent: 2_500, total: 10_000, done: false }, header: 7_500 },
      { bar: { sent: 9_999, total: 10_000, done: false }, header: 1 },
      { bar: { sent: 10_000, total: 10_000, done: true }, header: 0 },
    ]);
  });

  it('shows no bar when nothing waits and nothing was sent, and leaves a status not yet loaded alone', () => {
    expect(drainShown({ pending: 0, sent: 0 })).toBeNull();
    expect(withOutboxCount(null, 5)).toBeNull();
  });
});
