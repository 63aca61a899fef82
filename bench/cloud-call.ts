import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { postJson } from '../main/core/providers/cloud/post-json.js';

/**
 * `npx tsx bench/cloud-call.ts [--calls 8000] [--rounds 3]` (issue 19): the CPU one call to the cloud
 * costs the till, by the cloud client's old way (fetch, with a timeout signal) and its way now
 * (`postJson` on node:http with kept-alive connections), 8 calls at once as the courier sends them,
 * against a local server in this same process (its share is the same for both). Alternating rounds;
 * prints each round's CPU µs per call and their ratio.
 */
const { values } = parseArgs({ options: { calls: { type: 'string', default: '8000' }, rounds: { type: 'string', default: '3' } } });
const calls = Number(values.calls);
const rounds = Number(values.rounds);
const IN_FLIGHT = 8;

const server = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end('{"result":"ok","success":true}');
  });
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/rest/base/v2/validator/`);
const body = JSON.stringify({ invoiceNum: '5a1d7c3e-9b2f-4e8a-8c1d-0e2f3a4b5c6d', sum: 1000, api_key: 'k'.repeat(32) });

async function byFetch(): Promise<unknown> {
  const answer = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body, signal: AbortSignal.any([AbortSignal.timeout(5_000)]) });
  return JSON.parse(await answer.text()) as unknown;
}

async function byPostJson(): Promise<unknown> {
  return JSON.parse((await postJson(url, body, { timeoutMs: 5_000, headers: { accept: 'application/json' } })).text) as unknown;
}

/** CPU µs of this process per call (client and server). */
async function cpuPerCall(call: () => Promise<unknown>, count: number): Promise<number> {
  const before = process.cpuUsage();
  for (let sent = 0; sent < count; sent += IN_FLIGHT) await Promise.all(Array.from({ length: IN_FLIGHT }, call));
  const used = process.cpuUsage(before);
  return (used.user + used.system) / count;
}

await cpuPerCall(byFetch, 2_000);
await cpuPerCall(byPostJson, 2_000);
console.log(`cloud call, ${calls} calls per round, ${IN_FLIGHT} at once, Node ${process.version}\n`);
console.log('| round | fetch, CPU µs per call | postJson, CPU µs per call | fetch ÷ postJson |\n|---|---|---|---|');
for (let round = 1; round <= rounds; round += 1) {
  const viaFetch = await cpuPerCall(byFetch, calls);
  const viaPostJson = await cpuPerCall(byPostJson, calls);
  console.log(`| ${round} | ${viaFetch.toFixed(0)} | ${viaPostJson.toFixed(0)} | ${(viaFetch / viaPostJson).toFixed(2)} |`);
}
server.closeAllConnections();
server.close();
