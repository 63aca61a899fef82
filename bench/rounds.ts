import autocannon, { type Options, type Result } from 'autocannon';
import { randomUUID } from 'node:crypto';
import { coresTicksOf, cpuSecondsOf, worstStealPercent } from './process-stats.js';
import { BENCH_ORDER, BONUS_TYPE, CHECK_IN_BODY } from './mixed-requests.js';
import type { ScenarioFigures } from './targets.js';

/**
 * The throughput scenarios of `npm run bench` and `npm run bench:throughput`, and the alternating
 * rounds they are measured in: every scenario once per round, in the same order each round, so that
 * each ratio compares neighbours on this shared machine whose speed drifts.
 */
export { BONUS_TYPE };
export const ORDER = BENCH_ORDER;
export const json = { 'content-type': 'application/json' };
export const checkInBody = CHECK_IN_BODY;
export const precheckBody = JSON.stringify({ OrderSum: 1200, BonusSum: 100, WaiterPin: '1111' });

export interface Scenario {
  name: string;
  options: (server: Servers) => Options;
}

export interface Servers {
  bare: string;
  koaPeer: string;
  /** The till's waiter API (…/GetMeBack). */
  waiter: string;
  /** Another build of the till to compare with (`bench:throughput --baseline`), its waiter API. */
  baseline?: string;
}

export interface Measured {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** CPU time the server process spent per answered request, µs (user + system): less sensitive to a busy machine than req/s. */
  cpuUs: number | null;
  /** Percent of a measured core's time the VM's host gave to other guests during the round, the worst core's (null: not read). */
  steal: number | null;
}

const cashPayment = (order: string) => ({
  path: `/GetMeBack/orders/${order}/payments`,
  headers: { ...json, 'idempotency-key': order },
  body: JSON.stringify({ OrderSum: 1000, PaymentItems: [{ PaymentType: { Id: 'cash', Kind: 'Cash', Name: 'Наличные' }, Sum: 1000 }], WaiterPin: '1111' }),
});

const checkInAt = (waiter: string): Options => ({ url: `${waiter}/orders/${ORDER}/checkin`, connections: 32, method: 'POST', headers: json, body: checkInBody });

export const BARE: Scenario = { name: 'bare node:http (POST, reads the body, 204)', options: (s) => ({ url: s.bare, connections: 32, method: 'POST', headers: json, body: checkInBody }) };
export const KOA_PEER: Scenario = {
  name: 'Koa peer of the check-in (JSON, zod, one SQLite read)',
  options: (s) => ({ url: `${s.koaPeer}/GetMeBack/orders/${ORDER}/checkin`, connections: 32, method: 'POST', headers: json, body: checkInBody }),
};
export const CHECK_IN: Scenario = { name: 'check-in, guest already bound (no write)', options: (s) => checkInAt(s.waiter) };
export const BASELINE_CHECK_IN: Scenario = { name: 'check-in, guest already bound, baseline build', options: (s) => checkInAt(s.baseline ?? s.waiter) };
export const NEW_ORDER_CHECK_IN: Scenario = {
  name: 'check-in, a new order each time (durable write)',
  options: (s) => ({ url: s.waiter, connections: 32, requests: [{ method: 'POST', headers: json, body: checkInBody, setupRequest: (req) => ({ ...req, path: `/GetMeBack/orders/${randomUUID()}/checkin` }) }] }),
};
export const ORDER_VIEW: Scenario = { name: 'order view (GET)', options: (s) => ({ url: `${s.waiter}/orders/${ORDER}`, connections: 32 }) };
export const PRECHECK: Scenario = {
  name: 'pre-check, same sum (no new hold)',
  options: (s) => ({ url: `${s.waiter}/orders/${ORDER}/precheck`, connections: 32, method: 'POST', headers: json, body: precheckBody }),
};
const cashAt = (waiter: string): Options => ({ url: waiter, connections: 8, requests: [{ method: 'POST', setupRequest: (req) => ({ ...req, ...cashPayment(randomUUID()) }) }] });
export const CASH: Scenario = { name: 'durable cash payment, a new order each time', options: (s) => cashAt(s.waiter) };
export const BASELINE_CASH: Scenario = { name: 'durable cash payment, a new order each time, baseline build', options: (s) => cashAt(s.baseline ?? s.waiter) };

/** `npm run bench`'s rows, in its order. */
export const SCENARIOS: Scenario[] = [BARE, KOA_PEER, CHECK_IN, NEW_ORDER_CHECK_IN, ORDER_VIEW, PRECHECK, CASH];

/** One run of autocannon; with the server's `pid`, also its CPU time per request. */
export async function measure(options: Options, duration: number, pid?: number, stealCores?: readonly (number | null)[]): Promise<Measured> {
  const cpuBefore = pid === undefined ? 0 : cpuSecondsOf(pid);
  const ticksBefore = stealCores === undefined ? null : coresTicksOf(stealCores);
  const result: Result = await autocannon({ ...options, duration });
  const answered = result.requests.total;
  return {
    steal: ticksBefore === null || stealCores === undefined ? null : worstStealPercent(ticksBefore, coresTicksOf(stealCores)),
    cpuUs: pid === undefined || answered === 0 ? null : Math.round(((cpuSecondsOf(pid) - cpuBefore) / answered) * 1e7) / 10,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/** Rounds of a real `npm run bench`: five, so that one disturbed round does not move a median. */
export const BENCH_ROUNDS = 5;

/**
 * A scenario's round in which the VM's host took more than this share of a measured core is measured
 * again: on these shared VMs the host sometimes runs other guests for seconds (6–21 % of a core in
 * whole runs measured on 2026-12-03), which moved the check-in's ratios by a quarter while the till
 * did the same work per request. The product's cost is what the rounds compare, not the neighbours'.
 */
export const RETAKE_ABOVE_STEAL_PERCENT = 5;
/** At most this many retakes of one scenario in one round; the least disturbed attempt is kept, and the report counts them. */
export const MAX_RETAKES = 2;

/** The attempt to keep of two: the one the host disturbed less (never the faster: that would pick the luckier). */
export function lessDisturbed(kept: Measured, another: Measured): Measured {
  return (another.steal ?? Number.POSITIVE_INFINITY) < (kept.steal ?? Number.POSITIVE_INFINITY) ? another : kept;
}

/** Whether a round is disturbed enough to take again (a round whose steal was not read never is). */
export function isDisturbed(measured: Measured): boolean {
  return measured.steal !== null && measured.steal > RETAKE_ABOVE_STEAL_PERCENT;
}

/** Measures once, and again (at most `MAX_RETAKES` times) while the host took too much of a core; the least disturbed attempt and the number of retakes. */
export async function measureUndisturbed(take: () => Promise<Measured>, retake: boolean): Promise<{ measured: Measured; retakes: number }> {
  let measured = await take();
  let retakes = 0;
  while (retake && isDisturbed(measured) && retakes < MAX_RETAKES) {
    measured = lessDisturbed(measured, await take());
    retakes += 1;
  }
  return { measured, retakes };
}

/** The steal of a scenario's rounds: their median and the worst of them (null when not read). */
export function stealOfRounds(steals: readonly (number | null)[]): { median: number; max: number } | null {
  const read = steals.filter((steal): steal is number => steal !== null);
  return read.length === 0 ? null : { median: median(read), max: Math.max(...read) };
}

export const median = (numbers: number[]): number => {
  const sorted = [...numbers].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

export interface RoundsOptions {
  seconds: number;
  rounds: number;
  /** A 1 s round of every scenario first, not counted. */
  warmUp: boolean;
  /** The process serving a scenario, for its CPU time per request. */
  pidOf?: (scenario: Scenario) => number | undefined;
  /** Reads the steal time of these cores (null: of the whole machine) in every round; absent: not read (not Linux). */
  stealCores?: readonly (number | null)[];
  /** Measures a round again while the host took more than `RETAKE_ABOVE_STEAL_PERCENT` of a core (a real run; not the smoke test). */
  retakeDisturbed?: boolean;
  /** Requests per second offered to every server (autocannon's overallRate) instead of as many as each answers. */
  rate?: number;
  /**
   * Waiter APIs asked for their health every `KEEP_AWAKE_MS` while the rounds run: a till left 10 s
   * without a waiter between its rounds gives its memory back (core/quiet-memory.ts) and runs its
   * next round on colder code, which is not what the rounds compare. A restaurant's steady trickle
   * of calls keeps a till awake the same way.
   */
  keepAwake?: readonly string[];
}

/** How often `keepAwake` calls: well inside the quiet release's 10 s. */
export const KEEP_AWAKE_MS = 2_000;

/** Calls each waiter API's /health every `KEEP_AWAKE_MS` until the returned stop is called. */
function keepAwake(waiterApis: readonly string[]): () => void {
  if (waiterApis.length === 0) return () => undefined;
  const timer = setInterval(() => {
    for (const api of waiterApis)
      void fetch(`${api}/health`)
        .then((answer) => answer.arrayBuffer())
        .catch(() => undefined);
  }, KEEP_AWAKE_MS);
  return () => clearInterval(timer);
}

/** Every scenario once per round, in the same order each round; medians per scenario, and every round's req/s. */
export async function alternatingRounds(
  scenarios: readonly Scenario[],
  servers: Servers,
  options: RoundsOptions,
): Promise<(ScenarioFigures & { rounds: number[]; p50s: number[]; p99s: number[]; cpuUs: (number | null)[]; steals: (number | null)[] })[]> {
  const runs = new Map<Scenario, Measured[]>(scenarios.map((s) => [s, []]));
  const retaken = new Map<Scenario, number>(scenarios.map((s) => [s, 0]));
  const offered = options.rate === undefined ? {} : { overallRate: options.rate };
  const stopKeepingAwake = keepAwake(options.keepAwake ?? []);
  try {
    if (options.warmUp) for (const scenario of scenarios) await measure(scenario.options(servers), 1);
    for (let round = 0; round < options.rounds; round += 1) {
      for (const scenario of scenarios) {
        const take = () => measure({ ...scenario.options(servers), ...offered }, options.seconds, options.pidOf?.(scenario), options.stealCores);
        const { measured, retakes } = await measureUndisturbed(take, options.retakeDisturbed === true);
        runs.get(scenario)?.push(measured);
        if (retakes > 0) retaken.set(scenario, (retaken.get(scenario) ?? 0) + 1);
      }
    }
  } finally {
    stopKeepingAwake();
  }
  return scenarios.map((scenario) => {
    const measured = runs.get(scenario) ?? [];
    return {
      name: scenario.name,
      connections: scenario.options(servers).connections ?? 10,
      rps: median(measured.map((m) => m.rps)),
      p50: median(measured.map((m) => m.p50)),
      p99: median(measured.map((m) => m.p99)),
      errors: measured.reduce((sum, m) => sum + m.errors, 0),
      non2xx: measured.reduce((sum, m) => sum + m.non2xx, 0),
      rounds: measured.map((m) => m.rps),
      p50s: measured.map((m) => m.p50),
      p99s: measured.map((m) => m.p99),
      cpuUs: measured.map((m) => m.cpuUs),
      steals: measured.map((m) => m.steal),
      steal: stealOfRounds(measured.map((m) => m.steal)),
      retaken: retaken.get(scenario) ?? 0,
    };
  });
}
