import { parseArgs } from 'node:util';
import { kopecksFromWire } from '../../../shared/money.js';

export const DEFAULT_URL = 'http://127.0.0.1:3000/GetMeBack';
export const DEFAULT_PIN = '1111';

export type WaiterCommand =
  | { name: 'checkin'; orderId: string; value: string }
  | { name: 'checkout'; orderId: string }
  | { name: 'order'; orderId: string }
  | { name: 'gift'; orderId: string; giftId: string }
  | { name: 'remove-gift'; orderId: string; giftId: string }
  | { name: 'precheck'; orderId: string; orderSum: number; bonusSum: number | null }
  | { name: 'pay'; orderId: string; tender: Tender; key: string | null; bonusTypeId: string | null }
  | { name: 'refund'; orderId: string; key: string | null }
  | { name: 'health' }
  | { name: 'new-order' }
  | { name: 'demo'; bonusTypeId: string | null }
  | { name: 'help' };

/** What the guest pays with, in wire numbers (roubles with at most 2 decimals). */
export interface Tender {
  sum: number;
  bonus: number;
  /** null: whatever the bonus and the card leave of the sum. */
  cash: number | null;
  card: number;
}

export interface WaiterArgs {
  url: string;
  pin: string;
  command: WaiterCommand;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

export const USAGE = `Симулятор официанта iikoWaiter / iikoWaiter simulator

  npm run waiter -- <команда> [--url ${DEFAULT_URL}] [--pin ${DEFAULT_PIN}]

  checkin <orderId> <QR | телефон | карта>
  checkout <orderId>
  order <orderId>
  gift <orderId> <giftId>
  remove-gift <orderId> <giftId>
  precheck <orderId> <сумма заказа> [бонусами]
  pay <orderId> --sum N [--bonus N] [--cash N] [--card N] [--key K] [--bonus-type UUID]
  refund <orderId> [--key K]
  health
  new-order                 напечатать новый id заказа
  demo [--bonus-type UUID]  весь сценарий из инструкции на новом заказе`;

/** A sum typed by a person: `1200`, `1200.5` or `1200,50`; never negative, at most 2 decimals. */
export function parseSum(text: string, what: string): number {
  const value = Number(text.trim().replace(',', '.'));
  if (text.trim() === '' || kopecksFromWire(value) === null) {
    throw new UsageError(`${what}: «${text}» — нужна сумма вида 1200 или 1200,50`);
  }
  return value;
}

/** Parses `npm run waiter -- …` into one command; a mistake is a UsageError saying what is wrong. */
export function parseWaiterArgs(argv: string[]): WaiterArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        url: { type: 'string', default: DEFAULT_URL },
        pin: { type: 'string', default: DEFAULT_PIN },
        sum: { type: 'string' },
        bonus: { type: 'string' },
        cash: { type: 'string' },
        card: { type: 'string' },
        key: { type: 'string' },
        'bonus-type': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const url = values.url.replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]+/.test(url)) throw new UsageError(`--url: «${values.url}» — нужен адрес вида ${DEFAULT_URL}`);
  const [name, ...rest] = positionals;
  const need = (count: number, names: string) => {
    if (rest.length < count) throw new UsageError(`${name}: нужно ${names}`);
  };
  const common = { url, pin: values.pin };
  const bonusTypeId = values['bonus-type'] ?? null;

  if (values.help || name === undefined || name === 'help') return { ...common, command: { name: 'help' } };
  switch (name) {
    case 'checkin':
      need(2, '<orderId> <QR | телефон | карта>');
      return { ...common, command: { name, orderId: rest[0] as string, value: rest.slice(1).join(' ') } };
    case 'checkout':
    case 'order':
      need(1, '<orderId>');
      return { ...common, command: { name, orderId: rest[0] as string } };
    case 'gift':
    case 'remove-gift':
      need(2, '<orderId> <giftId>');
      return { ...common, command: { name, orderId: rest[0] as string, giftId: rest[1] as string } };
    case 'precheck':
      need(2, '<orderId> <сумма заказа> [бонусами]');
      return {
        ...common,
        command: {
          name,
          orderId: rest[0] as string,
          orderSum: parseSum(rest[1] as string, 'сумма заказа'),
          bonusSum: rest[2] === undefined ? null : parseSum(rest[2], 'бонусами'),
        },
      };
    case 'pay': {
      need(1, '<orderId> --sum N');
      if (values.sum === undefined) throw new UsageError('pay: нужна сумма заказа --sum N');
      const tender: Tender = {
        sum: parseSum(values.sum, '--sum'),
        bonus: values.bonus === undefined ? 0 : parseSum(values.bonus, '--bonus'),
        cash: values.cash === undefined ? null : parseSum(values.cash, '--cash'),
        card: values.card === undefined ? 0 : parseSum(values.card, '--card'),
      };
      return { ...common, command: { name, orderId: rest[0] as string, tender, key: values.key ?? null, bonusTypeId } };
    }
    case 'refund':
      need(1, '<orderId>');
      return { ...common, command: { name, orderId: rest[0] as string, key: values.key ?? null } };
    case 'health':
    case 'new-order':
      return { ...common, command: { name } };
    case 'demo':
      return { ...common, command: { name, bonusTypeId } };
    default:
      throw new UsageError(`неизвестная команда «${name}»`);
  }
}
