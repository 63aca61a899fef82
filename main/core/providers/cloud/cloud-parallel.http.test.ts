import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeGetMeBackCloud, type FakeGetMeBackCloud, type FakeGuest } from '../../testing/fake-getmeback-cloud.js';
import type { TestTill } from '../../testing/test-till.js';
import { FAST_TIMING, cashPayment, closeCloud, eventually, outboxOf, startCloudTill } from '../../testing/cloud-test-kit.js';

/** Six guests, each paying rising sums, so that the cloud's order of a guest's operations can be checked. */
const GUESTS: FakeGuest[] = Array.from({ length: 6 }, (_, n) => ({ id: `g-${n}`, name: `Гость ${n}`, devices: [`GMB-P-${n}`], balance: 0 }));
const IN_FLIGHT = 3;
let fake: FakeGetMeBackCloud;
let till: TestTill;

afterEach(() => closeCloud(till, fake));

async function startParallel(timing: Partial<typeof FAST_TIMING> = {}): Promise<void> {
  fake = await startFakeGetMeBackCloud({ guests: GUESTS });
  till = await startCloudTill(fake, { deliveriesInFlight: IN_FLIGHT, timing: { ...FAST_TIMING, ...timing } });
}


/**
 * The backlog: every guest checks in while the cloud answers, then, the cloud away (the courier's
 * sends are refused), pays `rounds` times round by round (guest 0, 1, …, 5, guest 0, …) at rising
 * sums; then `meanwhile` and the cloud is back.
 */
async function backlogWhileAway(rounds: number, meanwhile: () => void = () => undefined): Promise<number> {
  const orders = Array.from({ length: rounds }, () => GUESTS.map((guest) => ({ guest, order: randomUUID() })));
  for (const { guest, order } of orders.flat()) await till.waiter('POST', `/orders/${order}/checkin`, { Value: guest.devices?.[0] });
  await fake.down();
  for (const [round, tables] of orders.entries()) {
    for (const { order } of tables) {
      const paid = await till.waiter('POST', `/orders/${order}/payments`, cashPayment(100 + round), { 'Idempotency-Key': order });
      expect(paid.status).toBe(200);
    }
  }
  meanwhile();
  await fake.up();
  return rounds * GUESTS.length;
}

/** Each guest's operations as the cloud applied them: their order sums, which rise in the order they were paid. */
function appliedSums(): Map<string, number[]> {
  const bodies = new Map(fake.requests.filter((body) => typeof body.type === 'string').map((body) => [String(body.invoice_num), body]));
  const sums = new Map<string, number[]>();
  for (const invoice of fake.applied()) {
    const body = bodies.get(invoice) ?? {};
    const guest = String(body.id_client);
    sums.set(guest, [...(sums.get(guest) ?? []), Number(body.order_price)]);
  }
  return sums;
}

function expectEachGuestInOrder(rounds: number, guests = GUESTS): void {
  const sums = appliedSums();
  for (const guest of guests) expect(sums.get(guest.id)).toEqual(Array.from({ length: rounds }, (_, round) => 100 + round));
}

describe('the courier delivering several guests at once', () => {
  it('keeps each guest’s operations in order on a cloud that answers out of order, with at most K out and never two of one guest', async () => {
    await startParallel();
    const operations = await backlogWhileAway(5, () => fake.randomDelay(40));

    await eventually(async () => (await outboxOf(till)) === 0, 'the backlog to drain', 15_000);
    expect(fake.applied()).toHaveLength(operations);
    expect(new Set(fake.applied()).size).toBe(operations);
    expectEachGuestInOrder(5);
    // In parallel, and never beyond the bound nor two calls of one guest at once.
    expect(fake.concurrency()).toEqual({ most: IN_FLIGHT, sameGuestOverlaps: 0 });
    for (const invoice of fake.applied()) expect(fake.timesReceived(invoice)).toBe(1);
    expect(fake.balanceOf('g-0')).toBe((100 + 101 + 102 + 103 + 104) * 5);
  });

  it('holds back only the guest whose call goes unanswered; the others are delivered meanwhile, and that guest’s later calls wait their turn', async () => {
    await startParallel({ deliveryTimeoutMs: 300 });
    await backlogWhileAway(3, () => fake.silenceGuest('g-2'));

    const others = GUESTS.filter((guest) => guest.id !== 'g-2');
    await eventually(() => fake.applied().length === 3 * others.length, 'the other guests’ operations', 15_000);
    expectEachGuestInOrder(3, others);
    expect(appliedSums().get('g-2')).toBeUndefined();
    // Only g-2's first operation was ever sent (again and again, under its one key); its later ones wait.
    const sentOfG2 = new Set(fake.requests.filter((body) => body.id_client === 'g-2' && typeof body.type === 'string').map((body) => body.invoice_num));
    expect(sentOfG2.size).toBe(1);
    // The others' answers are committed once every call out has answered or after answersShareCommitMs: g-2's three remain.
    await eventually(async () => (await outboxOf(till)) === 3, 'only g-2’s three operations left in the outbox', 5_000);

    fake.silenceGuest(null);
    await eventually(async () => (await outboxOf(till)) === 0, 'g-2’s operations once the cloud answers them', 15_000);
    expectEachGuestInOrder(3);
    expect(new Set(fake.applied()).size).toBe(fake.applied().length);
    expect(fake.concurrency()).toMatchObject({ sameGuestOverlaps: 0 });
    expect(fake.concurrency().most).toBeLessThanOrEqual(IN_FLIGHT);
  });

  it('keeps exactly once across a restart mid-drain: calls the cloud applied without answering are sent again under their keys and counted once', async () => {
    await startParallel();
    const operations = await backlogWhileAway(4, () => fake.randomDelay(30));
    await eventually(() => fake.applied().length >= 6, 'the drain to be under way', 15_000);
    // The answers stop coming (the cloud still applies), and the till goes down with calls out.
    fake.loseOperationAnswers(true);
    await eventually(() => fake.applied().length >= 9, 'calls applied without an answer', 15_000);
    await till.restart();
    fake.loseOperationAnswers(false);

    await eventually(async () => (await outboxOf(till)) === 0, 'the drain to finish after the restart', 15_000);
    expect(fake.applied()).toHaveLength(operations);
    expect(new Set(fake.applied()).size).toBe(operations);
    expect(fake.applied().some((invoice) => fake.timesReceived(invoice) > 1)).toBe(true);
    expectEachGuestInOrder(4);
    for (const guest of GUESTS) expect(fake.balanceOf(guest.id)).toBe((100 + 101 + 102 + 103) * 5);
    expect(fake.concurrency().sameGuestOverlaps).toBe(0);
  });

  it('tells an open dashboard how far the outbox has drained, live, until it is empty', async () => {
    await startParallel();
    const told: { pending: number; sent: number }[] = [];
    till.core.events.onSignal((signal) => told.push(signal.data));
    // Each call takes 250 ms or more: longer than the till's 200 ms between progress messages, so the
    // message of the full backlog (held back by that spacing) goes out before the first answer, and
    // each guest's four calls span several messages: a quick machine still sees the drain under way.
    const operations = await backlogWhileAway(4, () => fake.slow(250, 'operations'));
    await sleep(250);

    expect(told.some((progress) => progress.pending === operations && progress.sent === 0)).toBe(true);
    await eventually(() => told.at(-1)?.pending === 0, 'the last progress', 15_000);
    expect(told.at(-1)).toEqual({ pending: 0, sent: operations });
    const during = told.filter((progress) => progress.sent > 0 && progress.pending > 0);
    expect(during.length).toBeGreaterThan(0);
    for (const progress of during) expect(progress.sent + progress.pending).toBe(operations);
  });
});
