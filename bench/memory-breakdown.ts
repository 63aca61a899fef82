import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { hostVariantOf, listeningUrl, tillHostArgs, type HostVariant } from './child-server.js';
import { feedMemory } from './feed-memory.js';
import { rssMiBOf } from './process-stats.js';
import { alternatingRounds, BENCH_ROUNDS, CASH, CHECK_IN, NEW_ORDER_CHECK_IN as NEW_ORDERS, ORDER_VIEW, PRECHECK } from './rounds.js';
import { BENCH_ORDER, CHECK_IN_BODY, MIXED_REQUESTS, NEW_ORDER_CHECK_IN } from './mixed-requests.js';

/**
 * `npx tsx bench/memory-breakdown.ts` (issue 19, item 5): where the compiled host's memory is, at
 * start (after its first 204) and after the waiters' mixed requests, read inside the process by
 * bench/memory-probe.mjs (process.memoryUsage, V8's heap spaces, /proc/self/smaps_rollup and the
 * largest mappings). Variants of the host run in alternating rounds, so that their figures come
 * from the same minutes of this shared machine:
 *
 *   --variant 'label;node flags;ENV=value ENV=value;host script'   (each part may be empty)
 *
 * e.g. `--variant 'as built' --variant 'young 4 MiB;--max-semi-space-size=4'
 * --variant 'one malloc arena;;MALLOC_ARENA_MAX=1'`. `--throughput` adds, per variant and round,
 * 4 s of check-ins of new orders and 4 s of order views at 32 connections (req/s), to weigh a
 * saving against its cost. `--warm S` first runs the till's throughput rounds of `npm run bench`
 * (`BENCH_ROUNDS` rounds of S seconds, as the bench's till has before its memory is measured); `--feed N` adds N
 * feed events read by an open dashboard stream after the mixed requests (bench/feed-memory.ts);
 * `--quiet S` probes again after S seconds without requests. `--snapshots` writes a heap snapshot at each probe (its writing costs
 * memory of its own: the figures after the first are inflated).
 */
const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '100000' },
    rounds: { type: 'string', default: '1' },
    variant: { type: 'string', multiple: true },
    only: { type: 'string' },
    throughput: { type: 'boolean', default: false },
    snapshots: { type: 'boolean', default: false },
    warm: { type: 'string', default: '0' },
    feed: { type: 'string', default: '0' },
    quiet: { type: 'string', default: '0' },
    verbose: { type: 'boolean', default: false },
  },
});
const root = path.resolve(import.meta.dirname, '..');
const json = { 'content-type': 'application/json' };

interface Probe {
  memoryUsage: Record<string, number>;
  heap: Record<string, number>;
  spaces: Record<string, { size: number; used: number; physical: number }>;
  smapsRollup: Record<string, number>;
  largestMappings: string[];
}

interface Row {
  variant: string;
  start: Probe;
  /** After `--warm`: the till's throughput rounds of `npm run bench` (`BENCH_ROUNDS` rounds of every till scenario). */
  warmed: Probe | null;
  after: Probe;
  /** After `--feed`: that many feed events read by an open dashboard stream (bench/feed-memory.ts). */
  feed: Probe | null;
  /** `--quiet N`: N seconds after the mixed requests, and after the feed, with no request. */
  quiet: Probe | null;
  feedQuiet: Probe | null;
  rps: { newCheckIns: number; orderViews: number } | null;
}

class ProbedHost {
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
    readonly waiter: string,
    private readonly probeFile: string,
  ) {}

  static async start(variant: HostVariant, dir: string): Promise<ProbedHost> {
    const probeFile = path.join(dir, 'probe.json');
    const child = spawn(
      process.execPath,
      [...variant.flags, '--import', path.join(root, 'bench', 'memory-probe.mjs'), variant.script, ...tillHostArgs(path.join(dir, 'data'))],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...variant.env, GMB_MEMORY_PROBE: probeFile, ...(values.snapshots ? { GMB_MEMORY_SNAPSHOT: dir } : {}) } },
    );
    const { url } = await listeningUrl(child, `${variant.label}: the host`);
    return new ProbedHost(child, url, `${url}/GetMeBack`, probeFile);
  }

  async probe(): Promise<Probe> {
    rmSync(this.probeFile, { force: true });
    this.child.kill('SIGUSR2');
    for (let i = 0; i < 600; i += 1) {
      await sleep(100);
      try {
        return JSON.parse(readFileSync(this.probeFile, 'utf8')) as Probe;
      } catch {
        // Not written yet.
      }
    }
    throw new Error('the memory probe did not answer');
  }

  get pid(): number {
    return this.child.pid as number;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => {
      if (this.child.exitCode !== null || this.child.signalCode !== null) return resolve();
      this.child.once('exit', () => resolve());
      this.child.kill('SIGTERM');
    });
  }
}

/** `--only 013` keeps some of the mixed requests, by index (which one makes the memory grow?). */
const MIXED = MIXED_REQUESTS.filter((_, index) => values.only === undefined || values.only.includes(String(index)));

async function measureVariant(variant: HostVariant): Promise<Row> {
  const dir = mkdtempSync(path.join(tmpdir(), 'gmb-memory-'));
  const host = await ProbedHost.start(variant, dir);
  try {
    const first = await fetch(`${host.waiter}/orders/${BENCH_ORDER}/checkin`, { method: 'POST', headers: json, body: CHECK_IN_BODY });
    if (first.status !== 204) throw new Error(`${variant.label}: the first check-in answered ${first.status}`);
    await sleep(500);
    const start = await host.probe();
    let warmed: Probe | null = null;
    if (Number(values.warm) > 0) {
      await alternatingRounds([CHECK_IN, NEW_ORDERS, ORDER_VIEW, PRECHECK, CASH], { bare: '', koaPeer: '', waiter: host.waiter }, { seconds: Number(values.warm), rounds: BENCH_ROUNDS, warmUp: true });
      warmed = await host.probe();
    }
    await autocannon({ url: host.waiter, connections: 16, amount: Number(values.requests), requests: MIXED });
    const after = await host.probe();
    const quietSeconds = Number(values.quiet);
    const quietProbe = async () => (quietSeconds > 0 ? (await sleep(quietSeconds * 1000), host.probe()) : null);
    const quiet = await quietProbe();
    let feed: Probe | null = null;
    let feedQuiet: Probe | null = null;
    if (Number(values.feed) > 0) {
      const pid = host.pid;
      const figures = await feedMemory({ url: host.url, banner: '', pid, rssMiB: () => rssMiBOf(pid), stop: () => host.stop() }, Number(values.feed), CHECK_IN_BODY);
      if (figures.received < figures.events || figures.errors > 0) throw new Error(`${variant.label}: the feed stream read ${figures.received} of ${figures.events}, ${figures.errors} errors`);
      feed = await host.probe();
      feedQuiet = await quietProbe();
    }
    let rps: Row['rps'] = null;
    if (values.throughput) {
      const writes = await autocannon({ url: host.waiter, connections: 32, duration: 4, requests: [NEW_ORDER_CHECK_IN] });
      const reads = await autocannon({ url: `${host.waiter}/orders/${BENCH_ORDER}`, connections: 32, duration: 4 });
      rps = { newCheckIns: Math.round(writes.requests.average), orderViews: Math.round(reads.requests.average) };
    }
    return { variant: variant.label, start, warmed, after, quiet, feed, feedQuiet, rps };
  } finally {
    await host.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

type When = 'start' | 'warmed' | 'after' | 'quiet' | 'feed' | 'feedQuiet';

const heapMapping = (probe: Probe) => Number(probe.largestMappings.find((line) => line.includes('[heap]'))?.split(' ')[0] ?? 0);

function line(row: Row, when: When, probe: Probe): string {
  const usage = probe.memoryUsage;
  const v8Physical = probe.heap.physical ?? 0;
  return [
    row.variant,
    when,
    usage.rss,
    probe.smapsRollup.Shared_Clean,
    probe.smapsRollup.Anonymous,
    `${v8Physical} (${usage.heapUsed} used)`,
    probe.spaces.new_space?.physical ?? 0,
    probe.spaces.old_space?.physical ?? 0,
    heapMapping(probe),
    usage.external,
    when === 'after' && row.rps ? `${row.rps.newCheckIns} / ${row.rps.orderViews}` : '',
  ].join(' | ');
}

const variants = (values.variant?.length ? values.variant : ['as built']).map(hostVariantOf);
const rows: Row[] = [];
for (let round = 0; round < Number(values.rounds); round += 1) {
  for (const variant of variants) {
    const row = await measureVariant(variant);
    rows.push(row);
    if (values.verbose) console.log(JSON.stringify(row));
  }
}
console.log(`\nmemory of the compiled host, MiB (${values.requests} mixed requests, 16 connections${values.only ? `, only ${values.only}` : ''}); rounds alternate the variants`);
console.log('| variant | when | RSS | shared clean (node binary, libraries) | anonymous | V8 heap physical | young gen | old space | malloc [heap] | external | new check-ins / order views req/s |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
for (const row of rows) {
  for (const when of ['start', 'warmed', 'after', 'quiet', 'feed', 'feedQuiet'] as const) {
    const probe = row[when];
    if (probe) console.log(`| ${line(row, when, probe)} |`);
  }
}
