import { setTimeout as sleep } from 'node:timers/promises';
import { expect } from 'vitest';
import { BONUS_TYPE, startTestTill, type TestTill, type TestTillOptions } from './test-till.js';
import { startFakeGetMeBackCloud, type FakeGetMeBackCloud, type FakeGift, type FakeGuest } from './fake-getmeback-cloud.js';
import { CloudProvider, type CloudTiming } from '../providers/cloud/cloud-provider.js';

/** The guide's guests and gifts, as the cloud keeps them (kopecks). */
export const CLOUD_GUESTS: FakeGuest[] = [
  { id: 'g-1', name: 'Иванов Иван Иванович', phone: '79990000001', devices: ['GMB-G-1001'], balance: 150_000 },
  { id: 'g-2', name: 'Петрова Мария Сергеевна', phone: '79990000002', devices: ['GMB-G-1002'], balance: 30_000 },
];
export const CLOUD_GIFTS: FakeGift[] = [
  { id: 'v-1', clientId: 'g-1', name: 'Капучино', productCode: '1001', points: 20_000, qr: 'GMB-V-5001' },
  { id: 'v-2', clientId: 'g-1', name: 'Десерт дня', productCode: '1002', points: 35_000, qr: 'GMB-V-5002' },
];

/** What the waiter sees when the cloud cannot answer (`providerUnavailable`, in Russian). */
/** The waiter's popup while the cloud is down (its request code differs each time). */
export const OFFLINE_MESSAGE = expect.stringMatching(/^Нет связи с GetMeBack\. Повторите через минуту; если не помогает, сообщите администратору, код запроса [0-9a-f]{8}\.$/);

/** Short timeouts and backoff so that tests of failures take well under a second each. */
export const FAST_TIMING: Partial<CloudTiming> = {
  callTimeoutMs: 600,
  lookupRetryDelayMs: 20,
  deliveryTimeoutMs: 600,
  firstRetryMs: 50,
  maxRetryMs: 200,
};

/** A till on the cloud provider pointed at the fake; `timing` given: built with it, else as settings choose. */
export function startCloudTill(
  fake: FakeGetMeBackCloud,
  options: TestTillOptions & { timing?: Partial<CloudTiming>; refunds?: 'manual' | 'send'; deliveriesInFlight?: number } = {},
): Promise<TestTill> {
  const { timing, refunds = 'manual', deliveriesInFlight = 8, ...tillOptions } = options;
  return startTestTill({
    demoBook: false,
    ...(timing ? { provider: (deps) => new CloudProvider(deps, timing) } : {}),
    ...tillOptions,
    settings: {
      provider: 'cloud',
      cloud: { accountUrl: fake.url, anyHost: false, apiKey: fake.apiKey, apiVersion: 'v33', branchId: 'b-7', branchName: 'Центральный', refunds, deliveriesInFlight },
      rules: { maxBonusShare: 0.5, cashbackPercent: 5 },
      ...tillOptions.settings,
    },
  });
}

/** The fake cloud with the test guests and gifts, and a till on it. */
export async function startCloudWithGuests(
  options: Parameters<typeof startCloudTill>[1] = {},
): Promise<{ fake: FakeGetMeBackCloud; till: TestTill }> {
  const fake = await startFakeGetMeBackCloud({ guests: CLOUD_GUESTS, gifts: CLOUD_GIFTS });
  return { fake, till: await startCloudTill(fake, options) };
}

/** Closes the till first (its courier stops), then the fake cloud. */
export async function closeCloud(till: TestTill, fake: FakeGetMeBackCloud): Promise<void> {
  await till.close();
  await fake.close();
}

export function cashPayment(orderSum: number, bonus = 0): Record<string, unknown> {
  const items: Record<string, unknown>[] = [];
  if (bonus > 0) items.push({ PaymentType: { Id: BONUS_TYPE, Kind: 'External', Name: 'GetMeBack' }, Sum: bonus });
  if (orderSum - bonus > 0) items.push({ PaymentType: { Id: 'cash', Kind: 'Cash', Name: 'Наличные' }, Sum: orderSum - bonus });
  return { OrderSum: orderSum, PaymentItems: items, WaiterPin: '1111' };
}

/** The till's operation ids of paid orders, oldest first. */
export function paymentOperationIds(till: TestTill): string[] {
  return (till.core.db.prepare('SELECT operation_id FROM payments ORDER BY id').all() as { operation_id: string }[]).map((row) => row.operation_id);
}

/** Polls until `check` holds (the courier works in the background). */
export async function eventually(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 5_000): Promise<void> {
  const until = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

export async function outboxOf(till: TestTill): Promise<number> {
  return ((await till.waiter<{ Outbox: number }>('GET', '/health')).body).Outbox;
}
