import type { Language } from '../../../shared/i18n/language.js';

/**
 * What the cashier and the manager read on the waiter-cash screen and in the shift report.
 * Parameters come already formatted for people (names, sums with ₽).
 */
const ru = {
  checkFields: (p: { fields: string }) => `Проверьте поля: ${p.fields}.`,
  amountInvalid: () => 'Укажите сумму сдачи: целое число копеек больше нуля.',
  noteTooLong: () => 'Комментарий — не длиннее 200 символов.',
  recordedByTooLong: () => 'Имя кассира — не длиннее 64 символов.',
  keyInvalid: () => 'Ключ операции — строка от 1 до 128 символов.',
  keyReused: () => 'Этот ключ уже использован для другой сдачи денег. Откройте окно сдачи заново.',
  overDebt: (p: { amount: string; name: string; debt: string }) =>
    `Сумма сдачи ${p.amount} больше долга официанта ${p.name} ${p.debt}. Проверьте сумму.`,
  unknownWaiter: () => 'Такой официант кассе не известен.',
  nameInvalid: () => 'Имя официанта — от 1 до 64 символов.',
  dateInvalid: () => 'Укажите дату и время в формате ISO 8601, например 2026-11-29T09:00:00+03:00.',
  periodReversed: () => 'Начало периода должно быть раньше его конца.',
  formatInvalid: () => 'Формат отчёта: json или csv.',
  pageInvalid: () => 'Укажите целое число больше нуля (limit — не больше 500).',
  unnamedWaiter: (p: { id: string }) => `без имени (${p.id})`,
  csvWaiter: () => 'Официант',
  csvWaiterId: () => 'ID официанта',
  csvOpeningDebt: () => 'Долг на начало',
  csvTaken: () => 'Принято наличными',
  csvHandedIn: () => 'Сдано в кассу',
  csvReversed: () => 'Снято возвратами',
  csvClosingDebt: () => 'Долг на конец',
  csvTotals: () => 'Итого официанты',
  csvCashToTill: () => 'Наличные сразу в кассу',
} as const;

type Catalogue = { [K in keyof typeof ru]: (typeof ru)[K] };

const en: Catalogue = {
  checkFields: (p) => `Check the fields: ${p.fields}.`,
  amountInvalid: () => 'Enter the amount handed in: a whole number of kopecks above zero.',
  noteTooLong: () => 'The note must be at most 200 characters.',
  recordedByTooLong: () => "The cashier's name must be at most 64 characters.",
  keyInvalid: () => 'The operation key must be a string of 1 to 128 characters.',
  keyReused: () => 'This key was already used for another hand-in. Open the hand-in dialog again.',
  overDebt: (p) => `The hand-in ${p.amount} is more than waiter ${p.name}'s debt ${p.debt}. Check the amount.`,
  unknownWaiter: () => 'The till does not know this waiter.',
  nameInvalid: () => "The waiter's name must be 1 to 64 characters.",
  dateInvalid: () => 'Give a date and time in ISO 8601, e.g. 2026-11-29T09:00:00+03:00.',
  periodReversed: () => 'The start of the period must be before its end.',
  formatInvalid: () => 'Report format: json or csv.',
  pageInvalid: () => 'Give a whole number above zero (limit at most 500).',
  unnamedWaiter: (p) => `unnamed (${p.id})`,
  csvWaiter: () => 'Waiter',
  csvWaiterId: () => 'Waiter ID',
  csvOpeningDebt: () => 'Opening debt',
  csvTaken: () => 'Cash taken',
  csvHandedIn: () => 'Handed in',
  csvReversed: () => 'Reversed by refunds',
  csvClosingDebt: () => 'Closing debt',
  csvTotals: () => 'Waiters total',
  csvCashToTill: () => 'Cash straight to the till',
};

export type CashMessageKey = keyof Catalogue;
/** Messages that take no parameters. */
export type PlainCashMessageKey = { [K in CashMessageKey]: Parameters<Catalogue[K]> extends [] ? K : never }[CashMessageKey];

const catalogues: Record<Language, Catalogue> = { ru, en };

export function cashMessage<K extends CashMessageKey>(language: Language, key: K, ...params: Parameters<Catalogue[K]>): string {
  const render = catalogues[language][key] as (p?: unknown) => string;
  return render(params[0]);
}
