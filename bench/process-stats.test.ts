import { describe, expect, it } from 'vitest';
import { coreTicksIn, stealPercent, worstStealPercent } from './process-stats.js';
import { stealOfRounds } from './rounds.js';
import { scenarioTable, type BenchResult } from './targets.js';

/** /proc/stat as Linux writes it (user nice system idle iowait irq softirq steal guest guest_nice). */
const procStat = (steal1: number, idle1: number) =>
  [
    'cpu  839869 1177 189550 1703317 28261 0 58505 118470 0 0',
    'cpu0 317753 584 88358 995579 2017 0 13442 53769 0 0',
    `cpu1 522115 592 101192 ${idle1} 26244 0 45063 ${steal1} 0 0`,
    'intr 1 2 3',
  ].join('\n');

describe("the servers' core's steal time in each round (bench/process-stats.ts)", () => {
  it("reads one core's steal and total ticks, or the whole machine's", () => {
    expect(coreTicksIn(procStat(64_700, 707_738), 1)).toEqual({ steal: 64_700, total: 522_115 + 592 + 101_192 + 707_738 + 26_244 + 45_063 + 64_700 });
    expect(coreTicksIn(procStat(64_700, 707_738), null).steal).toBe(118_470);
    expect(() => coreTicksIn(procStat(0, 0), 7)).toThrow(/no cpu7 line/);
  });

  it('gives the share of the core taken by other guests between two readings', () => {
    const before = coreTicksIn(procStat(64_700, 707_738), 1);
    // 400 ticks later: 100 of them stolen, 300 idle.
    expect(stealPercent(before, coreTicksIn(procStat(64_800, 708_038), 1))).toBe(25);
    expect(stealPercent(before, before)).toBe(0);
  });

  it('calls a round as disturbed as its most disturbed core', () => {
    const before = [coreTicksIn(procStat(64_700, 707_738), 0), coreTicksIn(procStat(64_700, 707_738), 1)];
    // core 0 did not move; core 1: 400 ticks, 100 stolen.
    const after = [coreTicksIn(procStat(64_800, 708_038), 0), coreTicksIn(procStat(64_800, 708_038), 1)];
    expect(worstStealPercent(before, after)).toBe(25);
    expect(worstStealPercent(before, before)).toBe(0);
  });

  it("is shown per scenario as the rounds' median and worst, a dash when not read", () => {
    expect(stealOfRounds([0.5, 12.3, 1, null, 2])).toEqual({ median: 2, max: 12.3 });
    expect(stealOfRounds([null, null])).toBeNull();
    const table = scenarioTable({
      scenarios: [
        { name: 'bare', connections: 32, rps: 40_000, p50: 0, p99: 2, errors: 0, non2xx: 0, steal: { median: 2, max: 12.3 }, retaken: 1 },
        { name: 'check-in', connections: 32, rps: 16_000, p50: 1, p99: 16, errors: 0, non2xx: 0, steal: null },
      ],
      bareRps: 40_000,
    } as BenchResult);
    expect(table).toContain("steal % of the worse of the load generator's and the servers' cores (the machine's, unpinned), median (worst round) | rounds retaken (steal over 5 %) |");
    expect(table).toContain('| bare | 32 | 40000 | 0 | 2 | 1 | 0 | 0 | 2 (12.3) | 1 |');
    expect(table).toContain('| check-in | 32 | 16000 | 1 | 16 | 0.4 | 0 | 0 | — | 0 |');
  });
});
