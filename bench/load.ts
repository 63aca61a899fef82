import autocannon, { type Options } from 'autocannon';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { corePinning, pinLoadGenerator, pinningNote, releaseLoadGenerator, stealCoresOf } from './core-pinning.js';
import { startChildServer, tillHost, tillHostArgs, type ChildServer } from './child-server.js';
import { bareColdStart, checkIn, coldStart } from './cold-start-timing.js';
import { feedMemory } from './feed-memory.js';
import { MIXED_REQUESTS } from './mixed-requests.js';
import { outboxDrain } from './outbox-drain.js';
import { QUIET_MS } from '../main/core/quiet-memory.js';
import { DEFAULT_SETTINGS } from '../shared/settings/schema.js';
import { cpuSecondsOf } from './process-stats.js';
import { alternatingRounds, BARE, BENCH_ROUNDS, CASH, CHECK_IN, checkInBody, KOA_PEER, median, ORDER, SCENARIOS, type Servers } from './rounds.js';
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
    unpinned: { type: 'boolean', default: false },
  },
});
const quick = values.quick;
const seconds = Number(values.seconds ?? (quick ? 1 : 4));
const rounds = Number(values.rounds ?? (quick ? 1 : BENCH_ROUNDS));
// Pinned for a real run; the smoke test in `npm test` shares the machine with other tests and is not.
const pinning = corePinning(!quick && !values.unpinned);
const memoryRequests = Number(values['memory-requests'] ?? (quick ? 2_000 : 100_000));
const idleSeconds = Number(values['idle-seconds'] ?? (quick ? 2 : 60));
const coldStarts = quick ? 1 : 3;
const feedEvents = Number(values['feed-events'] ?? (quick ? 500 : 20_000));
const outboxOperations = Number(values['outbox-operations'] ?? (quick ? 100 : 10_000));

const root = path.resolve(import.meta.dirname, '..');

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
  const { script: hostScript, compiled } = tillHost();
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

    // The throughput rounds, the memory phase and the outbox: the load generator (and the fake cloud) on one core, the servers on the other.
    pinLoadGenerator(pinning);
    const bare = await startChildServer('bench/bare-http-server.ts', [], { pinning });
    started.push(bare);
    const koaPeer = await startChildServer('bench/koa-peer-server.ts', [], { pinning });
    started.push(koaPeer);
    const till = await startChildServer(hostScript, tillHostArgs(newDir()), { pinning });
    started.push(till);
    const servers: Servers = { bare: bare.url, koaPeer: koaPeer.url, waiter: `${till.url}/GetMeBack` };
    await checkIn(servers.waiter, ORDER);

    // A round the VM's host slowed says so (steal on the load generator's and the servers' cores,
    // bench/core-pinning.ts) and, in a real run, is measured again (bench/rounds.ts).
    const scenarios = await alternatingRounds(SCENARIOS, servers, { seconds, rounds, warmUp: !quick, stealCores: stealCoresOf(pinning), retakeDisturbed: !quick });
    const [bareFigures, peerFigures, checkInFigures] = [BARE, KOA_PEER, CHECK_IN].map((s) => scenarios[SCENARIOS.indexOf(s)] as ScenarioFigures) as [ScenarioFigures, ScenarioFigures, ScenarioFigures];
    const cashFigures = scenarios[SCENARIOS.indexOf(CASH)] as ScenarioFigures;

    const rssBefore = till.rssMiB();
    await autocannon(mixedRequests(servers.waiter, memoryRequests));
    const rssFirst = till.rssMiB();
    await autocannon(mixedRequests(servers.waiter, memoryRequests));
    const rssSecond = till.rssMiB();
    // Once the waiters are quiet the till gives V8's unused heap back (main/core/quiet-memory.ts).
    await sleep(QUIET_MS + 2_000);
    const rssQuiet = till.rssMiB();
    const feed = await feedMemory(till, feedEvents, checkInBody);
    await sleep(QUIET_MS + 2_000);
    feed.rssQuiet = till.rssMiB();
    await till.stop();
    // The floor: the same requests to bare node:http and to the Koa peer (both ran the rounds too).
    await autocannon(mixedRequests(servers.bare, memoryRequests));
    await autocannon(mixedRequests(servers.koaPeer, memoryRequests));
    const floor = { bare: bare.rssMiB(), koaPeer: koaPeer.rssMiB() };
    await koaPeer.stop();
    await bare.stop();

    const outboxDir = newDir();
    const appliedDir = newDir();
    const outbox = await outboxDrain({
      hostScript,
      hostArgs: tillHostArgs,
      dataDir: outboxDir,
      appliedFile: (drain) => path.join(appliedDir, `applied-${drain}.json`),
      operations: outboxOperations,
      guests: quick ? 10 : 100,
      connections: 8,
      quietSeconds: seconds,
      inFlight: DEFAULT_SETTINGS.cloud.deliveriesInFlight,
      compareWith: 1,
      pinning,
    });
    releaseLoadGenerator(pinning);

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
      rss: { before: rssBefore, afterFirst: rssFirst, afterSecond: rssSecond, quiet: rssQuiet, quietSeconds: (QUIET_MS + 2_000) / 1000, requests: memoryRequests, floor },
      outbox,
      feed,
    };
    const heading =
      `Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, Node ${process.version}` +
      `${quick ? ' (QUICK MODE: timings mean nothing)' : ''}; medians of ${rounds} alternating rounds of ${seconds} s; ` +
      `${pinningNote(pinning)}; cold starts: median of ${coldStarts}, ${compiled ? 'the compiled host' : 'the sources through tsx'}.`;
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
