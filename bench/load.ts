import autocannon, { type Options, type Result } from 'autocannon';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { startChildServer, type ChildServer } from './child-server.js';
import { feedMemory } from './feed-memory.js';
import { BENCH_ORDER, CHECK_IN_BODY, MIXED_REQUESTS } from './mixed-requests.js';
import { outboxDrain } from './outbox-drain.js';
import { cpuSecondsOf } from './process-stats.js';
import { figuresOf, figuresTable, scenarioTable, withBenchTables, type BenchResult, type ScenarioFigures } from './targets.js';

/**
 * `npm run bench` (issue 19): in one run on one machine, alternating rounds of bare node:http, a
 * minimal Koa peer of the check-in (bench/koa-peer-server.ts) and the till's check-in, order view,
 * pre-check and durable cash payment, under autocannon from this process; then the cold start of the
 * compiled host to its first 204, its idle CPU, its memory over mixed requests and over feed events
 * with the dashboard's stream open (bench/feed-memory.ts), and the cloud outbox
 * draining a backlog beside waiters' check-ins (bench/outbox-drain.ts). Every figure is printed
 * with its target and whether it is met. This VM is shared and its speed drifts, so throughput is
 * judged only as ratios of medians of the same alternating rounds.
 *
 * `--quick`: one short round of everything (the smoke test in `npm test`; its timings mean nothing).
 * `--readme`: writes this run's tables into README.md between the bench markers.
 */
const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    seconds: { type: 'string' },
    rounds: { type: 'string' },
    'memory-requests': { type: 'string' },
    'idle-seconds': { type: 'string' },
    'outbox-operations': { type: 'string' },
    'feed-events': { type: 'string' },
    readme: { type: 'boolean', default: false },
  },
});
const quick = values.quick;
const seconds = Number(values.seconds ?? (quick ? 1 : 4));
const rounds = Number(values.rounds ?? (quick ? 1 : 3));
const memoryRequests = Number(values['memory-requests'] ?? (quick ? 2_000 : 100_000));
const idleSeconds = Number(values['idle-seconds'] ?? (quick ? 2 : 60));
const coldStarts = quick ? 1 : 3;
const feedEvents = Number(values['feed-events'] ?? (quick ? 500 : 20_000));
const outboxOperations = Number(values['outbox-operations'] ?? (quick ? 100 : 10_000));

const root = path.resolve(import.meta.dirname, '..');
const COMPILED_HOST = path.join(root, 'dist', 'main', 'headless.js');
const BONUS_TYPE = '6f2c1f5e-0000-4000-8000-0000000000b0';
const ORDER = BENCH_ORDER;
const json = { 'content-type': 'application/json' };
const checkInBody = CHECK_IN_BODY;

interface Scenario {
  name: string;
  options: (server: Servers) => Options;
}

interface Servers {
  bare: string;
  koaPeer: string;
  waiter: string;
}

interface Measured {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

const cashPayment = (order: string) => ({
  path: `/GetMeBack/orders/${order}/payments`,
  headers: { ...json, 'idempotency-key': order },
  body: JSON.stringify({ OrderSum: 1000, PaymentItems: [{ PaymentType: { Id: 'cash', Kind: 'Cash', Name: 'Наличные' }, Sum: 1000 }], WaiterPin: '1111' }),
});

const SCENARIOS: Scenario[] = [
  { name: 'bare node:http (POST, reads the body, 204)', options: (s) => ({ url: s.bare, connections: 32, method: 'POST', headers: json, body: checkInBody }) },
  { name: 'Koa peer of the check-in (JSON, zod, one SQLite read)', options: (s) => ({ url: `${s.koaPeer}/GetMeBack/orders/${ORDER}/checkin`, connections: 32, method: 'POST', headers: json, body: checkInBody }) },
  { name: 'check-in, guest already bound (no write)', options: (s) => ({ url: `${s.waiter}/orders/${ORDER}/checkin`, connections: 32, method: 'POST', headers: json, body: checkInBody }) },
  {
    name: 'check-in, a new order each time (durable write)',
    options: (s) => ({ url: s.waiter, connections: 32, requests: [{ method: 'POST', headers: json, body: checkInBody, setupRequest: (req) => ({ ...req, path: `/GetMeBack/orders/${randomUUID()}/checkin` }) }] }),
  },
  { name: 'order view (GET)', options: (s) => ({ url: `${s.waiter}/orders/${ORDER}`, connections: 32 }) },
  {
    name: 'pre-check, same sum (no new hold)',
    options: (s) => ({ url: `${s.waiter}/orders/${ORDER}/precheck`, connections: 32, method: 'POST', headers: json, body: JSON.stringify({ OrderSum: 1200, BonusSum: 100, WaiterPin: '1111' }) }),
  },
  {
    name: 'durable cash payment, a new order each time',
    options: (s) => ({ url: s.waiter, connections: 8, requests: [{ method: 'POST', setupRequest: (req) => ({ ...req, ...cashPayment(randomUUID()) }) }] }),
  },
];
const [BARE, KOA_PEER, CHECK_IN] = SCENARIOS as [Scenario, Scenario, Scenario];
const CASH = SCENARIOS[SCENARIOS.length - 1] as Scenario;

async function measure(options: Options, duration = seconds): Promise<Measured> {
  const result: Result = await autocannon({ ...options, duration });
  return {
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

const median = (numbers: number[]): number => {
  const sorted = [...numbers].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

/** Every scenario once per round, in the same order each round, so each ratio compares neighbours. */
async function alternatingRounds(servers: Servers): Promise<ScenarioFigures[]> {
  const runs = new Map<Scenario, Measured[]>(SCENARIOS.map((s) => [s, []]));
  if (!quick) for (const scenario of SCENARIOS) await measure(scenario.options(servers), 1);
  for (let round = 0; round < rounds; round += 1) {
    for (const scenario of SCENARIOS) runs.get(scenario)?.push(await measure(scenario.options(servers)));
  }
  return SCENARIOS.map((scenario) => {
    const measured = runs.get(scenario) ?? [];
    return {
      name: scenario.name,
      connections: scenario.options(servers).connections ?? 10,
      rps: median(measured.map((m) => m.rps)),
      p50: median(measured.map((m) => m.p50)),
      p99: median(measured.map((m) => m.p99)),
      errors: measured.reduce((sum, m) => sum + m.errors, 0),
      non2xx: measured.reduce((sum, m) => sum + m.non2xx, 0),
    };
  });
}

function hostArgs(dataDir: string): string[] {
  return ['--host', '127.0.0.1', '--port', '0', '--data-dir', dataDir, '--bonus-payment-type', BONUS_TYPE];
}

async function checkIn(waiter: string, order: string): Promise<void> {
  const answer = await fetch(`${waiter}/orders/${order}/checkin`, { method: 'POST', headers: json, body: checkInBody });
  if (answer.status !== 204) throw new Error(`check-in answered ${answer.status}: ${await answer.text()}`);
}

/** From spawning the host to its first answered check-in (204), in ms; the host is left running. */
async function coldStart(script: string, dataDir: string): Promise<{ ms: number; till: ChildServer }> {
  const began = performance.now();
  const till = await startChildServer(script, hostArgs(dataDir));
  await checkIn(`${till.url}/GetMeBack`, randomUUID());
  return { ms: Math.round(performance.now() - began), till };
}

/** The floor under any cold start on this machine, now: plain node starting bare node:http to its first 204. */
async function bareColdStart(): Promise<number> {
  const began = performance.now();
  const bare = await startChildServer('bench/bare-http-server.ts', [], { plainNode: true });
  const answer = await fetch(bare.url, { method: 'POST', body: checkInBody });
  if (answer.status !== 204) throw new Error(`bare node:http answered ${answer.status}`);
  const ms = Math.round(performance.now() - began);
  await bare.stop();
  return ms;
}

/** CPU the process uses while nobody calls it, as a percentage of one core. */
async function idleCpuPercent(pid: number): Promise<number> {
  const before = cpuSecondsOf(pid);
  await sleep(idleSeconds * 1000);
  return Math.round(((cpuSecondsOf(pid) - before) / idleSeconds) * 100 * 1000) / 1000;
}

/** The waiter's calls of an evening, in turn on every connection (bench/mixed-requests.ts). */
function mixedRequests(waiter: string, amount: number): Options {
  return { url: waiter, connections: 16, amount, requests: MIXED_REQUESTS };
}

async function main(): Promise<void> {
  const dirs: string[] = [];
  const newDir = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gmb-bench-'));
    dirs.push(dir);
    return dir;
  };
  const compiled = existsSync(COMPILED_HOST);
  const hostScript = compiled ? COMPILED_HOST : 'main/headless.ts';
  const started: ChildServer[] = [];
  try {
    // Cold starts first, while nothing else runs: a new data folder, then the same folder again.
    const newFolderMs: number[] = [];
    const existingMs: number[] = [];
    const bareMs: number[] = [];
    let idleTill: ChildServer | null = null;
    for (let i = 0; i < coldStarts; i += 1) {
      bareMs.push(await bareColdStart());
      const dir = newDir();
      const fresh = await coldStart(hostScript, dir);
      newFolderMs.push(fresh.ms);
      await fresh.till.stop();
      const again = await coldStart(hostScript, dir);
      existingMs.push(again.ms);
      if (i === coldStarts - 1) idleTill = again.till;
      else await again.till.stop();
    }
    if (!idleTill) throw new Error('no till started');
    started.push(idleTill);
    await sleep(1000);
    const idle = await idleCpuPercent(idleTill.pid);
    await idleTill.stop();

    const bare = await startChildServer('bench/bare-http-server.ts');
    started.push(bare);
    const koaPeer = await startChildServer('bench/koa-peer-server.ts');
    started.push(koaPeer);
    const till = await startChildServer(hostScript, hostArgs(newDir()));
    started.push(till);
    const servers: Servers = { bare: bare.url, koaPeer: koaPeer.url, waiter: `${till.url}/GetMeBack` };
    await checkIn(servers.waiter, ORDER);

    const scenarios = await alternatingRounds(servers);
    const [bareFigures, peerFigures, checkInFigures] = [BARE, KOA_PEER, CHECK_IN].map((s) => scenarios[SCENARIOS.indexOf(s)] as ScenarioFigures) as [ScenarioFigures, ScenarioFigures, ScenarioFigures];
    const cashFigures = scenarios[SCENARIOS.indexOf(CASH)] as ScenarioFigures;

    const rssBefore = till.rssMiB();
    await autocannon(mixedRequests(servers.waiter, memoryRequests));
    const rssFirst = till.rssMiB();
    await autocannon(mixedRequests(servers.waiter, memoryRequests));
    const rssSecond = till.rssMiB();
    const feed = await feedMemory(till, feedEvents, checkInBody);
    await till.stop();

    const outboxDir = newDir();
    const outbox = await outboxDrain({
      hostScript,
      hostArgs,
      dataDir: outboxDir,
      appliedFile: path.join(newDir(), 'applied.json'),
      operations: outboxOperations,
      guests: quick ? 10 : 100,
      connections: 8,
      quietSeconds: seconds,
    });

    const result: BenchResult = {
      scenarios: scenarios.slice(0),
      bareRps: bareFigures.rps,
      koaPeerRps: peerFigures.rps,
      checkInRps: checkInFigures.rps,
      checkInP99: checkInFigures.p99,
      cashP99: cashFigures.p99,
      errors: scenarios.slice(1).reduce((sum, s) => sum + s.errors + s.non2xx, 0),
      coldStartNewMs: median(newFolderMs),
      coldStartExistingMs: median(existingMs),
      coldStartCompiled: compiled,
      coldStartBareMs: median(bareMs),
      idleCpuPercent: idle,
      idleSeconds,
      rss: { before: rssBefore, afterFirst: rssFirst, afterSecond: rssSecond, requests: memoryRequests },
      outbox,
      feed,
    };
    const heading =
      `Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, Node ${process.version}` +
      `${quick ? ' (QUICK MODE: timings mean nothing)' : ''}; medians of ${rounds} alternating rounds of ${seconds} s; ` +
      `cold starts: median of ${coldStarts}, ${compiled ? 'the compiled host' : 'the sources through tsx'}.`;
    console.log(`\nGetMeBack Till benchmark — ${new Date().toISOString()}\n${heading}\n`);
    console.log(scenarioTable(result));
    console.log('');
    console.log(figuresTable(figuresOf(result)));
    console.log(`\ncold starts, ms: new folder ${newFolderMs.join(', ')}; existing folder ${existingMs.join(', ')}; bare node:http ${bareMs.join(', ')}`);
    if (values.readme) {
      const readmePath = path.join(root, 'README.md');
      writeFileSync(readmePath, withBenchTables(readFileSync(readmePath, 'utf8'), heading, result));
      console.log('README.md: benchmark tables rewritten');
    }
  } finally {
    for (const server of started.reverse()) await server.stop().catch(() => undefined);
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}

await main();
