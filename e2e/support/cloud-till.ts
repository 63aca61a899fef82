import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startFakeGetMeBackCloud, type FakeGetMeBackCloud } from '../../main/core/testing/fake-getmeback-cloud.js';
import { CLOUD_GIFTS, CLOUD_GUESTS } from '../../main/core/testing/cloud-test-kit.js';
import { startTill, type RunningTill } from './till-server.js';
import { WaiterApp, orderId } from './waiter-app.js';

export interface CloudTill {
  till: RunningTill;
  fake: FakeGetMeBackCloud;
  /** Stops the till and the fake cloud and removes the data folder (leave the page first). */
  dispose(): Promise<void>;
}

function ok(status: number, what: string): void {
  if (status >= 300) throw new Error(`${what}: HTTP ${status}`);
}

/**
 * A till on a fake cloud of its own whose «Облако» screen has something on every list: a refund to
 * reconcile by hand (its «Закрыть вручную»), a payment the cloud refused until it was parked (its
 * «Повторить сейчас» and «Закрыть вручную»), and the journal of the calls made. The parked line is
 * made as in cloud-outbox.spec.ts: sent while the cloud is away, then parked in the stopped till's
 * database (the till's own parking takes many refusals).
 */
export async function startCloudTillWithOutbox(): Promise<CloudTill> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'gmb-e2e-cloud-screen-'));
  const fake = await startFakeGetMeBackCloud({ guests: CLOUD_GUESTS, gifts: CLOUD_GIFTS });
  let till = await startTill({ dataDir });
  const saved = await fetch(`${till.baseUrl}/api/settings`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ provider: 'cloud', cloud: { accountUrl: fake.url, apiKey: fake.apiKey } }),
  });
  if (saved.status !== 200) throw new Error(`the cloud settings were not saved: HTTP ${saved.status}`);
  await till.stop();
  till = await startTill({ dataDir });

  const waiter = new WaiterApp(till.waiterUrl);
  const refunded = orderId('c10d0001');
  ok(await waiter.checkIn(refunded, 'GMB-G-1002'), 'check-in');
  ok((await waiter.payCash(refunded, 600)).status, 'payment');
  const refund = await fetch(`${till.waiterUrl}/orders/${refunded}/refund`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': 'e2e-cloud-screen-refund' },
    body: '{}',
  });
  ok(refund.status, 'refund');

  const parked = orderId('c10d0002');
  ok(await waiter.checkIn(parked, 'GMB-G-1001'), 'check-in');
  await fake.down();
  ok((await waiter.payCash(parked, 1000)).status, 'payment');
  await till.stop();
  const db = new Database(path.join(dataDir, 'till.db'));
  db.prepare(
    `UPDATE outbox SET parked_at = '2026-12-02T07:00:00.000Z', last_error = 'the cloud refused operation: Клиент заблокирован' WHERE delivered_at IS NULL AND manual = 0`,
  ).run();
  db.close();
  await fake.up();
  till = await startTill({ dataDir });

  const started = till;
  return {
    till: started,
    fake,
    dispose: async () => {
      await started.stop();
      await fake.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
