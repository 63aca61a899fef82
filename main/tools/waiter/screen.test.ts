import { describe, expect, it } from 'vitest';
import { orderLines, paymentLines, problemLines, refundLines, rub } from './screen.js';

describe('what the waiter sees', () => {
  it('formats roubles the Russian way with plain spaces', () => {
    expect(rub(150_000)).toBe('1 500,00 ₽');
    expect(rub(5)).toBe('0,05 ₽');
  });

  it('shows the guest, the gift button, the gifts and the bonus payment of an order', () => {
    expect(
      orderLines({
        OrderId: 'o-1',
        Guest: { Id: 'g-1', FullName: 'Иванов Иван Иванович', Balance: 1500, Available: 1300 },
        OfferedGifts: [{ Id: 'v-2', Name: 'Десерт дня', ProductCode: '1002', Points: 350 }],
        Gifts: [{ Id: 'v-1', Name: 'Капучино', ProductCode: '1001', Points: 200, GuestId: 'g-1', Status: 'Added' }],
        BonusPayment: { Sum: 300, MaxSum: 450.5 },
        Status: 'Open',
      }),
    ).toEqual([
      'Заказ o-1: открыт',
      'Гость: Иванов Иван Иванович — баланс 1 500 бонусов, доступно 1 300 бонусов',
      '[🎁 Десерт дня] — кнопка подарка (350 бонусов), ID v-2',
      'Подарок: Капучино, блюдо 1001, 200 бонусов — добавлен',
      'Резерв бонусов: 300 бонусов (максимум 450,5 бонуса)',
    ]);
  });

  it('says when no guest is bound', () => {
    expect(orderLines({ OrderId: 'o', Guest: null, OfferedGifts: [], Gifts: [], BonusPayment: null, Status: 'Paid' })).toEqual([
      'Заказ o: оплачен',
      'Гость: не привязан (сделайте чекин)',
    ]);
  });

  it('leaves out the debt and the balance of a cash payment without a guest', () => {
    expect(
      paymentLines({ OrderId: 'o', BonusWrittenOff: 0, GiftPointsWrittenOff: 0, Accrued: 0, GiftsRedeemed: [], WaiterDebt: 0, Balance: null }),
    ).toEqual(['Заказ оплачен, бонусы не списаны и не начислены']);
    expect(
      paymentLines({ OrderId: 'o', BonusWrittenOff: 1, GiftPointsWrittenOff: 0, Accrued: 21, GiftsRedeemed: [], WaiterDebt: 0, Balance: 2 }),
    ).toEqual(['Заказ оплачен: списано 1 бонус, начислено 21 бонус', 'Баланс гостя: 2 бонуса']);
  });

  it('a refund names only what came back: no «0 бонусов за подарки» for an order without gifts', () => {
    const refund = { OrderId: 'o-1', BonusReturned: 300, GiftPointsReturned: 0, AccrualReversed: 45, WaiterDebtReversed: 0, Balance: null };
    expect(refundLines(refund)).toEqual(['Возврат заказа оформлен: гостю вернули 300 бонусов, начисление отменено: 45 бонусов']);
    expect(refundLines({ ...refund, BonusReturned: 0, AccrualReversed: 0 })).toEqual(['Возврат заказа оформлен, бонусы не менялись']);
  });

  it('shows a refusal as a popup, and a malformed request with its status and the fields for iikoWaiter’s developers', () => {
    expect(problemLines({ status: 204, text: '', body: null })).toBeNull();
    expect(problemLines({ status: 200, text: '', body: { WaiterMessage: 'Гость не найден' } })).toEqual(['⚠ Гость не найден']);
    expect(
      problemLines({ status: 400, text: '', body: { WaiterMessage: 'GetMeBack Till не понял запрос', Errors: [{ Field: 'OrderSum', Message: 'must be a number' }] } }),
    ).toEqual(['Ответ 400: ⚠ GetMeBack Till не понял запрос', '  поле запроса OrderSum: must be a number']);
    expect(problemLines({ status: 502, text: 'Bad Gateway', body: null })).toEqual(['Ответ 502: Bad Gateway']);
  });
});
