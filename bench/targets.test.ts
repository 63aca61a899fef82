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
  rss: { before: 60, afterFirst: 80, afterSecond: 81, quiet: null, quietSeconds: 12, requests: 100_000, floor: null },
  outbox: null,
  feed: null,
  ...over,
});

const verdictOf = (r: BenchResult, start: string) => figuresOf(r).find((f) => f.what.startsWith(start))?.met;

describe('bench targets', () => {
  it('judges the check-in against the Koa peer and bare node:http from the same rounds', () => {
    expect(verdictOf(result(), 'check-in ÷ Koa peer')).toBe(true);
    expect(verdictOf(result(), 'check-in ÷ bare')).toBe(true);
    expect(verdictOf(result({ checkInRps: 7000 }), 'check-in ÷ Koa peer')).toBe(false);
    expect(verdictOf(result({ checkInRps: 7000 }), 'check-in ÷ bare')).toBe(false);
    // 0.448 of bare shows as 0.45 but is judged unrounded: missed.
    expect(verdictOf(result({ checkInRps: 0.448 * 18_000 }), 'check-in ÷ bare')).toBe(false);
  });

  it('misses on latency, errors, cold start, idle CPU and memory past their bounds', () => {
    expect(verdictOf(result({ checkInP99: 11 }), 'check-in p99')).toBe(false);
    expect(verdictOf(result({ cashP99: 31 }), 'durable cash payment p99')).toBe(false);
    expect(verdictOf(result({ errors: 1 }), 'errors')).toBe(false);
    expect(verdictOf(result({ coldStartExistingMs: 501 }), 'cold start to the first 204, existing')).toBe(false);
    expect(verdictOf(result({ coldStartNewMs: 1001 }), 'cold start to the first 204, new')).toBe(false);
    expect(verdictOf(result({ idleCpuPercent: 0.1 }), 'idle CPU')).toBe(false);
    expect(verdictOf(result({ rss: { before: 60, afterFirst: 121, afterSecond: 121, quiet: null, quietSeconds: 12, requests: 100_000, floor: null } }), 'RSS after')).toBe(false);
    expect(verdictOf(result({ rss: { before: 60, afterFirst: 80, afterSecond: 86, quiet: null, quietSeconds: 12, requests: 100_000, floor: null } }), 'RSS growth')).toBe(false);
    expect(figuresOf(result()).every((f) => f.met !== false)).toBe(true);
  });

  it('judges the RSS once the waiters have been quiet against the same budget', () => {
    const rss = { before: 60, afterFirst: 150, afterSecond: 150, quiet: 110, quietSeconds: 12, requests: 100_000, floor: null };
    expect(verdictOf(result({ rss }), 'RSS after those requests and 12 s without any')).toBe(true);
    expect(verdictOf(result({ rss: { ...rss, quiet: 121 } }), 'RSS after those requests and 12 s without any')).toBe(false);
    expect(verdictOf(result(), 'RSS after those requests')).toBeUndefined();
  });

  it('reports the RSS floor of bare node:http and the Koa peer, and the till\'s own over the peer', () => {
    expect(figuresOf(result()).some((f) => f.what.startsWith('RSS floor'))).toBe(false);
    const row = figuresOf(result({ rss: { before: 60, afterFirst: 130.5, afterSecond: 131, quiet: null, quietSeconds: 12, requests: 100_000, floor: { bare: 60.2, koaPeer: 85.3 } } })).find((f) => f.what.startsWith('RSS floor'));
    expect(row?.value).toBe('60.2 / 85.3 MiB (the till: the Koa peer + 45.2 MiB of its own)');
    expect(row?.met).toBeNull();
  });

  it('judges the open dashboard\'s memory and the outbox drain', () => {
    const feed = { events: 20_000, received: 20_000, errors: 0, rssBefore: 90, rssAfter: 100, rssQuiet: null };
    expect(verdictOf(result({ feed }), 'RSS after 20000 feed events')).toBe(true);
    expect(verdictOf(result({ feed: { ...feed, rssAfter: 121 } }), 'RSS after 20000 feed events')).toBe(false);
    expect(verdictOf(result({ feed: { ...feed, received: 19_999 } }), 'RSS after 20000 feed events')).toBe(false);
    expect(verdictOf(result({ feed }), 'RSS after those feed events')).toBeUndefined();
    expect(verdictOf(result({ feed: { ...feed, rssQuiet: 110 } }), 'RSS after those feed events and 12 s without requests')).toBe(true);
    expect(verdictOf(result({ feed: { ...feed, rssAfter: 150, rssQuiet: 121 } }), 'RSS after those feed events and 12 s without requests')).toBe(false);
    const outbox = {
      operations: 10_000,
      applied: 10_000,
      guests: 100,
      outOfOrder: 0,
      perSecond: 150,
      drainSeconds: 66.7,
      connections: 8,
      inFlight: 8,
      during: { p99: 9, rps: 900, errors: 0 },
      quiet: { p99: 4, rps: 2000, errors: 0 },
      oneAtATime: null,
    };
    expect(verdictOf(result({ outbox }), 'outbox drain')).toBe(true);
    expect(verdictOf(result({ outbox: { ...outbox, perSecond: 99 } }), 'outbox drain')).toBe(false);
    expect(verdictOf(result({ outbox }), 'outbox: every operation applied once')).toBe(true);
    expect(verdictOf(result({ outbox: { ...outbox, outOfOrder: 1 } }), 'outbox: every operation applied once')).toBe(false);
    expect(verdictOf(result({ outbox: { ...outbox, applied: 9_999 } }), 'outbox: every operation applied once')).toBe(false);
    expect(verdictOf(result({ outbox: { ...outbox, during: { p99: 11, rps: 900, errors: 0 } } }), "waiters' check-in p99 at 8 connections while")).toBe(false);
    // The same backlog one call at a time: reported beside, as a ratio of the same run, not judged.
    const oneAtATime = { inFlight: 1, perSecond: 50, drainSeconds: 200, applied: 10_000, outOfOrder: 0, during: { p99: 8, rps: 900, errors: 0 } };
    const compared = figuresOf(result({ outbox: { ...outbox, oneAtATime } })).find((f) => f.what.startsWith('the same backlog, up to 1 call at once'));
    expect(compared).toMatchObject({ met: null, value: expect.stringContaining('8 at once: 3 × this') });
    // autocannon's p99 in whole ms: an empty outbox's 0 ms makes no ratio.
    const empty = (quietP99: number) => figuresOf(result({ outbox: { ...outbox, quiet: { p99: quietP99, rps: 20_000, errors: 0 } } })).find((f) => f.what.includes('outbox empty'))?.value;
    expect(empty(4)).toContain('while draining 2.25 × this');
    expect(empty(0)).toBe('0 ms (20000 req/s; under 1 ms, so no ratio to the 9 ms while draining)');
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
