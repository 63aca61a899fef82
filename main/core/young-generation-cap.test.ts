import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import { silentLogger } from './logger.js';
import { QuietMemoryRelease } from './quiet-memory.js';
import { TillActivity } from './till-activity.js';
import { YOUNG_GENERATION_CAP_BYTES, YoungGenerationCap, youngGrowthFactor, type GrowthFactor } from './young-generation-cap.js';

const MiB = 1024 * 1024;

describe('youngGrowthFactor', () => {
  it("lets V8 double the young generation while that stays within the cap, and stops it once doubling would pass it", () => {
    expect(youngGrowthFactor(1 * MiB, 16 * MiB)).toBe(2);
    expect(youngGrowthFactor(8 * MiB, 16 * MiB)).toBe(2);
    expect(youngGrowthFactor(8 * MiB + 1, 16 * MiB)).toBe(1);
    expect(youngGrowthFactor(16 * MiB, 16 * MiB)).toBe(1);
    expect(youngGrowthFactor(64 * MiB, 16 * MiB)).toBe(1);
    // A cap between V8's sizes holds the young generation at the size below it.
    expect(youngGrowthFactor(8 * MiB, 12 * MiB)).toBe(1);
  });
});

/** A young generation that V8 doubles (up to 128 MiB) when the factor allows it, or halves when the test says. */
function fakeV8(startBytes: number) {
  const v8 = {
    young: startBytes,
    factor: 2 as GrowthFactor,
    honoursFactor: true,
    set: vi.fn((factor: GrowthFactor) => {
      v8.factor = factor;
    }),
    grow() {
      v8.young = Math.min(128 * MiB, v8.young * (v8.honoursFactor ? v8.factor : 2));
    },
  };
  return v8;
}

describe('YoungGenerationCap', () => {
  const capOf = (v8: ReturnType<typeof fakeV8>, notHonoured = vi.fn()) =>
    new YoungGenerationCap({ capBytes: 16 * MiB, lookEvery: 4, youngBytes: () => v8.young, setGrowthFactor: v8.set, notHonoured });
  const requests = (cap: YoungGenerationCap, n: number) => {
    for (let i = 0; i < n; i += 1) cap.requested();
  };
  /** Ten spells in which V8 would double the young generation, each followed by a look. */
  const busySpells = (v8: ReturnType<typeof fakeV8>, cap: YoungGenerationCap) => {
    for (let spell = 0; spell < 10; spell += 1) {
      v8.grow();
      requests(cap, 4);
    }
  };

  it('looks at the first request, then every lookEvery requests, and stops growth at the cap', () => {
    const v8 = fakeV8(4 * MiB);
    const cap = capOf(v8);
    requests(cap, 1);
    expect(v8.set).not.toHaveBeenCalled(); // 4 MiB: doubling stays within 16
    v8.grow();
    v8.grow(); // 16 MiB
    requests(cap, 3);
    expect(v8.set).not.toHaveBeenCalled();
    requests(cap, 1);
    expect(v8.set).toHaveBeenCalledWith(1);
    expect(cap.holding).toBe(true);
    busySpells(v8, cap);
    expect(v8.young).toBe(16 * MiB);
    expect(v8.set).toHaveBeenCalledTimes(1);
  });

  it('holds the young generation a till starts with from its first request, where that is the cap', () => {
    const v8 = fakeV8(8 * MiB);
    const cap = new YoungGenerationCap({ capBytes: 8 * MiB, youngBytes: () => v8.young, setGrowthFactor: v8.set });
    cap.requested();
    expect(v8.set).toHaveBeenCalledWith(1);
  });

  it('lets it grow again, as far as the cap, once V8 has shrunk it', () => {
    const v8 = fakeV8(16 * MiB);
    const cap = capOf(v8);
    requests(cap, 4);
    expect(v8.set).toHaveBeenLastCalledWith(1);
    v8.young = 2 * MiB; // the quiet release
    requests(cap, 4);
    expect(v8.set).toHaveBeenLastCalledWith(2);
    expect(cap.holding).toBe(false);
    busySpells(v8, cap);
    expect(v8.young).toBe(16 * MiB);
    expect(v8.set.mock.calls).toEqual([[1], [2], [1]]);
  });

  it('holds a young generation already past the cap where it is (no collection of its own)', () => {
    const v8 = fakeV8(32 * MiB);
    const cap = capOf(v8);
    requests(cap, 4);
    v8.grow();
    requests(cap, 4);
    expect(v8.young).toBe(32 * MiB);
    expect(cap.holding).toBe(true);
  });

  it('gives the cap up, factor back to V8\'s own and told once, where V8 grows it anyway', () => {
    const v8 = fakeV8(16 * MiB);
    v8.honoursFactor = false;
    const notHonoured = vi.fn();
    const cap = capOf(v8, notHonoured);
    requests(cap, 4);
    v8.grow();
    requests(cap, 4);
    expect(notHonoured).toHaveBeenCalledExactlyOnceWith(32 * MiB, 16 * MiB);
    expect(v8.set.mock.calls).toEqual([[1], [2]]);
    expect(cap.holding).toBe(false);
    v8.young = 2 * MiB;
    requests(cap, 40);
    expect(v8.set).toHaveBeenCalledTimes(2);
    expect(notHonoured).toHaveBeenCalledTimes(1);
  });

  it('gives the cap up where V8 refuses the flag, without failing the request', () => {
    const v8 = fakeV8(16 * MiB);
    const cap = new YoungGenerationCap({
      capBytes: 16 * MiB,
      lookEvery: 1,
      youngBytes: () => v8.young,
      setGrowthFactor: () => {
        throw new Error('no such flag');
      },
    });
    expect(() => requests(cap, 3)).not.toThrow();
    expect(cap.holding).toBe(false);
  });

  it('is told of every waiter request by the till activity', () => {
    const v8 = fakeV8(16 * MiB);
    const cap = capOf(v8);
    const activity = new TillActivity(silentLogger(), new QuietMemoryRelease({ collect: null }), cap);
    activity.waiterRequested(new Date());
    expect(v8.set).toHaveBeenCalledWith(1);
    v8.young = 2 * MiB;
    for (let i = 0; i < 3; i += 1) activity.waiterRequested(new Date());
    expect(v8.set).toHaveBeenCalledTimes(1);
    activity.waiterRequested(new Date());
    expect(v8.set).toHaveBeenLastCalledWith(2);
    activity.close();
  });
});

describe('YoungGenerationCap (this V8, in a child process)', () => {
  const load = async (mode: 'capped' | 'free') => {
    const script = path.join(import.meta.dirname, 'testing', 'young-generation-load.ts');
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', script, mode], { cwd: path.resolve(import.meta.dirname, '../..') });
    return JSON.parse(stdout) as { largest: number; held: number };
  };

  it('keeps new_space within the cap under a load that grows it past the cap without one', async () => {
    const [free, capped] = await Promise.all([load('free'), load('capped')]);
    expect(free.largest).toBeGreaterThan(2 * YOUNG_GENERATION_CAP_BYTES);
    expect(capped.held).toBeGreaterThan(0);
    expect(capped.largest).toBeLessThanOrEqual(YOUNG_GENERATION_CAP_BYTES);
  });
});
