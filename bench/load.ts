import autocannon, { type Options, type Result } from 'autocannon';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startChildServer } from './child-server.js';

/**
 * `npm run bench`: in one run on one machine, a bare node:http server and our check-in, order view,
 * pre-check and durable cash payment under concurrent load (autocannon). Prints requests/s, p50/p99
 * latency and each scenario's throughput as a ratio to bare node:http, then the server's memory
 * before and after 100 000 check-ins.
 */
const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '8' }, 'memory-requests': { type: 'string', default: '100000' } },
});
const seconds = Number(values.seconds);
const memoryRequests = Number(values['memory-requests']);
const BONUS_TYPE = '6f2c1f5e-0000-4000-8000-0000000000b0';
const ORDER = '5a1d7c3e-9b2f-4e8a-8c1d-0e2f3a4b5c6d';
const json = { 'content-type': 'application/json' };

interface Row {
  scenario: string;
  connections: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  ratio?: number;
}

async function run(title: string, options: Options): Promise<Row> {
  const result: Result = await autocannon({ duration: seconds, ...options });
  return {
    scenario: title,
    connections: options.connections ?? 10,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
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
    // The order the read scenarios use: a guest bound, a gift offered.
    await fetch(`${waiter}/orders/${ORDER}/checkin`, { method: 'POST', headers: json, body: JSON.stringify({ Value: 'GMB-G-1001', WaiterPin: '1111' }) });
    const checkInBody = JSON.stringify({ Value: 'GMB-G-1001', WaiterPin: '1111' });

    const bareRow = await run('bare node:http (POST, 204)', { url: bare.url, connections: 32, method: 'POST', headers: json, body: checkInBody });
    rows.push(bareRow);
    const ratio = (row: Row) => ({ ...row, ratio: Math.round((row.rps / bareRow.rps) * 100) / 100 });

    rows.push(ratio(await run('check-in, guest already bound (no write)', {
      url: `${waiter}/orders/${ORDER}/checkin`, connections: 32, method: 'POST', headers: json, body: checkInBody,
    })));
    rows.push(ratio(await run('check-in, a new order each time (durable write)', {
      url: waiter, connections: 32,
      requests: [{ method: 'POST', headers: json, body: checkInBody, setupRequest: (req) => ({ ...req, path: `/GetMeBack/orders/${randomUUID()}/checkin` }) }],
    })));
    rows.push(ratio(await run('order view (GET)', { url: `${waiter}/orders/${ORDER}`, connections: 32 })));
    rows.push(ratio(await run('pre-check, same sum (no new hold)', {
      url: `${waiter}/orders/${ORDER}/precheck`, connections: 32, method: 'POST', headers: json,
      body: JSON.stringify({ OrderSum: 1200, BonusSum: 100, WaiterPin: '1111' }),
    })));
    rows.push(ratio(await run('durable cash payment, a new order each time', {
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
    })));

    const before = till.rssMiB();
    await autocannon({ url: `${waiter}/orders/${ORDER}/checkin`, connections: 32, amount: Math.round(memoryRequests / 2), method: 'POST', headers: json, body: checkInBody });
    const middle = till.rssMiB();
    await autocannon({ url: `${waiter}/orders/${ORDER}/checkin`, connections: 32, amount: Math.round(memoryRequests / 2), method: 'POST', headers: json, body: checkInBody });
    const after = till.rssMiB();

    console.log(`\nGetMeBack Till load benchmark — ${new Date().toISOString()}`);
    console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}; ${seconds} s per scenario; server and load generator in separate processes\n`);
    console.log('| scenario | conns | req/s | p50 ms | p99 ms | vs bare node:http | errors | non-2xx |');
    console.log('|---|---|---|---|---|---|---|---|');
    for (const row of rows) {
      console.log(`| ${row.scenario} | ${row.connections} | ${row.rps} | ${row.p50} | ${row.p99} | ${row.ratio ?? 1} | ${row.errors} | ${row.non2xx} |`);
    }
    console.log(`\nserver memory (RSS): ${before} MiB before, ${middle} MiB after ${memoryRequests / 2}, ${after} MiB after ${memoryRequests} more check-ins`);
  } finally {
    await till.stop();
    await bare.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
