import { describe, expect, it } from 'vitest';
import { figuresOf, README_END, README_START, withBenchTables, type BenchResult } from './targets.js';

const result = (over: Partial<BenchResult> = {}): BenchResult => ({
  scenarios: [{ name: 'check-in', connections: 32, rps: 9000, p50: 3, p99: 8, errors: 0, non2xx: 0 }],
  bareRps: 18_000,
  koaPeerRps: 10_000,
  checkInRps: 9000,
  checkInP99: 8,
  cashP99: 20,
  errors: 0,
  coldStartNewMs: 900,
  coldStartExistingMs: 400,
  coldStartCompiled: true,
  coldStartBareMs: 100,
  idleCpuPercent: 0.02,
  idleSeconds: 60,
  rss: { before: 60, afterFirst: 80, afterSecond: 81, requests: 100_000 },
  outbox: null,
  ...over,
});

const verdictOf = (r: BenchResult, start: string) => figuresOf(r).find((f) => f.what.startsWith(start))?.met;

describe('bench targets', () => {
  it('judges the check-in against the Koa peer and bare node:http from the same rounds', () => {
    expect(verdictOf(result(), 'check-in ÷ Koa peer')).toBe(true);
    expect(verdictOf(result(), 'check-in ÷ bare')).toBe(true);
    expect(verdictOf(result({ checkInRps: 7000 }), 'check-in ÷ Koa peer')).toBe(false);
    expect(verdictOf(result({ checkInRps: 7000 }), 'check-in ÷ bare')).toBe(false);
  });

  it('misses on latency, errors, cold start, idle CPU and memory past their bounds', () => {
    expect(verdictOf(result({ checkInP99: 11 }), 'check-in p99')).toBe(false);
    expect(verdictOf(result({ cashP99: 31 }), 'durable cash payment p99')).toBe(false);
    expect(verdictOf(result({ errors: 1 }), 'errors')).toBe(false);
    expect(verdictOf(result({ coldStartExistingMs: 501 }), 'cold start to the first 204, existing')).toBe(false);
    expect(verdictOf(result({ coldStartNewMs: 1001 }), 'cold start to the first 204, new')).toBe(false);
    expect(verdictOf(result({ idleCpuPercent: 0.1 }), 'idle CPU')).toBe(false);
    expect(verdictOf(result({ rss: { before: 60, afterFirst: 121, afterSecond: 121, requests: 100_000 } }), 'RSS after')).toBe(false);
    expect(verdictOf(result({ rss: { before: 60, afterFirst: 80, afterSecond: 86, requests: 100_000 } }), 'RSS growth')).toBe(false);
    expect(figuresOf(result()).every((f) => f.met !== false)).toBe(true);
  });

  it('rewrites only what stands between the README markers', () => {
    const readme = `before\n${README_START}\nold table\n${README_END}\nafter\n`;
    const rewritten = withBenchTables(readme, 'Measured today.', result());
    expect(rewritten.startsWith(`before\n${README_START}\nMeasured today.`)).toBe(true);
    expect(rewritten.endsWith(`${README_END}\nafter\n`)).toBe(true);
    expect(rewritten).not.toContain('old table');
    expect(rewritten).toContain('| check-in ÷ Koa peer (req/s, same rounds) | 0.9 (9000 ÷ 10000) | ≥ 0.8 | met |');
    expect(() => withBenchTables('no markers', 'x', result())).toThrow(/bench:start/);
  });
});
