import { afterEach, describe, expect, it } from 'vitest';
import { startTestTill, type TestTill } from '../../core/testing/test-till.js';
import { WaiterClient } from './client.js';
import { runCommand } from './commands.js';
import { runDemo } from './demo.js';

let till: TestTill | undefined;
afterEach(async () => {
  await till?.close();
  till = undefined;
});

async function demoAgainst(settings: Parameters<typeof startTestTill>[0]): Promise<{ outcome: string; lines: string[] }> {
  till = await startTestTill(settings);
  const lines: string[] = [];
  const outcome = await runDemo(new WaiterClient(till.waiterUrl, '1111'), (line) => lines.push(...line.split('\n')), { bonusTypeId: null });
  return { outcome, lines };
}

describe('npm run waiter -- demo', () => {
  it('walks the guide’s story: two gifts, bonuses, payment, the same payment again, the waiter’s debt', async () => {
    const { outcome, lines } = await demoAgainst({});
    expect(outcome).toBe('done');
    const text = lines.join('\n');
    expect(lines).toContain('Гость: Иванов Иван Иванович — баланс 1 500 бонусов, доступно 1 500 бонусов');
    expect(lines.filter((line) => line.startsWith('[🎁 '))).toEqual([
      '[🎁 Капучино] — кнопка подарка (200 бонусов), ID v-1',
      '[🎁 Десерт дня] — кнопка подарка (350 бонусов), ID v-2',
    ]);
    expect(lines).toContain('Гость: Иванов Иван Иванович — баланс 1 500 бонусов, доступно 950 бонусов');
    expect(lines).toContain('Пречек: резерв 300 бонусов, максимум 600 бонусов (баланс гостя 1 500 бонусов)');
    expect(lines.filter((line) => line === 'Заказ оплачен: списано 300 бонусов, за подарки 550 бонусов, начислено 45 бонусов')).toHaveLength(2);
    expect(lines).toContain('Ответ тот же байт в байт: ничего не списано дважды');
    expect(lines).toContain('Гость: Иванов Иван Иванович — баланс 695 бонусов, доступно 695 бонусов');
    expect(lines.filter((line) => line.endsWith('— использован'))).toHaveLength(2);
    expect(lines).toContain('Долг официанта Анна по наличным: 900,00 ₽');
    expect(lines).toContain('Долг официанта уменьшен на 900,00 ₽');
    expect(lines.filter((line) => line === 'Баланс гостя: 1 500 бонусов')).toHaveLength(1);
    const afterRefund = lines.slice(lines.findIndex((line) => line.includes('после возврата')));
    expect(afterRefund).toContain('Долг официанта Анна по наличным: 0,00 ₽');
    expect(text).not.toContain('⚠');
    expect(lines.at(-1)).toBe('Демо пройдено');
    const payments = till?.core.db.prepare('SELECT COUNT(*) AS n FROM payments').get() as { n: number };
    expect(payments.n).toBe(1);
  });

  it('without a Bonus payment type shows the refusal, says how to set it, and pays without bonuses', async () => {
    const { outcome, lines } = await demoAgainst({ settings: { bonusPaymentTypeId: '' } });
    expect(outcome).toBe('done');
    expect(lines.some((line) => /^⚠ Оплата бонусами не настроена: в GetMeBack Till не указан ID типа оплаты GetMeBack \(Bonus payment type\)\. .*код запроса [0-9a-f]{8}\.$/.test(line))).toBe(true);
    expect(lines.some((line) => line.includes('--bonus-payment-type') && line.includes('«Настройки»'))).toBe(true);
    expect(lines).toContain('Заказ оплачен: за подарки 550 бонусов, начислено 60 бонусов');
    expect(lines).toContain('Наличные под отчёт официанту: 1 200,00 ₽');
  });

  it('can be run again: its final refund gives the vouchers back', async () => {
    till = await startTestTill();
    const client = new WaiterClient(till.waiterUrl, '1111');
    expect(await runDemo(client, () => undefined, { bonusTypeId: null })).toBe('done');
    const lines: string[] = [];
    expect(await runDemo(client, (line) => lines.push(line), { bonusTypeId: null })).toBe('done');
    expect(lines.join('\n')).not.toContain('⚠');
  });

  it('stops with a hint when a demo voucher was used in another order', async () => {
    till = await startTestTill();
    const client = new WaiterClient(till.waiterUrl, '1111');
    const other = '0c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5';
    await client.checkIn(other, 'GMB-V-5001');
    await client.addGift(other, 'v-1');
    await client.pay(other, 100, [{ PaymentType: { Id: 'cash', Kind: 'Cash', Name: 'Наличные' }, Sum: 100 }], 'used-1');
    const lines: string[] = [];
    expect(await runDemo(client, (line) => lines.push(line), { bonusTypeId: null })).toBe('failed');
    expect(lines).toContain('⚠ Подарок «Капучино» уже использован. Попросите гостя показать QR-код другого подарка.');
    expect(lines.some((line) => line.includes('Оформите возврат прошлого заказа демо'))).toBe(true);
  });
});

describe('single commands', () => {
  it('print what the waiter sees and exit 1 on a refusal or a malformed request', async () => {
    till = await startTestTill();
    const client = new WaiterClient(till.waiterUrl, '1111');
    const lines: string[] = [];
    const print = (line: string) => lines.push(line);
    const order = '3f0e9a52-6d1b-4b8e-9a47-2b8f1c0d9e11';
    expect(await runCommand({ name: 'checkin', orderId: order, value: '89990000002' }, client, print)).toBe(0);
    expect(lines).toContain('Гость: Петрова Мария Сергеевна — баланс 300 бонусов, доступно 300 бонусов');
    expect(await runCommand({ name: 'checkin', orderId: order, value: 'GMB-G-1001' }, client, print)).toBe(1);
    expect(lines.at(-1)).toMatch(/^⚠ К заказу уже привязан гость Петрова Мария Сергеевна/);
    const tender = { sum: 1000, bonus: 100, cash: null, card: 0 };
    expect(await runCommand({ name: 'pay', orderId: order, tender, key: 'k-1', bonusTypeId: null }, client, print)).toBe(0);
    expect(lines).toContain('Наличные под отчёт официанту: 900,00 ₽');
    expect(await runCommand({ name: 'refund', orderId: order, key: 'r-1' }, client, print)).toBe(0);
    expect(lines).toContain('Баланс гостя: 300 бонусов');
    expect(await runCommand({ name: 'order', orderId: 'not-a-uuid' }, client, print)).toBe(1);
    expect(lines.at(-2)).toMatch(/^Ответ 400: ⚠ GetMeBack Till не понял запрос iikoWaiter\. .*код запроса [0-9a-f]{8}\.$/);
    expect(lines.at(-1)).toBe('  поле запроса orderId: must be an iiko order id (UUID)');
    expect(await runCommand({ name: 'health' }, client, print)).toBe(0);
    expect(lines.at(-1)).toBe(`GetMeBack Till на связи: версия ${till.core.version}, локальная база гостей`);
  });
});
