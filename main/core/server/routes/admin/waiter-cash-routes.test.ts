import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { AdminProblem as Problem } from '../../../../../shared/admin/problem.js';
import { manualClock } from '../../../clock.js';
import type { ShiftReport as Shift } from '../../../cash/shift-report.js';
import type { WaiterCashSummary as WaiterRow, WaiterMovement as HistoryEntry } from '../../../ledger/waiter-debts.js';
import { startTestTill, type TestTill } from '../../../testing/test-till.js';

const PAY_IN = 'b1a5c0de-0000-4000-8000-00000000a001';
const PAY_OUT = 'b1a5c0de-0000-4000-8000-00000000a002';


let till: TestTill;

afterEach(async () => {
  await till.close();
});

/** A fixed clock unless the test moves its own: "today" must not cross midnight halfway through a test. */
async function start(options: Parameters<typeof startTestTill>[0] = {}) {
  till = await startTestTill({
    clock: manualClock(),
    ...options,
    settings: { payInTypeId: PAY_IN, payOutTypeId: PAY_OUT, ...options.settings },
  });
  return {
    anna: till.core.waiters.idForPin('1111'),
    boris: till.core.waiters.idForPin('2222'),
  };
}

/** A cash payment of `roubles` taken through iikoWaiter by the waiter with this PIN; returns the order id. */
async function payCash(roubles: number, pin: string | null): Promise<string> {
  const orderId = randomUUID();
  const body = {
    OrderSum: roubles,
    PaymentItems: [{ PaymentType: { Id: 'cash', Kind: 'Cash', Name: 'Наличные' }, Sum: roubles }],
    ...(pin ? { WaiterPin: pin } : {}),
  };
  const paid = await till.waiter<{ WaiterDebt: number }>('POST', `/orders/${orderId}/payments`, body, { 'Idempotency-Key': `pay-${orderId}` });
  expect(paid.status).toBe(200);
  return orderId;
}

async function refundAnswer(orderId: string): Promise<{ WaiterDebtReversed: number }> {
  const refunded = await till.waiter<{ WaiterDebtReversed: number }>('POST', `/orders/${orderId}/refund`, { WaiterPin: '1111' }, { 'Idempotency-Key': `refund-${orderId}` });
  expect(refunded.status).toBe(200);
  return refunded.body;
}

async function refund(orderId: string): Promise<void> {
  await refundAnswer(orderId);
}

const waiters = async () => (await till.http<{ waiters: WaiterRow[] }>('GET', '/api/waiters')).body.waiters;
const debtOf = async (id: string) => (await waiters()).find((w) => w.id === id)?.debt;
const handIn = (id: string, body: unknown) => till.http<{ handIn: { id: number; amount: number; at: string }; debt: number } & Problem>('POST', `/api/waiters/${encodeURIComponent(id)}/hand-ins`, body);
const cashRows = () => (till.core.db.prepare('SELECT COUNT(*) AS n FROM cash_entries').get() as { n: number }).n;
const handInEvents = () => (till.core.db.prepare("SELECT COUNT(*) AS n FROM events WHERE type = 'cash.handed_in'").get() as { n: number }).n;

describe('waiter debts and hand-ins over HTTP', () => {
  it('turns two waiters’ cash into debts and lowers them by partial and full hand-ins', async () => {
    const { anna, boris } = await start();
    await payCash(900, '1111');
    await payCash(350.5, '2222');
    await payCash(100, '1111');

    const listed = await waiters();
    expect(listed.map((w) => [w.name, w.debt, w.takenToday, w.handedInToday])).toEqual([
      ['Анна', 100_000, 100_000, 0],
      ['Борис', 35_050, 35_050, 0],
    ]);
    expect(listed[0]?.lastMovementAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const taken = till.core.db.prepare("SELECT cash_type_id, debit_account FROM cash_entries WHERE kind = 'cash_taken'").all() as { cash_type_id: string; debit_account: string }[];
    expect(taken.every((row) => row.cash_type_id === PAY_OUT)).toBe(true);

    const partial = await handIn(anna, { amount: 60_000, note: 'первая сдача', recordedBy: 'Ольга' });
    expect(partial.status).toBe(200);
    expect(partial.body.debt).toBe(40_000);
    expect(partial.body.handIn).toMatchObject({ amount: 60_000 });
    const row = till.core.db.prepare("SELECT debit_account, credit_account, cash_type_id, note, recorded_by FROM cash_entries WHERE kind = 'hand_in'").get();
    expect(row).toEqual({ debit_account: 'till', credit_account: `waiter:${anna}`, cash_type_id: PAY_IN, note: 'первая сдача', recorded_by: 'Ольга' });
    const event = till.core.events.history({ types: ['cash.handed_in'] })[0];
    expect(event).toMatchObject({ waiterId: anna, waiterName: 'Анна', data: { amount: 60_000, debtAfter: 40_000, recordedBy: 'Ольга' } });

    const full = await handIn(anna, { amount: 40_000 });
    expect(full.body.debt).toBe(0);
    const after = await waiters();
    expect(after.map((w) => [w.id, w.debt, w.handedInToday])).toEqual([
      [boris, 35_050, 0],
      [anna, 0, 100_000],
    ]);

    const history = await till.http<{ waiter: { id: string; name: string; debt: number }; entries: HistoryEntry[] }>('GET', `/api/waiters/${anna}/history`);
    expect(history.body.waiter).toEqual({ id: anna, name: 'Анна', debt: 0 });
    expect(history.body.entries.map((e) => [e.kind, e.amount, e.debtAfter])).toEqual([
      ['hand_in', -40_000, 0],
      ['hand_in', -60_000, 40_000],
      ['cash_taken', 10_000, 100_000],
      ['cash_taken', 90_000, 90_000],
    ]);
    expect(history.body.entries[3]?.orderId).toMatch(/^[0-9a-f-]{36}$/);
    expect(history.body.entries[1]).toMatchObject({ cashTypeId: PAY_IN, recordedBy: 'Ольга', note: 'первая сдача', orderId: null });

    const firstPage = history.body.entries;
    const older = await till.http<{ entries: HistoryEntry[] }>('GET', `/api/waiters/${anna}/history?before=${firstPage[1]?.id}&limit=1`);
    expect(older.body.entries.map((e) => [e.kind, e.amount, e.debtAfter])).toEqual([['cash_taken', 10_000, 100_000]]);
  });

  it('refuses a hand-in above the debt with a message naming the sums, and records nothing', async () => {
    const { anna } = await start();
    await payCash(900, '1111');
    const rows = cashRows();
    const over = await handIn(anna, { amount: 100_000 });
    expect(over.status).toBe(422);
    expect(over.body.Message).toBe('Официант Анна должен 900,00\u00a0₽, а указано 1\u00a0000,00\u00a0₽: принять больше долга нельзя. Проверьте сумму.');
    expect(over.body.Errors).toEqual([{ Field: 'amount', Message: over.body.Message }]);
    expect(cashRows()).toBe(rows);
    expect(handInEvents()).toBe(0);
    expect(await debtOf(anna)).toBe(90_000);

    till.core.settings.update({ language: 'en' });
    const english = await handIn(anna, { amount: 90_001 });
    expect(english.body.Message).toBe('Waiter Анна owes 900.00\u00a0₽, and 900.01\u00a0₽ was entered: no more than the debt can be received. Check the amount.');
  });

  it('counts a hand-in once per idempotency key, also after a restart, and lets only one of two racing hand-ins through', async () => {
    const { anna } = await start();
    await payCash(900, '1111');
    const first = await handIn(anna, { amount: 30_000, idempotencyKey: 'dialog-1' });
    await till.restart();
    const again = await handIn(anna, { amount: 30_000, idempotencyKey: 'dialog-1' });
    expect(again.status).toBe(200);
    expect(again.text).toBe(first.text);
    expect(await debtOf(anna)).toBe(60_000);

    const reused = await handIn(anna, { amount: 10_000, idempotencyKey: 'dialog-1' });
    expect(reused.status).toBe(422);
    expect(reused.body.Errors?.[0]?.Field).toBe('idempotencyKey');
    // A cashier who changed the sum after a lost answer is told what the till already took and what the
    // waiter owes now, and not to receive it again (before: «…примите наличные заново», a second hand-in).
    expect(reused.body.Message).toMatch(/^Эти наличные уже приняты: 300,00\u00a0₽, \d\d\.\d\d\.\d{4}, \d\d:\d\d \(касса не успела ответить\)\. Долг официанта теперь 600,00\u00a0₽\. Второй раз их принимать не нужно/);
    expect(reused.body.Message).not.toMatch(/заново/);

    const clicks = await Promise.all(Array.from({ length: 5 }, () => handIn(anna, { amount: 10_000, idempotencyKey: 'dialog-2' })));
    expect(clicks.map((c) => c.status)).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(clicks.map((c) => c.body.handIn.id)).size).toBe(1);
    expect(await debtOf(anna)).toBe(50_000);

    const race = await Promise.all([handIn(anna, { amount: 30_000 }), handIn(anna, { amount: 30_000 })]);
    expect(race.map((r) => r.status).sort()).toEqual([200, 422]);
    expect(await debtOf(anna)).toBe(20_000);
    expect(handInEvents()).toBe(3);
  });

  it('names `amount` when it is missing, zero, negative, fractional or text, and 404s an unknown waiter', async () => {
    const { anna } = await start();
    await payCash(900, '1111');
    for (const body of [{}, { amount: 0 }, { amount: -100 }, { amount: 10.5 }, { amount: '100' }, { amount: null }]) {
      const bad = await handIn(anna, body);
      expect(bad.status, JSON.stringify(body)).toBe(400);
      expect(bad.body.Errors?.map((e) => e.Field)).toEqual(['amount']);
      // The field is named for the screen in Errors; the cashier reads Russian without field names.
      expect(bad.body.Message).toBe('Укажите сумму, которую сдаёт официант: целое число копеек больше нуля.');
    }
    const longNote = await handIn(anna, { amount: 100, note: 'x'.repeat(201) });
    expect(longNote.body.Errors?.map((e) => e.Field)).toEqual(['note']);
    const badJson = await till.http<Problem>('POST', `/api/waiters/${anna}/hand-ins`, '{"amount":', { 'content-type': 'application/json' });
    expect(badJson.status).toBe(400);
    expect(badJson.body.Message).toBe('GetMeBack Till не смог прочитать запрос панели. Обновите страницу и повторите.');
    const unknown = await handIn('pin:nobody', { amount: 100 });
    expect(unknown.status).toBe(404);
    expect(unknown.body.Message).toBe('Такого официанта GetMeBack Till не знает.');
    expect((await till.http('GET', '/api/waiters/pin:nobody/history')).status).toBe(404);
    const notJson = await till.http('POST', `/api/waiters/${anna}/hand-ins`, 'amount=100', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(notJson.status).toBe(403);
    expect(cashRows()).toBe(1);
  });

  it('reverses a debt on refund, and gives cash already handed in back from the till, never leaving a debt below zero', async () => {
    const { anna } = await start();
    const kept = await payCash(500, '1111');
    await refund(kept);
    expect(await debtOf(anna)).toBe(0);

    const handedIn = await payCash(900, '1111');
    await handIn(anna, { amount: 90_000 });
    const answer = await refundAnswer(handedIn);
    expect(answer.WaiterDebtReversed).toBe(0);
    expect(await debtOf(anna)).toBe(0);
    const history = await till.http<{ entries: HistoryEntry[] }>('GET', `/api/waiters/${anna}/history`);
    expect(history.body.entries[0]).toMatchObject({ kind: 'hand_in', amount: -90_000, debtAfter: 0 });
    const fromTill = till.core.events.history({ types: ['order.refunded'] }).find((e) => e.orderId === handedIn);
    expect(fromTill?.data).toMatchObject({ waiterDebtReversed: 0, cashFromTill: 90_000 });

    // Partly handed in: the waiter still owes 400 of the 1 000 taken, so 400 comes off the debt, 600 from the till.
    const partly = await payCash(1000, '1111');
    await handIn(anna, { amount: 60_000 });
    expect((await refundAnswer(partly)).WaiterDebtReversed).toBe(400);
    expect(await debtOf(anna)).toBe(0);
    const report = await till.http<Shift>('GET', '/api/reports/shift');
    expect(report.body.waiters).toEqual([{ id: anna, name: 'Анна', openingDebt: 0, taken: 240_000, handedIn: 150_000, reversed: 90_000, closingDebt: 0 }]);
    expect(report.body.cashToTill).toBe(-150_000);
    const card = (await waiters()).find((w) => w.id === anna);
    expect(card).toMatchObject({ debt: 0, takenToday: 240_000, handedInToday: 150_000, reversedToday: 90_000 });
    expect(card && card.takenToday - card.handedInToday - card.reversedToday).toBe(card?.debt);
    expect((await handIn(anna, { amount: 1 })).status).toBe(422);
  });

  it('hand-ins pay the oldest cash first: a refund of an order handed in never takes a later order’s cash off the debt', async () => {
    const { anna } = await start();
    const first = await payCash(900, '1111');
    await handIn(anna, { amount: 90_000 });
    await payCash(500, '1111');
    // Анна holds the second order's 500, not the first's: the first's 900 comes from the drawer.
    expect((await refundAnswer(first)).WaiterDebtReversed).toBe(0);
    expect(await debtOf(anna)).toBe(50_000);

    // Two more orders, then 600 handed in: it paid the 500 of the order before them first, then 100 of
    // the older one, so Анна still holds 800 of it.
    const older = await payCash(900, '1111');
    await payCash(400, '1111');
    await handIn(anna, { amount: 60_000 });
    expect(await debtOf(anna)).toBe(120_000);
    expect((await refundAnswer(older)).WaiterDebtReversed).toBe(800);
    expect(await debtOf(anna)).toBe(40_000);
  });

  it('a refund of an older order does not make a later one, handed in since, come off the debt', async () => {
    const { anna } = await start();
    const a = await payCash(500, '1111');
    const b = await payCash(500, '1111');
    expect((await refundAnswer(a)).WaiterDebtReversed).toBe(500);
    await handIn(anna, { amount: 50_000 });
    // B's cash is in the drawer: its refund comes from there, and Анна owes nothing either way.
    expect((await refundAnswer(b)).WaiterDebtReversed).toBe(0);
    expect(await debtOf(anna)).toBe(0);
  });

  it('puts cash in the till while the setting is off, keeps earlier debts through a restart, and renames waiters', async () => {
    const { anna, boris } = await start();
    await payCash(900, '1111');
    till.core.settings.update({ cashToWaiter: false });
    await till.restart();
    await payCash(400, '1111');
    await payCash(250, null);
    expect(await debtOf(anna)).toBe(90_000);
    const toTill = till.core.db.prepare("SELECT kind, debit_account, amount FROM cash_entries WHERE kind = 'cash_to_till' ORDER BY id").all();
    expect(toTill).toEqual([
      { kind: 'cash_to_till', debit_account: 'till', amount: 40_000 },
      { kind: 'cash_to_till', debit_account: 'till', amount: 25_000 },
    ]);
    till.core.settings.update({ cashToWaiter: true });
    expect(await debtOf(anna)).toBe(90_000);
    expect(await debtOf(boris)).toBe(0);

    const renamed = await till.http<{ waiter: { id: string; name: string; debt: number } }>('PUT', `/api/waiters/${anna}`, { name: '  Анна К.  ' });
    expect(renamed.body.waiter).toEqual({ id: anna, name: 'Анна К.', debt: 90_000 });
    expect((await waiters()).find((w) => w.id === anna)?.name).toBe('Анна К.');
    expect((await till.http<Problem>('PUT', `/api/waiters/${anna}`, { name: '' })).body.Errors?.[0]?.Field).toBe('name');
    expect((await till.http('PUT', '/api/waiters/pin:nobody', { name: 'X' })).status).toBe(404);
  });
});

describe('the shift report', () => {
  it('adds up to the cash book rows, per waiter and in total, with an opening debt from before the period', async () => {
    const clock = manualClock(new Date('2026-11-28T10:00:00.000Z'));
    const { anna, boris } = await start({ clock });
    await payCash(1000, '1111');
    clock.advance(24 * 3600_000);
    const periodStart = clock.now().toISOString();
    await payCash(500, '1111');
    await payCash(300, '2222');
    const refunded = await payCash(200, '2222');
    await handIn(anna, { amount: 120_000 });
    await refund(refunded);
    till.core.settings.update({ cashToWaiter: false });
    await payCash(700, '1111');
    const tillRefund = await payCash(50, '1111');
    await refund(tillRefund);
    clock.advance(1000);

    const report = await till.http<Shift>('GET', `/api/reports/shift?from=${encodeURIComponent(periodStart)}`);
    expect(report.status).toBe(200);
    const r = report.body;
    expect(r.from).toBe(periodStart);
    // Equal closing debts: by name.
    expect(r.waiters).toEqual([
      { id: anna, name: 'Анна', openingDebt: 100_000, taken: 50_000, handedIn: 120_000, reversed: 0, closingDebt: 30_000 },
      { id: boris, name: 'Борис', openingDebt: 0, taken: 50_000, handedIn: 0, reversed: 20_000, closingDebt: 30_000 },
    ]);
    for (const line of r.waiters) expect(line.openingDebt + line.taken - line.handedIn - line.reversed).toBe(line.closingDebt);

    const sum = (where: string) =>
      (till.core.db.prepare(`SELECT COALESCE(SUM(amount), 0) AS s FROM cash_entries WHERE ${where}`).get({ from: periodStart }) as { s: number }).s;
    expect(r.totals).toEqual({
      openingDebt: sum("debit_account LIKE 'waiter:%' AND created_at < @from") - sum("credit_account LIKE 'waiter:%' AND created_at < @from"),
      taken: sum("kind = 'cash_taken' AND created_at >= @from"),
      handedIn: sum("kind = 'hand_in' AND created_at >= @from"),
      reversed: sum("kind = 'refund_reversal' AND credit_account LIKE 'waiter:%' AND created_at >= @from"),
      closingDebt: sum("debit_account LIKE 'waiter:%'") - sum("credit_account LIKE 'waiter:%'"),
    });
    expect(r.cashToTill).toBe(sum("kind = 'cash_to_till' AND created_at >= @from") - sum("kind = 'refund_reversal' AND credit_account = 'till' AND created_at >= @from"));
    expect(r.cashToTill).toBe(70_000);

    const listed = await waiters();
    expect(listed.find((w) => w.id === anna)).toMatchObject({ debt: 30_000, takenToday: 50_000, handedInToday: 120_000 });

    const earlier = await till.http<Shift>('GET', `/api/reports/shift?from=2026-11-01T00:00:00Z&to=${encodeURIComponent(periodStart)}`);
    expect(earlier.body.waiters).toEqual([{ id: anna, name: 'Анна', openingDebt: 0, taken: 100_000, handedIn: 0, reversed: 0, closingDebt: 100_000 }]);

    const today = await till.http<Shift>('GET', '/api/reports/shift');
    // The current business day: from 06:00 (the default start hour) in the till's time zone.
    expect(new Date(today.body.from).getHours()).toBe(6);
    expect(new Date(today.body.from).getMinutes()).toBe(0);
    expect(today.body.to).toBe(clock.now().toISOString());
  });

  it('downloads as a CSV Russian Excel opens: BOM, semicolons, CRLF, comma decimals, Cyrillic', async () => {
    const { anna } = await start();
    await payCash(1500, '1111');
    await payCash(20, '2222');
    await till.http('PUT', `/api/waiters/${anna}`, { name: 'Анна; "старшая"' });
    const response = await fetch(`${till.baseUrl}/api/reports/shift?format=csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="shift-report-\d{4}-\d{2}-\d{2}\.csv"$/);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe('Официант;ID официанта;Долг на начало;Взято у гостей;Сдано в кассу;Уменьшено возвратами заказов;Долг на конец');
    expect(lines[1]).toBe(`"Анна; ""старшая""";${anna};0,00;1500,00;0,00;0,00;1500,00`);
    expect(lines[2]).toMatch(/^Борис;pin:[0-9a-f]+;0,00;20,00;0,00;0,00;20,00$/);
    expect(lines[3]).toBe('Итого официанты;;0,00;1520,00;0,00;0,00;1520,00');
    expect(lines[4]).toBe('Наличные сразу в кассу за вычетом возвратов из кассы;;;0,00;;;');
    expect(lines[5]).toBe('');

    till.core.settings.update({ language: 'en' });
    const english = await till.http('GET', '/api/reports/shift?format=csv');
    expect(english.text.split('\r\n')[0]).toBe('Waiter;Waiter ID;Opening debt;Taken from guests;Handed in;Lowered by order refunds;Closing debt');
  });

  it('names the bad field of a period', async () => {
    await start();
    for (const [query, field] of [
      ['from=yesterday', 'from'],
      ['from=2026-02-30', 'from'],
      ['to=2026-11-29T10:00', 'to'],
      ['from=2026-11-29T10:00:00Z&to=2026-11-29T09:00:00Z', 'to'],
      ['format=xlsx', 'format'],
    ] as const) {
      const bad = await till.http<Problem>('GET', `/api/reports/shift?${query}`);
      expect(bad.status, query).toBe(400);
      expect(bad.body.Errors?.map((e) => e.Field), query).toEqual([field]);
    }
  });
});
