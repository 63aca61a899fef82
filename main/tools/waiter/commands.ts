import { randomUUID } from 'node:crypto';
import { USAGE, type WaiterCommand } from './args.js';
import { newKey, type WaiterClient } from './client.js';
import { runDemo } from './demo.js';
import { paymentItems } from './payment-items.js';
import { show, type Outcome, type Print } from './print.js';
import { giftAddedLines, healthLines, orderLines, paymentLines, precheckLines, refundLines } from './screen.js';

/** After a check-in or check-out the waiter's screen shows the order again. */
async function showOrder(client: WaiterClient, print: Print, orderId: string): Promise<Outcome> {
  return show(print, await client.order(orderId), orderLines);
}

/** Runs one command; the exit code is 0 when it was done, 1 when refused or failed. */
export async function runCommand(command: WaiterCommand, client: WaiterClient, print: Print): Promise<number> {
  const outcome = await run(command, client, print);
  return outcome === 'done' ? 0 : 1;
}

async function run(command: WaiterCommand, client: WaiterClient, print: Print): Promise<Outcome> {
  switch (command.name) {
    case 'help':
      print(USAGE);
      return 'done';
    case 'new-order':
      print(randomUUID());
      return 'done';
    case 'health':
      return show(print, await client.health(), healthLines);
    case 'order':
      return showOrder(client, print, command.orderId);
    case 'checkin': {
      const outcome = show(print, await client.checkIn(command.orderId, command.value), () => [`Чекин ${command.value}: гость привязан`]);
      return outcome === 'done' ? showOrder(client, print, command.orderId) : outcome;
    }
    case 'checkout': {
      // A paid or refunded order keeps its guest (docs/protocol.md): the order shown next says which.
      const outcome = show(print, await client.checkOut(command.orderId), () => ['Чекаут принят']);
      return outcome === 'done' ? showOrder(client, print, command.orderId) : outcome;
    }
    case 'gift':
      return show(print, await client.addGift(command.orderId, command.giftId), (body) => giftAddedLines(body.Gift));
    case 'remove-gift':
      return show(print, await client.removeGift(command.orderId, command.giftId), () => ['Подарок убран из заказа, его бонусы больше не в резерве']);
    case 'precheck':
      return show(print, await client.precheck(command.orderId, command.orderSum, command.bonusSum), precheckLines);
    case 'pay': {
      const bonusTypeId = command.tender.bonus > 0 ? (command.bonusTypeId ?? (await client.bonusPaymentTypeId())) : null;
      if (command.tender.bonus > 0 && !bonusTypeId) {
        print('⚠ ID типа оплаты GetMeBack (Bonus payment type) не указан в GetMeBack Till: передайте его здесь (--bonus-type) или укажите на экране «Настройки».');
        return 'failed';
      }
      const key = command.key ?? newKey();
      print(`Оплата, ключ ${key} (повторить: --key ${key})`);
      return show(print, await client.pay(command.orderId, command.tender.sum, paymentItems(command.tender, bonusTypeId), key), paymentLines);
    }
    case 'refund': {
      const key = command.key ?? newKey();
      print(`Возврат заказа, ключ ${key}`);
      return show(print, await client.refund(command.orderId, key), refundLines);
    }
    case 'demo':
      return runDemo(client, print, { bonusTypeId: command.bonusTypeId });
  }
}
