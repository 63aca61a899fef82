import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { onceAfter } from './once-after.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('onceAfter', () => {
  it('runs once for a burst of pokes, after the first by the delay, and again for a poke after that run', () => {
    const work = vi.fn();
    const reload = onceAfter(work, 500);
    reload.poke();
    vi.advanceTimersByTime(200);
    reload.poke();
    reload.poke();
    vi.advanceTimersByTime(299);
    expect(work).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(work).toHaveBeenCalledTimes(1);
    reload.poke();
    vi.advanceTimersByTime(500);
    expect(work).toHaveBeenCalledTimes(2);
  });

  it('runs nothing without a poke, and nothing once cancelled', () => {
    const work = vi.fn();
    const reload = onceAfter(work, 500);
    vi.advanceTimersByTime(10_000);
    reload.poke();
    reload.cancel();
    vi.advanceTimersByTime(10_000);
    expect(work).not.toHaveBeenCalled();
  });
});
