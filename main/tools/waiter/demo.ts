import { randomUUID } from 'node:crypto';
import type { OrderView } from '../../../shared/wire/order-view.js';
import { isRefusal, newKey, type WaiterClient } from './client.js';
import { show, type Outcome, type Print } from './print.js';
import { paymentItems } from './payment-items.js';
import { bonuses, giftAddedLines, orderLines, paymentLines, precheckLines, refundLines, rub, waiterCashLines } from './screen.js';

/** The guide's two gift vouchers of the demo guest, and the order of its story. */
export const DEMO_VOUCHERS = ['GMB-V-5001', 'GMB-V-5002'] as const;
const ORDER_SUM = 1200;
const BONUS_SUM = 300;

/**
 * The user guide's whole story on a fresh order: a gift QR (guest and gift button), the gift added,
 * check-out and a second gift QR (two gifts), a pre-check with bonuses, the payment, the same
 * payment again (same key: same answer, nothing charged twice), the order, the waiter's cash debt —
 * and finally the guest's refund, which gives the vouchers back, so the demo can be run again.
 */
export async function runDemo(client: WaiterClient, print: Print, options: { bonusTypeId: string | null }): Promise<Outcome> {
  const orderId = randomUUID();
  const step = (title: string) => print(`\n— ${title}`);
  let failed = false;
  const must = (outcome: Outcome) => {
    if (outcome !== 'done') failed = true;
    return outcome;
  };
  const orderNow = async (): Promise<OrderView | null> => {
    const answer = await client.order(orderId);
    must(show(print, answer, orderLines));
    return answer.status === 200 ? (answer.body as OrderView) : null;
  };

  print(`Демо: новый заказ ${orderId} на ${client.url}, официант с PIN ${'*'.repeat(client.pin.length)}`);
  for (const [index, voucher] of DEMO_VOUCHERS.entries()) {
    if (index > 0) {
      step('Ещё один подарок: чекаут гостя, затем чекин следующего QR-кода подарка');
      must(show(print, await client.checkOut(orderId), () => ['Чекаут: гость отвязан, добавленные подарки остаются в заказе']));
    }
    step(`Чекин: сканируем QR-код подарка ${voucher}`);
    must(show(print, await client.checkIn(orderId, voucher), () => ['Гость привязан к заказу']));
    const offered = (await orderNow())?.OfferedGifts[0];
    if (!offered) {
      print('Кнопки подарка нет: демо остановлено. Подарки демо-базы уже использованы в этом GetMeBack Till? Оформите возврат прошлого заказа демо или запустите GetMeBack Till с пустой папкой данных (--data-dir).');
      return 'failed';
    }
    step(`Нажимаем кнопку подарка «${offered.Name}»`);
    must(show(print, await client.addGift(orderId, offered.Id), (body) => giftAddedLines(body.Gift)));
    await orderNow();
  }

  step(`Пречек на ${rub(ORDER_SUM * 100)}, из них бонусами ${bonuses(BONUS_SUM * 100)}`);
  const precheck = await client.precheck(orderId, ORDER_SUM, BONUS_SUM);
  const precheckOutcome = show(print, precheck, precheckLines);
  // As iikoWaiter does, the bonus item of the payment is the one the pre-check answered.
  const answered = precheck.body && !isRefusal(precheck.body) ? precheck.body.PaymentItems[0]?.PaymentType.Id : undefined;
  const bonusTypeId = precheckOutcome === 'done' ? (options.bonusTypeId ?? answered ?? (await client.bonusPaymentTypeId())) : null;
  const withBonus = bonusTypeId !== null;
  if (!withBonus) {
    print('Оплата бонусами недоступна: укажите ID типа оплаты GetMeBack (Bonus payment type) на экране «Настройки» или параметром --bonus-payment-type при запуске GetMeBack Till. Платим без бонусов.');
  }

  const tender = { sum: ORDER_SUM, bonus: withBonus ? BONUS_SUM : 0, cash: null, card: 0 };
  const items = paymentItems(tender, bonusTypeId);
  const key = newKey();
  step(`Оплата ${withBonus ? `бонусами (${bonuses(BONUS_SUM * 100)}) и наличными` : 'наличными'}, ключ ${key}`);
  const paid = await client.pay(orderId, ORDER_SUM, items, key);
  must(show(print, paid, paymentLines));

  step('Повтор той же оплаты с тем же ключом (связь оборвалась, iikoWaiter повторяет)');
  const replay = await client.pay(orderId, ORDER_SUM, items, key);
  must(show(print, replay, paymentLines));
  if (replay.text === paid.text) print('Ответ тот же байт в байт: ничего не списано дважды');
  else {
    print('⚠ Повтор ответил иначе, чем первая оплата');
    failed = true;
  }

  step('Заказ после оплаты');
  await orderNow();

  const showCash = async (title: string) => {
    const cash = await client.waiterCash();
    if (!cash) return;
    step(title);
    waiterCashLines(cash).forEach((line) => print(line));
  };
  await showCash('Наличные под отчёт официанту');

  step('Гость передумал: возврат заказа — бонусы и подарки возвращаются гостю, долг официанта уменьшается');
  must(show(print, await client.refund(orderId, newKey()), refundLines));
  await showCash('Наличные под отчёт официанту после возврата');
  print(failed ? '\nДемо закончилось с ошибками (см. выше)' : '\nДемо пройдено');
  return failed ? 'failed' : 'done';
}
