import autocannon, { type Options, type Result } from 'autocannon';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { DEFAULT_SETTINGS } from '../shared/settings/schema.js';
import { fileSettingsStore } from '../main/core/settings/file-settings-store.js';
import { startChildServer, type ChildServer } from './child-server.js';
import type { OutboxFigures } from './targets.js';

/**
 * Item 6 of issue 19: the cloud outbox draining a backlog against the fake GetMeBack cloud
 * (bench/fake-cloud-server.ts, its own process), beside waiters checking guests in.
 *
 * 1. The backlog: a till on a cloud that never answers operations takes `operations` card payments
 *    of checked-in guests over HTTP (each payment writes one accrual call to the outbox); each guest
 *    pays rising sums, so the cloud can tell whether a guest's calls arrived in order. The first
 *    payment is a lone guest's (g-0): its call is the one left in flight, so no other guest's
 *    balance is waiting on the unanswered call while the backlog builds.
 * 2. The till is stopped, a cloud that answers starts, and the till starts again on the same folder:
 *    its courier drains the backlog from the start. Meanwhile autocannon checks a guest with no
 *    backlog (g-<guests>) in at `connections`; when the outbox is empty, the same load again for
 *    the p99 without draining.
 */

export function benchGuestCode(n: number): string {
  return `GMB-B-${n}`;
}

const json = { 'content-type': 'application/json' };

interface DrainOptions {
  hostScript: string;
  hostArgs: (dataDir: string) => string[];
  dataDir: string;
  appliedFile: string;
  operations: number;
  guests: number;
  connections: number;
  quietSeconds: number;
}

async function startCloud(args: string[]): Promise<{ server: ChildServer; url: string; apiKey: string }> {
  const server = await startChildServer('bench/fake-cloud-server.ts', args);
  const apiKey = /key (\S+)/.exec(server.banner)?.[1] ?? '';
  return { server, url: server.url, apiKey };
}

function useCloud(dataDir: string, url: string, apiKey: string): void {
  const store = fileSettingsStore(dataDir);
  const current = store.load();
  store.save({
    ...DEFAULT_SETTINGS,
    ...current,
    provider: 'cloud',
    cloud: { ...DEFAULT_SETTINGS.cloud, accountUrl: url, anyHost: false, apiKey, apiVersion: 'v33', branchId: 'b-bench', branchName: 'Бенчмарк', refunds: 'manual' },
  });
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<void> {
  const answer = await fetch(url, { method: 'POST', headers: { ...json, ...headers }, body: JSON.stringify(body) });
  const text = await answer.text();
  if (answer.status !== 204 && !(answer.status === 200 && !text.includes('WaiterMessage'))) throw new Error(`${url} answered ${answer.status}: ${text}`);
}

/** One guest's table: check-in, then a card payment of `roubles` (its accrual goes to the outbox). */
async function payAs(waiter: string, guest: number, roubles: number): Promise<void> {
  const order = randomUUID();
  await post(`${waiter}/orders/${order}/checkin`, { Value: benchGuestCode(guest) });
  const items = [{ PaymentType: { Id: 'card', Kind: 'Card', Name: 'Карта' }, Sum: roubles }];
  await post(`${waiter}/orders/${order}/payments`, { OrderSum: roubles, PaymentItems: items }, { 'idempotency-key': order });
}

async function outboxOf(waiter: string): Promise<number> {
  const answer = await fetch(`${waiter}/health`);
  return ((await answer.json()) as { Outbox: number }).Outbox;
}

/** Runs autocannon until `stop` resolves (or for `seconds`). */
function checkIns(options: Options, stop: Promise<unknown> | null, seconds: number): Promise<Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon({ ...options, duration: stop ? 3600 : seconds }, (error, result) => (error ? reject(error) : resolve(result)));
    void stop?.then(() => instance.stop());
  });
}

export async function outboxDrain(options: DrainOptions): Promise<OutboxFigures> {
  const { dataDir, operations, guests } = options;
  const started: ChildServer[] = [];
  try {
    // 1. The backlog, on a cloud that takes every lookup and answers no operation.
    const silent = await startCloud(['--guests', String(guests), '--hold']);
    started.push(silent.server);
    useCloud(dataDir, silent.url, silent.apiKey);
    let till = await startChildServer(options.hostScript, options.hostArgs(dataDir));
    started.push(till);
    let waiter = `${till.url}/GetMeBack`;
    await payAs(waiter, 0, 100);
    const workers = 16;
    await Promise.all(
      Array.from({ length: workers }, async (_, worker) => {
        // A guest's payments all go through one worker, one after another: their order is known.
        for (let n = 0; n < operations - 1; n += 1) {
          if ((n % guests) % workers === worker) await payAs(waiter, 1 + (n % guests), 100 + Math.floor(n / guests));
        }
      }),
    );
    const backlog = await outboxOf(waiter);
    await till.stop();
    await silent.server.stop();

    // 2. The drain, on a cloud that answers, beside the waiters' check-ins.
    const cloud = await startCloud(['--guests', String(guests), '--applied', options.appliedFile]);
    started.push(cloud.server);
    useCloud(dataDir, cloud.url, cloud.apiKey);
    const began = performance.now();
    till = await startChildServer(options.hostScript, options.hostArgs(dataDir));
    started.push(till);
    waiter = `${till.url}/GetMeBack`;
    const order = randomUUID();
    const checkIn: Options = { url: `${waiter}/orders/${order}/checkin`, connections: options.connections, method: 'POST', headers: json, body: JSON.stringify({ Value: benchGuestCode(guests) }) };
    await post(checkIn.url, { Value: benchGuestCode(guests) });
    const drained = (async () => {
      while ((await outboxOf(waiter)) > 0) await sleep(50);
      return performance.now();
    })();
    const during = await checkIns(checkIn, drained, 0);
    const drainMs = (await drained) - began;
    const quiet = await checkIns(checkIn, null, options.quietSeconds);
    await till.stop();
    await cloud.server.stop();

    const applied = JSON.parse(readFileSync(options.appliedFile, 'utf8')) as { guest: string; orderPrice: number }[];
    const last = new Map<string, number>();
    let outOfOrder = 0;
    for (const { guest, orderPrice } of applied) {
      if ((last.get(guest) ?? -Infinity) >= orderPrice) outOfOrder += 1;
      last.set(guest, orderPrice);
    }
    return {
      operations: backlog,
      applied: applied.length,
      guests,
      outOfOrder,
      perSecond: Math.round(backlog / (drainMs / 1000)),
      drainSeconds: Math.round(drainMs / 100) / 10,
      connections: options.connections,
      during: { p99: during.latency.p99, rps: Math.round(during.requests.average), errors: during.errors + during.timeouts + during.non2xx },
      quiet: { p99: quiet.latency.p99, rps: Math.round(quiet.requests.average), errors: quiet.errors + quiet.timeouts + quiet.non2xx },
    };
  } finally {
    for (const server of started.reverse()) await server.stop().catch(() => undefined);
  }
}
