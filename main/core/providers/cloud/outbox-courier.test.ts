import { describe, expect, it } from 'vitest';
import { systemClock } from '../../clock.js';
import type { Outbox, PendingCall } from '../../ledger/outbox.js';
import { silentLogger } from '../../logger.js';
import { eventually } from '../../testing/cloud-test-kit.js';
import { CloudUnreachableError, type GetMeBackClient } from './cloud-client.js';
import type { CloudConnection } from './cloud-connection.js';
import { OutboxCourier, TOUCHES_KEPT, type CourierTiming } from './outbox-courier.js';

/** Holds the event loop for `ms`, as a slow query of the outbox does on a busy till. */
function busyFor(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // spinning on purpose
  }
}

/**
 * One guest's single call, kept in memory. Once the call has failed, `next` takes `queryMs` when
 * the guest is held back, except inside a commit (the pick made with the failure's own commit): so
 * the guest's wait runs out during the courier's own pick, between its pick and its pause.
 */
function slowOutbox(queryMs: number) {
  const call: PendingCall = { id: 1, key: 'op-1', kind: 'payment', guestId: 'g-1', body: { type: 'payment' }, attempts: 0 };
  let delivered = false;
  let committing = false;
  const outbox = {
    next(busy: Iterable<string> = []): PendingCall | null {
      if (delivered) return null;
      if ([...busy].includes(call.guestId)) {
        if (call.attempts > 0 && !committing) busyFor(queryMs);
        return null;
      }
      return call;
    },
    markSending: () => undefined,
    together: <T>(work: () => T): T => {
      committing = true;
      try {
        return work();
      } finally {
        committing = false;
      }
    },
    markDelivered: () => {
      delivered = true;
    },
    markFailed: () => {
      call.attempts += 1;
    },
    markRefused: () => false,
  };
  return { outbox: outbox as unknown as Outbox, isDelivered: () => delivered };
}

const TIMING: CourierTiming = { deliveryTimeoutMs: 1000, firstRetryMs: 20, maxRetryMs: 20, refusalsBeforeParking: 5, deliveriesInFlight: 4, answersShareCommitMs: 20 };

/** One call of each guest, kept in memory; a call is done once delivered or refused (never parked here). */
function guestsOutbox(guestIds: readonly string[]): { outbox: Outbox; done: Set<number> } {
  const calls: PendingCall[] = guestIds.map((guestId, index) => ({ id: index + 1, key: `op-${index + 1}`, kind: 'payment', guestId, body: {}, attempts: 0 }));
  const done = new Set<number>();
  const sending = new Set<number>();
  const outbox = {
    next: (busy: Iterable<string> = []) => calls.find((call) => !done.has(call.id) && !sending.has(call.id) && ![...busy].includes(call.guestId)) ?? null,
    markSending: (ids: readonly number[]) => ids.forEach((id) => sending.add(id)),
    together: <T>(work: () => T): T => work(),
    markDelivered: (id: number) => done.add(id),
    markFailed: () => undefined,
    markRefused: (id: number) => {
      done.add(id);
      return false;
    },
  } as unknown as Outbox;
  return { outbox, done };
}

/** A courier over `outbox` whose cloud answers each call by `ask`. */
function courierOf(outbox: Outbox, ask: (request: unknown, options: { signal: AbortSignal }) => Promise<unknown>, timing: Partial<CourierTiming> = {}): OutboxCourier {
  const client = { ask } as unknown as GetMeBackClient;
  const connection = { refused: () => undefined } as unknown as CloudConnection;
  return new OutboxCourier(outbox, client, connection, systemClock, silentLogger(), { ...TIMING, ...timing }, () => undefined);
}

describe('the outbox courier', () => {
  it('sends the next calls and stays up when recording a refusal fails (a full disk under the feed)', async () => {
    const { outbox, done } = guestsOutbox(['g-1', 'g-2']);
    const sent: string[] = [];
    const client = {
      ask: (request: { body: { key?: string } }) => {
        sent.push(String(sent.length + 1));
        // The first call (g-1) is refused; the second (g-2), picked in that answer's commit, acknowledged.
        return Promise.resolve(sent.length === 1 ? { result: 'error', message: 'Чек отклонён', dialect: 'result', data: {} } : { result: 'ok', ...request });
      },
    } as unknown as GetMeBackClient;
    const full = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    const connection = {
      refused: () => {
        throw full;
      },
    } as unknown as CloudConnection;
    const errors: unknown[] = [];
    const log = { ...silentLogger(), error: (fields: { err?: unknown }) => errors.push(fields.err) } as unknown as ReturnType<typeof silentLogger>;
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown) => uncaught.push(error);
    process.on('uncaughtException', onUncaught);
    const courier = new OutboxCourier(outbox, client, connection, systemClock, log, { ...TIMING, deliveriesInFlight: 1 }, () => undefined);
    courier.start();
    try {
      await eventually(() => done.size === 2, 'the refused call recorded and the next one delivered', 3000);
      expect(sent).toEqual(['1', '2']);
      expect(errors).toEqual([full]);
      expect(uncaught).toEqual([]);
    } finally {
      process.off('uncaughtException', onUncaught);
      await courier.close();
    }
  });

  it('sends a guest’s call again when its wait ran out while the courier was still picking', async () => {
    const { outbox, isDelivered } = slowOutbox(40);
    let sends = 0;
    const courier = courierOf(outbox, () => {
      sends += 1;
      // The first send never reaches the cloud; the guest waits 20 ms, the second is acknowledged.
      return sends === 1 ? Promise.reject(new CloudUnreachableError('connection refused', true)) : Promise.resolve({ result: 'ok' });
    });
    courier.start();
    try {
      // Without counting the pause from the pick, the courier saw no wait left and slept for good.
      await eventually(() => isDelivered(), 'the call to be sent again and acknowledged', 3000);
      expect(sends).toBe(2);
    } finally {
      await courier.close();
    }
  });

  it('commits the answers of calls out together in one commit, and a waiter’s guest at once', async () => {
    // Four guests' calls in memory; the cloud answers each when the test says so.
    const calls: PendingCall[] = ['g-1', 'g-2', 'g-3', 'g-4'].map((guestId, index) => ({ id: index + 1, key: `op-${index + 1}`, kind: 'payment', guestId, body: {}, attempts: 0 }));
    const delivered = new Set<number>();
    const sending = new Set<number>();
    let commits = 0;
    const outbox = {
      next: (busy: Iterable<string> = []) => calls.find((call) => !delivered.has(call.id) && !sending.has(call.id) && ![...busy].includes(call.guestId)) ?? null,
      markSending: (ids: readonly number[]) => {
        commits += 1;
        for (const id of ids) sending.add(id);
      },
      together: <T>(work: () => T): T => {
        commits += 1;
        return work();
      },
      markDelivered: (id: number) => delivered.add(id),
      markFailed: () => undefined,
      markRefused: () => false,
    } as unknown as Outbox;
    const answers = new Map<string, () => void>();
    const courier = courierOf(outbox, () => new Promise((resolve) => answers.set(`op-${answers.size + 1}`, () => resolve({ result: 'ok' }))), { answersShareCommitMs: 300 });
    courier.start();
    try {
      await eventually(() => answers.size === 4, 'four calls out', 3000);
      expect(commits).toBe(1); // the four marked as sent in one commit
      // Three answer, one apart: no commit yet, they wait for the fourth (within 300 ms).
      for (const key of ['op-1', 'op-2', 'op-3']) {
        answers.get(key)?.();
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      expect(commits).toBe(1);
      expect(delivered.size).toBe(0);
      // A waiter asks about guest 2, whose answer is in: committed at once, not after 300 ms.
      const asked = performance.now();
      await courier.settled('g-2');
      expect(performance.now() - asked).toBeLessThan(150);
      expect(commits).toBe(2);
      expect([...delivered].sort()).toEqual([1, 2, 3]);
      // The last answer alone: every call out has answered, so it commits at once too.
      const last = performance.now();
      answers.get('op-4')?.();
      await eventually(() => delivered.size === 4, 'the fourth delivered', 3000);
      expect(performance.now() - last).toBeLessThan(150);
      expect(commits).toBe(3);
    } finally {
      await courier.close();
    }
  });

  it('commits the answers in at most answersShareCommitMs when a call stays out', async () => {
    const { outbox, done: delivered } = guestsOutbox(['g-1', 'g-2']);
    let asks = 0;
    // The first guest's call is answered at once; the second's never (until the courier closes).
    const courier = courierOf(outbox, (_request, options) => {
      asks += 1;
      if (asks === 1) return Promise.resolve({ result: 'ok' });
      return new Promise((resolve, reject) => options.signal.addEventListener('abort', () => reject(new Error('closing'))));
    }, { deliveryTimeoutMs: 5000, answersShareCommitMs: 100 });
    const began = performance.now();
    courier.start();
    try {
      await eventually(() => delivered.has(1), 'the first call delivered', 3000);
      const took = performance.now() - began;
      expect(took).toBeGreaterThanOrEqual(95);
      expect(took).toBeLessThan(1000);
      expect(delivered.has(2)).toBe(false);
    } finally {
      await courier.close();
    }
  });

  it('remembers at most TOUCHES_KEPT guests’ deliveries, and says a forgotten guest may have been touched', async () => {
    const guests = TOUCHES_KEPT + 50;
    const calls: PendingCall[] = Array.from({ length: guests }, (_, index) => ({ id: index + 1, key: `op-${index + 1}`, kind: 'payment', guestId: `g-${index + 1}`, body: {}, attempts: 0 }));
    let nextIndex = 0;
    let delivered = 0;
    const outbox = {
      next: () => calls[nextIndex++] ?? null,
      markSending: () => undefined,
      together: <T>(work: () => T): T => work(),
      markDelivered: () => (delivered += 1),
      markFailed: () => undefined,
      markRefused: () => false,
    } as unknown as Outbox;
    const courier = courierOf(outbox, () => Promise.resolve({ result: 'ok' }), { deliveriesInFlight: 64 });
    const before = courier.mark();
    courier.start();
    try {
      await eventually(() => delivered === guests, 'every guest’s call delivered', 20_000);
      expect(courier.touchesKept).toBe(TOUCHES_KEPT);
      // The first guest is forgotten: since a mark before its delivery it may have been touched.
      expect(courier.touchedSince(before, 'g-1')).toBe(true);
      // The last one is remembered exactly; a guest never sent to is not touched since a mark after the drain.
      expect(courier.touchedSince(before, `g-${guests}`)).toBe(true);
      const after = courier.mark();
      expect(courier.touchedSince(after, `g-${guests}`)).toBe(false);
      expect(courier.touchedSince(after, 'g-1')).toBe(false);
      expect(courier.touchedSince(after, 'never-sent')).toBe(false);
    } finally {
      await courier.close();
    }
  });
});
