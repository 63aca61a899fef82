import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { memoryReducingCollection, QuietMemoryRelease, type HeapFigures } from './quiet-memory.js';
import { TillActivity } from './till-activity.js';

const MiB = 1024 * 1024;

describe('QuietMemoryRelease', () => {
  let heap: HeapFigures;
  let collect: ReturnType<typeof vi.fn>;
  const release = (over: { slackBytes?: number; busyRequests?: number } = {}) =>
    new QuietMemoryRelease({
      quietMs: 10_000,
      busyRequests: over.busyRequests ?? 1,
      slackBytes: over.slackBytes ?? 16 * MiB,
      now: () => Date.now(),
      heap: () => heap,
      collect: collect as unknown as () => void,
    });

  beforeEach(() => {
    vi.useFakeTimers();
    heap = { physical: 90 * MiB, used: 35 * MiB };
    collect = vi.fn(() => {
      heap = { physical: 40 * MiB, used: 30 * MiB };
    });
  });
  afterEach(() => vi.useRealTimers());

  it('gives memory back once the waiters have been quiet for the whole quiet time, not while they call', () => {
    const memory = release();
    for (let second = 0; second < 60; second += 1) {
      memory.requested();
      vi.advanceTimersByTime(1_000);
    }
    expect(collect).not.toHaveBeenCalled();
    vi.advanceTimersByTime(8_999);
    expect(collect).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(collect).toHaveBeenCalledTimes(1);
    expect(memory.releases).toBe(1);
  });

  it('runs no timer while the till is idle: none before the first request, none after the release', () => {
    const memory = release();
    expect(vi.getTimerCount()).toBe(0);
    memory.requested();
    memory.requested();
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(10_000);
    expect(collect).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(3_600_000);
    expect(collect).toHaveBeenCalledTimes(1);
    // The next busy spell gets its own release.
    memory.requested();
    heap = { physical: 90 * MiB, used: 35 * MiB };
    vi.advanceTimersByTime(10_000);
    expect(collect).toHaveBeenCalledTimes(2);
  });

  it('waits for a busy spell: a few requests after a start arm nothing, the thousandth does', () => {
    const memory = release({ busyRequests: 1_000 });
    for (let i = 0; i < 999; i += 1) memory.requested();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(60_000);
    expect(collect).not.toHaveBeenCalled();
    memory.requested();
    vi.advanceTimersByTime(10_000);
    expect(collect).toHaveBeenCalledTimes(1);
    // Counted again from the release.
    memory.requested();
    vi.advanceTimersByTime(60_000);
    expect(collect).toHaveBeenCalledTimes(1);
  });

  it('does not collect when V8 holds less unused heap than the slack', () => {
    heap = { physical: 50 * MiB, used: 35 * MiB };
    const memory = release();
    memory.requested();
    vi.advanceTimersByTime(10_000);
    expect(collect).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('reports each release with the heap before and after', () => {
    const released = vi.fn();
    const memory = new QuietMemoryRelease({ quietMs: 1_000, busyRequests: 1, now: () => Date.now(), heap: () => heap, collect: collect as unknown as () => void, released });
    memory.requested();
    vi.advanceTimersByTime(1_000);
    expect(released).toHaveBeenCalledWith({ physical: 90 * MiB, used: 35 * MiB }, { physical: 40 * MiB, used: 30 * MiB }, 0);
  });

  it('stops on close, and does nothing where no collection is available', () => {
    const memory = release();
    memory.requested();
    memory.close();
    vi.advanceTimersByTime(60_000);
    expect(collect).not.toHaveBeenCalled();
    const without = new QuietMemoryRelease({ collect: null });
    without.requested();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('is told of every waiter request by the till activity, and closed with it', () => {
    const memory = release();
    const activity = new TillActivity(undefined, memory);
    activity.waiterRequested(new Date());
    vi.advanceTimersByTime(10_000);
    expect(collect).toHaveBeenCalledTimes(1);
    activity.waiterRequested(new Date());
    activity.close();
    vi.advanceTimersByTime(10_000);
    expect(collect).toHaveBeenCalledTimes(1);
  });
});

describe('memoryReducingCollection (this V8)', () => {
  it('shrinks the young generation that a busy spell grew, without exposing gc to the till', () => {
    // A till made by an earlier test in this worker may have stopped the young generation's growth.
    setFlagsFromString('--semi-space-growth-factor=2');
    const collectNow = memoryReducingCollection();
    expect(collectNow).toBeTypeOf('function');
    let survivors: object[] = [];
    for (let i = 0; i < 2_000_000; i += 1) {
      survivors.push({ i, text: `x${i}` });
      if (survivors.length > 20_000) survivors = [];
    }
    survivors = [];
    const youngOf = () => getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.physical_space_size ?? 0;
    const grown = youngOf();
    expect(grown).toBeGreaterThan(16 * MiB);
    collectNow?.();
    expect(youngOf()).toBeLessThan(grown / 4);
    expect(runInNewContext('typeof gc')).toBe('undefined');
    expect(typeof (globalThis as { gc?: unknown }).gc).toBe('undefined');
  });

});
