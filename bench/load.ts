import autocannon, { type Options, type Result } from 'autocannon';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startChildServer } from './child-server.js';

/**
 * `npm run bench`: in one run on one machine, a bare node:http server and our check-in, order view,
 * pre-check and durable cash payment under concurrent load (autocannon). This machine is a shared VM
 * whose speed drifts by 2× within a minute, so each scenario is warmed up, then measured in rounds
 * that alternate with the bare server, and reported as medians: requests/s, p50/p99 latency and the
 * ratio to bare node:http measured next to it. Last, the server's memory before and after
 * 100 000 check-ins.
 */
const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '4' },
    rounds: { type: 'string', default: '3' },
    'memory-requests': { type: 'string', default: '100000' },
  },
});
const seconds = Number(values.seconds);
const rounds = Number(values.rounds);
const memoryRequests = Number(values['memory-requests']);
const BONUS_TYPE = '6f2c1f5e-0000-4000-8000-0000000000b0';
const ORDER = '5a1d7c3e-9b2f-4e8a-8c1d-0e2f3a4b5c6d';
const json = { 'content-type': 'application/json' };

interface Measured {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

interface Row extends Measured {
  scenario: string;
  connections: number;
  bareRps: number;
  ratio: number;
}

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

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

/** Warm-up, then `rounds` × (bare node:http, the scenario), each with the same connections. */
async function compare(title: string, options: Options, bareUrl: string): Promise<Row> {
  const connections = options.connections ?? 10;
  const bare: Options = { url: bareUrl, connections, method: 'POST', headers: json, body: '{"Value":"GMB-G-1001","WaiterPin":"1111"}' };
  await measure(options, 1);
  await measure(bare, 1);
  const ours: Measured[] = [];
  const bares: Measured[] = [];
  for (let round = 0; round < rounds; round += 1) {
    bares.push(await measure(bare));
    ours.push(await measure(options));
  }
  const rps = median(ours.map((m) => m.rps));
  const bareRps = median(bares.map((m) => m.rps));
  return {
    scenario: title,
    connections,
    rps,
    p50: median(ours.map((m) => m.p50)),
    p99: median(ours.map((m) => m.p99)),
    errors: ours.reduce((sum, m) => sum + m.errors, 0),
    non2xx: ours.reduce((sum, m) => sum + m.non2xx, 0),
    bareRps,
    ratio: Math.round((rps / bareRps) * 100) / 100,
  };
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'gmb-bench-'));
  const bare = await startChildServer('bench/bare-http-server.ts');
  const till = await startChildServer('main/headless.ts', [
    '--host', '127.0.0.1', '--port', '0', '--data-dir', dataDir, '--bonus-payment-type', BONUS_TYPE,
  ]);
  const waiter = `${till.url}/GetMeBack`;
  const rows: Row[] = [];
  try {
    // The order the read scenarios use: a guest bound.
    await fetch(`${waiter}/orders/${ORDER}/checkin`, { method: 'POST', headers: json, body: JSON.stringify({ Value: 'GMB-G-1001', WaiterPin: '1111' }) });
    const checkInBody = JSON.stringify({ Value: 'GMB-G-1001', WaiterPin: '1111' });

    rows.push(await compare('check-in, guest already bound (no write)', {
      url: `${waiter}/orders/${ORDER}/checkin`, connections: 32, method: 'POST', headers: json, body: checkInBody,
    }, bare.url));
    rows.push(await compare('check-in, a new order each time (durable write)', {
      url: waiter, connections: 32,
      requests: [{ method: 'POST', headers: json, body: checkInBody, setupRequest: (req) => ({ ...req, path: `/GetMeBack/orders/${randomUUID()}/checkin` }) }],
    }, bare.url));
    rows.push(await compare('order view (GET)', { url: `${waiter}/orders/${ORDER}`, connections: 32 }, bare.url));
    rows.push(await compare('pre-check, same sum (no new hold)', {
      url: `${waiter}/orders/${ORDER}/precheck`, connections: 32, method: 'POST', headers: json,
      body: JSON.stringify({ OrderSum: 1200, BonusSum: 100, WaiterPin: '1111' }),
    }, bare.url));
    rows.push(await compare('durable cash payment, a new order each time', {
      url: waiter, connections: 8,
      requests: [{
        method: 'POST',
        setupRequest: (req) => {
          const order = randomUUID();
          return {
            ...req,
            path: `/GetMeBack/orders/${order}/payments`,
            headers: { ...json, 'idempotency-key': order },
            body: JSON.stringify({ OrderSum: 1000, PaymentItems: [{ PaymentType: { Id: 'cash', Kind: 'Cash', Name: 'Наличные' }, Sum: 1000 }], WaiterPin: '1111' }),
          };
        },
      }],
    }, bare.url));

    const checkIns = { url: `${waiter}/orders/${ORDER}/checkin`, connections: 32, method: 'POST' as const, headers: json, body: checkInBody };
    const before = till.rssMiB();
    await autocannon({ ...checkIns, amount: Math.round(memoryRequests / 2) });
    const middle = till.rssMiB();
    await autocannon({ ...checkIns, amount: Math.round(memoryRequests / 2) });
    const after = till.rssMiB();

    console.log(`\nGetMeBack Till load benchmark — ${new Date().toISOString()}`);
    console.log(
      `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}; medians of ${rounds} rounds of ${seconds} s, ` +
        'each next to a round of bare node:http; server and load generator in separate processes\n',
    );
    console.log('| scenario | conns | req/s | p50 ms | p99 ms | bare node:http req/s | ratio | errors | non-2xx |');
    console.log('|---|---|---|---|---|---|---|---|---|');
    for (const row of rows) {
      console.log(`| ${row.scenario} | ${row.connections} | ${row.rps} | ${row.p50} | ${row.p99} | ${row.bareRps} | ${row.ratio} | ${row.errors} | ${row.non2xx} |`);
    }
    console.log(`\nserver memory (RSS): ${before} MiB before, ${middle} MiB after ${memoryRequests / 2}, ${after} MiB after ${memoryRequests} check-ins`);
  } finally {
    await till.stop();
    await bare.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
