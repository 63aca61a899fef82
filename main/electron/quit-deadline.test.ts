import { afterEach, describe, expect, it, vi } from 'vitest';
import { QUIT_DEADLINE_MS, withinDeadline } from './quit-deadline.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('withinDeadline', () => {
  it('finishes as soon as the work does', async () => {
    expect(await withinDeadline(Promise.resolve(), 10_000)).toBe('done');
    expect(await withinDeadline(Promise.reject(new Error('close failed')), 10_000)).toBe('done');
  });

  it('gives up on work that never ends (a cloud that does not answer) at the deadline', async () => {
    vi.useFakeTimers();
    const never = new Promise<void>(() => undefined);
    const result = withinDeadline(never, QUIT_DEADLINE_MS);
    await vi.advanceTimersByTimeAsync(QUIT_DEADLINE_MS - 1);
    let settled = false;
    void result.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await result).toBe('timed-out');
  });

  it('keeps the deadline to a few seconds', () => {
    expect(QUIT_DEADLINE_MS).toBeGreaterThanOrEqual(1_000);
    expect(QUIT_DEADLINE_MS).toBeLessThanOrEqual(5_000);
  });
});
