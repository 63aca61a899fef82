import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { corePinning, pinLoadGenerator, pinningNote, stealCoresOf } from './core-pinning.js';
import { startChildServer, tillHostArgs, type ChildServer } from './child-server.js';
import { alternatingRounds, BARE, BASELINE_CASH, BASELINE_CHECK_IN, CASH, CHECK_IN, checkInBody, json, KOA_PEER, ORDER, ORDER_VIEW, PRECHECK, type Scenario, type Servers } from './rounds.js';

/**
 * `npm run bench:throughput`: only the throughput rounds of `npm run bench` that write nothing
 * (bare node:http, the Koa peer, the till's check-in, order view and pre-check), alternating, with
 * every round's req/s printed so that the spread is seen, and the check-in's ratios per round.
 * `--baseline <dir>/dist/main/headless.js` adds another build of the till (e.g. main's, copied
 * aside with its package.json and node_modules) right after this one's check-in in every round:
 * a change is judged by its ratio to the build before it, in the same run. `--rate <req/s>` offers
 * every server the same load instead of all it can take: its CPU per request is then compared at
 * equal load, which a machine shared with other work disturbs less than req/s at saturation.
 * The tills are kept from going quiet between their rounds (one /health call every 2 s, see
 * `RoundsOptions.keepAwake`): each round then compares them as they run at work, not just after a
 * quiet memory release. `--cash-only`: only the durable cash payment (a new order each time, 8 connections), and with
 * `--baseline` the same against the other build, every round's p50 and p99 printed: the payment's
 * commit path judged against the build before it.
 */
const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '4' },
    rounds: { type: 'string', default: '3' },
    baseline: { type: 'string' },
    'check-in-only': { type: 'boolean', default: false },
    'cash-only': { type: 'boolean', default: false },
    rate: { type: 'string' },
    unpinned: { type: 'boolean', default: false },
  },
});
const seconds = Number(values.seconds);
const rounds = Number(values.rounds);
const pinning = corePinning(!values.unpinned);
const COMPILED_HOST = path.resolve(import.meta.dirname, '..', 'dist', 'main', 'headless.js');

async function startTill(script: string, dirs: string[]): Promise<ChildServer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'gmb-throughput-'));
  dirs.push(dir);
  const till = await startChildServer(script, tillHostArgs(dir), { pinning });
  const answer = await fetch(`${till.url}/GetMeBack/orders/${ORDER}/checkin`, { method: 'POST', headers: json, body: checkInBody });
  if (answer.status !== 204) throw new Error(`${script}: check-in answered ${answer.status}`);
  return till;
}

async function main(): Promise<void> {
  if (!existsSync(COMPILED_HOST)) throw new Error('no dist/main/headless.js: npm run bench:throughput builds it first');
  const started: ChildServer[] = [];
  const dirs: string[] = [];
  try {
    pinLoadGenerator(pinning);
    const bare = await startChildServer('bench/bare-http-server.ts', [], { pinning });
    started.push(bare);
    const koaPeer = await startChildServer('bench/koa-peer-server.ts', [], { pinning });
    started.push(koaPeer);
    const till = await startTill(COMPILED_HOST, dirs);
    started.push(till);
    const servers: Servers = { bare: bare.url, koaPeer: koaPeer.url, waiter: `${till.url}/GetMeBack` };
    let baselinePid: number | null = null;
    if (values.baseline) {
      const baseline = await startTill(path.resolve(values.baseline), dirs);
      started.push(baseline);
      servers.baseline = `${baseline.url}/GetMeBack`;
      baselinePid = baseline.pid;
    }
    const scenarios: Scenario[] = values['cash-only']
      ? [CASH, ...(values.baseline ? [BASELINE_CASH] : [])]
      : [BARE, KOA_PEER, CHECK_IN, ...(values.baseline ? [BASELINE_CHECK_IN] : []), ...(values['check-in-only'] ? [] : [ORDER_VIEW, PRECHECK])];
    const pids = new Map<Scenario, number>([
      [BARE, bare.pid],
      [KOA_PEER, koaPeer.pid],
      [CHECK_IN, till.pid],
      [ORDER_VIEW, till.pid],
      [PRECHECK, till.pid],
      [CASH, till.pid],
    ]);
    if (baselinePid !== null) for (const scenario of [BASELINE_CHECK_IN, BASELINE_CASH]) pids.set(scenario, baselinePid);
    const tills = [servers.waiter, ...(servers.baseline ? [servers.baseline] : [])];
    const figures = await alternatingRounds(scenarios, servers, {
      seconds,
      rounds,
      warmUp: true,
      pidOf: (s) => pids.get(s),
      keepAwake: tills,
      stealCores: stealCoresOf(pinning),
      retakeDisturbed: true,
      ...(values.rate ? { rate: Number(values.rate) } : {}),
    });
    const byName = new Map(figures.map((f) => [f.name, f]));
    const roundsOf = (s: Scenario) => byName.get(s.name)?.rounds ?? [];
    const cpuOf = (s: Scenario) => (byName.get(s.name)?.cpuUs ?? []).map((us) => us ?? Number.NaN);
    const ratios = (mine: number[], over: number[]) => mine.map((value, i) => (value / (over[i] ?? Number.NaN)).toFixed(2)).join(', ');
    console.log(`\nthroughput: ${rounds} alternating rounds of ${seconds} s, Node ${process.version}; ${pinningNote(pinning)}\n`);
    if (values['cash-only']) {
      printCashRounds(figures, values.baseline !== undefined);
      return;
    }
    console.log("| scenario | req/s, median | each round | server CPU µs per request, each round | p99 ms | errors | non-2xx | steal % of the worse of the load generator's and the servers' cores, each round (rounds retaken) |\n|---|---|---|---|---|---|---|---|");
    for (const f of figures) console.log(`| ${f.name} | ${f.rps} | ${f.rounds.join(', ')} | ${f.cpuUs.join(', ')} | ${f.p99} | ${f.errors} | ${f.non2xx} | ${stealsOf(f)} |`);
    // Req/s ratios: higher is better. CPU ratios are the other way up (the peer's CPU per request over
    // the check-in's), so that both read as "check-in's speed ÷ the other's".
    console.log(`\ncheck-in ÷ Koa peer, req/s, each round: ${ratios(roundsOf(CHECK_IN), roundsOf(KOA_PEER))}`);
    console.log(`check-in ÷ Koa peer, by server CPU per request (peer's ÷ check-in's), each round: ${ratios(cpuOf(KOA_PEER), cpuOf(CHECK_IN))}`);
    console.log(`check-in ÷ bare node:http, req/s, each round: ${ratios(roundsOf(CHECK_IN), roundsOf(BARE))}`);
    console.log(`check-in ÷ bare node:http, by server CPU per request, each round: ${ratios(cpuOf(BARE), cpuOf(CHECK_IN))}`);
    if (values.baseline) {
      console.log(`check-in ÷ baseline build's check-in, req/s, each round: ${ratios(roundsOf(CHECK_IN), roundsOf(BASELINE_CHECK_IN))}`);
      console.log(`check-in ÷ baseline build's check-in, by server CPU per request, each round: ${ratios(cpuOf(BASELINE_CHECK_IN), cpuOf(CHECK_IN))}`);
    }
  } finally {
    for (const server of started.reverse()) await server.stop().catch(() => undefined);
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}

/** A scenario's steal in each round and how many rounds were measured again, or a dash where it was not read (not Linux). */
function stealsOf(figures: { steals: (number | null)[]; retaken?: number }): string {
  return figures.steals.every((steal) => steal === null) ? '—' : `${figures.steals.map((steal) => steal ?? '—').join(', ')} (${figures.retaken ?? 0} retaken)`;
}

/** The cash payment's rounds: p50, p99 and req/s of each, and with a baseline their ratios round by round. */
function printCashRounds(figures: Awaited<ReturnType<typeof alternatingRounds>>, withBaseline: boolean): void {
  console.log("| scenario | req/s, median | req/s, each round | p50 ms, each round | p99 ms, each round | p99 ms, median | server CPU µs per request, each round | errors | non-2xx | steal % of the worse of the load generator's and the servers' cores, each round (rounds retaken) |\n|---|---|---|---|---|---|---|---|---|---|");
  for (const f of figures) console.log(`| ${f.name} | ${f.rps} | ${f.rounds.join(', ')} | ${f.p50s.join(', ')} | ${f.p99s.join(', ')} | ${f.p99} | ${f.cpuUs.join(', ')} | ${f.errors} | ${f.non2xx} | ${stealsOf(f)} |`);
  const [mine, baseline] = figures;
  if (!withBaseline || !mine || !baseline) return;
  const ratios = (a: number[], b: number[]) => a.map((value, i) => (value / (b[i] ?? Number.NaN)).toFixed(2)).join(', ');
  console.log(`\ncash payment ÷ baseline build's, req/s, each round: ${ratios(mine.rounds, baseline.rounds)}`);
  console.log(`cash payment ÷ baseline build's, p99, each round (below 1 is faster): ${ratios(mine.p99s, baseline.p99s)}`);
  console.log(`cash payment ÷ baseline build's, p50, each round (below 1 is faster): ${ratios(mine.p50s, baseline.p50s)}`);
}

await main();
