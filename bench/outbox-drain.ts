import autocannon, { type Options, type Result } from 'autocannon';
import { randomUUID } from 'node:crypto';
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { DEFAULT_SETTINGS } from '../shared/settings/schema.js';
import { fileSettingsStore } from '../main/core/settings/file-settings-store.js';
import { startChildServer, type ChildServer } from './child-server.js';
import type { CorePinning } from './core-pinning.js';
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
 * 2. The till is stopped, a cloud that answers starts, and the till starts again on the same folder
 *    with the courier's bound (`cloud.deliveriesInFlight`) set: it drains the backlog from the
 *    start. Meanwhile autocannon checks a guest with no backlog (g-<guests>) in at `connections`;
 *    when the outbox is empty, the same load again for the p99 without draining.
 * 3. With `compareWith`, a copy of the same backlog is first drained the same way with that bound
 *    (1: one call at a time), so that the two rates are a ratio of one run.
 */

export function benchGuestCode(n: number): string {
  return `GMB-B-${n}`;
}

const json = { 'content-type': 'application/json' };

interface DrainOptions {
  hostScript: string;
  hostArgs: (dataDir: string) => string[];
  dataDir: string;
  /** Where the fake clouds write what they applied (one file per drain). */
  appliedFile: (drain: string) => string;
  operations: number;
  guests: number;
  connections: number;
  quietSeconds: number;
  /** The courier's bound (`cloud.deliveriesInFlight`) for the drain measured beside the waiters. */
  inFlight: number;
  /** The same backlog drained again one call at a time, for the ratio (null: not measured). */
  compareWith: number | null;
  /**
   * Where the till runs (the servers' core) while this process, the load generator, is pinned to
   * the other: the fake cloud, started from this process, shares the load generator's core. The cloud
   * is the outside world, as the waiters are: on a till it is not on the till's processor. null:
   * everything left to the scheduler.
   */
  pinning: CorePinning | null;
}

/** One drain of the backlog in `dataDir` beside the waiters' check-ins. */
interface Drained {
  perSecond: number;
  drainSeconds: number;
  applied: number;
  outOfOrder: number;
  during: Result;
}

async function startCloud(args: string[]): Promise<{ server: ChildServer; url: string; apiKey: string }> {
  const server = await startChildServer('bench/fake-cloud-server.ts', args);
  const apiKey = /key (\S+)/.exec(server.banner)?.[1] ?? '';
  return { server, url: server.url, apiKey };
}

function useCloud(dataDir: string, url: string, apiKey: string, deliveriesInFlight: number): void {
  const store = fileSettingsStore(dataDir);
  const current = store.load();
  store.save({
    ...DEFAULT_SETTINGS,
    ...current,
    provider: 'cloud',
    cloud: {
      ...DEFAULT_SETTINGS.cloud,
      accountUrl: url,
      anyHost: false,
      apiKey,
      apiVersion: 'v33',
      branchId: 'b-bench',
      branchName: 'Бенчмарк',
      refunds: 'manual',
      deliveriesInFlight,
    },
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

const loadOf = (result: Result) => ({ p99: result.latency.p99, rps: Math.round(result.requests.average), errors: result.errors + result.timeouts + result.non2xx });

/** Calls the cloud applied before an earlier call of the same guest (each guest's sums rise). */
function outOfOrderIn(applied: readonly { guest: string; orderPrice: number }[]): number {
  const last = new Map<string, number>();
  let outOfOrder = 0;
  for (const { guest, orderPrice } of applied) {
    if ((last.get(guest) ?? -Infinity) >= orderPrice) outOfOrder += 1;
    last.set(guest, orderPrice);
  }
  return outOfOrder;
}

/** 1. The backlog, on a cloud that takes every lookup and answers no operation. Returns its size. */
async function buildBacklog(options: DrainOptions, started: ChildServer[]): Promise<number> {
  const { dataDir, operations, guests } = options;
  const silent = await startCloud(['--guests', String(guests), '--hold']);
  started.push(silent.server);
  // One call at a time while the backlog builds: g-0's, held, so no other guest has a call under way
  // (a guest's balance is not read while a call of the guest is out) and every check-in is answered.
  useCloud(dataDir, silent.url, silent.apiKey, 1);
  const till = await startChildServer(options.hostScript, options.hostArgs(dataDir), { pinning: options.pinning });
  started.push(till);
  const waiter = `${till.url}/GetMeBack`;
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
  return backlog;
}

/**
 * 2. A drain: a cloud that answers, the till started again on the folder with the courier's bound
 * set to `inFlight`, and the waiters checking a guest with no backlog in until the outbox is empty.
 */
async function drain(options: DrainOptions, dataDir: string, inFlight: number, appliedFile: string, backlog: number, started: ChildServer[]): Promise<{ drained: Drained; waiter: string; till: ChildServer; cloud: ChildServer }> {
  const cloud = await startCloud(['--guests', String(options.guests), '--applied', appliedFile]);
  started.push(cloud.server);
  useCloud(dataDir, cloud.url, cloud.apiKey, inFlight);
  const began = performance.now();
  const till = await startChildServer(options.hostScript, options.hostArgs(dataDir), { pinning: options.pinning });
  started.push(till);
  const waiter = `${till.url}/GetMeBack`;
  const order = randomUUID();
  const checkIn: Options = { url: `${waiter}/orders/${order}/checkin`, connections: options.connections, method: 'POST', headers: json, body: JSON.stringify({ Value: benchGuestCode(options.guests) }) };
  // The guest's first check-in asks the cloud (the fake just started, the machine may be busy): a few tries.
  for (let attempt = 1; ; attempt += 1) {
    try {
      await post(checkIn.url, { Value: benchGuestCode(options.guests) });
      break;
    } catch (error) {
      if (attempt === 5) throw error;
      await sleep(1_000);
    }
  }
  const emptied = (async () => {
    while ((await outboxOf(waiter)) > 0) await sleep(50);
    return performance.now();
  })();
  const during = await checkIns(checkIn, emptied, 0);
  const drainMs = (await emptied) - began;
  return {
    drained: { perSecond: Math.round(backlog / (drainMs / 1000)), drainSeconds: Math.round(drainMs / 100) / 10, applied: 0, outOfOrder: 0, during },
    waiter,
    till,
    cloud: cloud.server,
  };
}

/** Stops the drain's till and cloud, and checks what the cloud applied: each once, each guest's in order. */
async function checked(drained: Drained, till: ChildServer, cloud: ChildServer, appliedFile: string): Promise<Drained> {
  await till.stop();
  await cloud.stop();
  const applied = JSON.parse(readFileSync(appliedFile, 'utf8')) as { guest: string; orderPrice: number }[];
  // The fake cloud applies an invoice once however often it arrives: as many applied as the backlog holds is each once.
  return { ...drained, applied: applied.length, outOfOrder: outOfOrderIn(applied) };
}

export async function outboxDrain(options: DrainOptions): Promise<OutboxFigures> {
  const started: ChildServer[] = [];
  try {
    const backlog = await buildBacklog(options, started);
    // The same backlog for both drains: a copy of the folder, the till stopped.
    const copy = `${options.dataDir}-one-at-a-time`;
    if (options.compareWith !== null) cpSync(options.dataDir, copy, { recursive: true });

    let oneAtATime: OutboxFigures['oneAtATime'] = null;
    if (options.compareWith !== null) {
      const file = options.appliedFile('one');
      const one = await drain(options, copy, options.compareWith, file, backlog, started);
      const done = await checked(one.drained, one.till, one.cloud, file);
      rmSync(copy, { recursive: true, force: true });
      oneAtATime = { inFlight: options.compareWith, perSecond: done.perSecond, drainSeconds: done.drainSeconds, applied: done.applied, outOfOrder: done.outOfOrder, during: loadOf(done.during) };
    }

    const file = options.appliedFile('main');
    const main = await drain(options, options.dataDir, options.inFlight, file, backlog, started);
    const order = randomUUID();
    const quiet = await checkIns(
      { url: `${main.waiter}/orders/${order}/checkin`, connections: options.connections, method: 'POST', headers: json, body: JSON.stringify({ Value: benchGuestCode(options.guests) }) },
      null,
      options.quietSeconds,
    );
    const done = await checked(main.drained, main.till, main.cloud, file);
    return {
      operations: backlog,
      applied: done.applied,
      guests: options.guests,
      inFlight: options.inFlight,
      outOfOrder: done.outOfOrder,
      perSecond: done.perSecond,
      drainSeconds: done.drainSeconds,
      connections: options.connections,
      during: loadOf(done.during),
      quiet: loadOf(quiet),
      oneAtATime,
    };
  } finally {
    for (const server of started.reverse()) await server.stop().catch(() => undefined);
  }
}
