import type { Language } from '../../../shared/i18n/language.js';
import { formatDateTime, formatRoubles } from '../../../shared/i18n/numbers.js';

/** Sums reach a message in kopecks: it formats them in its own language. */
type Kopecks = number;

/**
 * What the cashier and the manager read on the waiter-cash screen and in the shift report.
 * Names come as text, sums as kopecks.
 */
const ru = {
  amountInvalid: () => 'Укажите сумму, которую сдаёт официант: целое число копеек больше нуля.',
  noteTooLong: () => 'Комментарий слишком длинный: максимум 200 символов.',
  recordedByTooLong: () => 'Имя кассира слишком длинное: максимум 64 символа.',
  keyInvalid: () => 'Ключ операции — непустая строка, максимум 128 символов.',
  keyReused: (p: { earlier: Kopecks; at: string; debt: Kopecks }) =>
    `Эти наличные уже приняты: ${formatRoubles(p.earlier, 'ru')}, ${formatDateTime(new Date(p.at), 'ru')} (касса не успела ответить). Долг официанта теперь ${formatRoubles(p.debt, 'ru')}. Второй раз их принимать не нужно; если официант сдаёт ещё, закройте окно и запишите только новую сумму.`,
  overDebt: (p: { amount: Kopecks; name: string; debt: Kopecks }) =>
    `${p.name} должен ${formatRoubles(p.debt, 'ru')}, а указано ${formatRoubles(p.amount, 'ru')}: принять больше долга нельзя. Проверьте сумму.`,
  unknownWaiter: () => 'Такого официанта GetMeBack Till не знает.',
  nameInvalid: () => 'Укажите имя официанта, максимум 64 символа.',
  dateInvalid: () => 'Укажите дату и время с часовым поясом, например 2026-11-29T09:00:00+03:00.',
  periodReversed: () => 'Начало периода должно быть раньше его конца.',
  formatInvalid: () => 'Формат отчёта: JSON или CSV.',
  pageInvalid: () => 'Укажите целое число строк больше нуля, не больше 500.',
  shiftInvalid: () => 'Укажите номер смены: целое число больше нуля.',
  shiftOrDates: () => 'Выберите смену или даты, не то и другое сразу.',
  shiftUnknown: (p: { shift: number }) => `Смены №${p.shift} ещё не было.`,
  shiftAlreadyClosed: (p: { shift: number }) => `Смена №${p.shift} уже закрыта. Обновите экран: открыта следующая смена.`,
  shiftNotOpen: (p: { shift: number; open: number }) => `Смена №${p.shift} ещё не открыта: сейчас идёт смена №${p.open}.`,
  shiftKeyReused: () => 'Этот ключ операции уже закрыл другую смену. Закройте окно и повторите.',
  unnamedWaiter: (p: { id: string }) => `Официант ${p.id.slice(0, 12)}`,
  namedWaiter: (p: { name: string }) => `Официант ${p.name}`,
  csvWaiter: () => 'Официант',
  csvWaiterId: () => 'ID официанта',
  csvOpeningDebt: () => 'Долг на начало',
  csvTaken: () => 'Взято у гостей',
  csvHandedIn: () => 'Сдано в кассу',
  csvReversed: () => 'Уменьшено возвратами заказов',
  csvClosingDebt: () => 'Долг на конец',
  csvTotals: () => 'Итого официанты',
  csvCashToTill: () => 'Наличные сразу в кассу за вычетом возвратов из кассы',
  csvTime: () => 'Время',
  csvOperation: () => 'Операция',
  csvAmount: () => 'Сумма',
  csvOrder: () => 'Заказ',
  csvRecordedBy: () => 'Кто записал',
  csvNote: () => 'Комментарий',
  movement_cash_taken: () => 'Взято у гостя',
  movement_cash_to_till: () => 'Сразу в кассу',
  movement_hand_in: () => 'Сдано в кассу',
  movement_refund_reversal: () => 'Возврат заказа',
  movement_refund_from_till: () => 'Возврат заказа из кассы',
} as const;

type Catalogue = { [K in keyof typeof ru]: (typeof ru)[K] };

const en: Catalogue = {
  amountInvalid: () => 'Enter the amount handed in: a whole number of kopecks above zero.',
  noteTooLong: () => 'The note must be at most 200 characters.',
  recordedByTooLong: () => "The cashier's name must be at most 64 characters.",
  keyInvalid: () => 'The operation key must be a string of 1 to 128 characters.',
  keyReused: (p) =>
    `This cash was already received: ${formatRoubles(p.earlier, 'en')}, ${formatDateTime(new Date(p.at), 'en')} (the till's answer was lost). The waiter now owes ${formatRoubles(p.debt, 'en')}. Do not receive it again; if the waiter hands in more, close the dialog and record only the new amount.`,
  overDebt: (p) =>
    `${p.name} owes ${formatRoubles(p.debt, 'en')}, and ${formatRoubles(p.amount, 'en')} was entered: no more than the debt can be received. Check the amount.`,
  unknownWaiter: () => 'GetMeBack Till does not know this waiter.',
  nameInvalid: () => "The waiter's name must be 1 to 64 characters.",
  dateInvalid: () => 'Give a date and time with its time zone, e.g. 2026-11-29T09:00:00+03:00.',
  periodReversed: () => 'The start of the period must be before its end.',
  formatInvalid: () => 'Report format: JSON or CSV.',
  pageInvalid: () => 'Give a whole number of rows above zero, at most 500.',
  shiftInvalid: () => 'Give a shift number (a whole number above zero) or current for the open shift.',
  shiftOrDates: () => 'Choose a shift or dates, not both.',
  shiftUnknown: (p) => `There has been no shift ${p.shift} yet.`,
  shiftAlreadyClosed: (p) => `Shift ${p.shift} is already closed. Refresh the screen: the next shift is open.`,
  shiftNotOpen: (p) => `Shift ${p.shift} is not open yet: shift ${p.open} is running.`,
  shiftKeyReused: () => 'This operation key already closed another shift. Close the dialog and try again.',
  unnamedWaiter: (p) => `Waiter ${p.id.slice(0, 12)}`,
  namedWaiter: (p) => `Waiter ${p.name}`,
  csvWaiter: () => 'Waiter',
  csvWaiterId: () => 'Waiter ID',
  csvOpeningDebt: () => 'Opening debt',
  csvTaken: () => 'Taken from guests',
  csvHandedIn: () => 'Handed in',
  csvReversed: () => 'Lowered by order refunds',
  csvClosingDebt: () => 'Closing debt',
  csvTotals: () => 'Waiters total',
  csvCashToTill: () => 'Cash straight to the till, less refunds paid from it',
  csvTime: () => 'Time',
  csvOperation: () => 'Operation',
  csvAmount: () => 'Amount',
  csvOrder: () => 'Order',
  csvRecordedBy: () => 'Recorded by',
  csvNote: () => 'Note',
  movement_cash_taken: () => 'Taken from a guest',
  movement_cash_to_till: () => 'Straight to the till',
  movement_hand_in: () => 'Handed in',
  movement_refund_reversal: () => 'Order refund',
  movement_refund_from_till: () => 'Order refund from the till',
};

export type CashMessageKey = keyof Catalogue;
export const CASH_MESSAGE_KEYS = Object.keys(ru) as CashMessageKey[];
/** Messages that take no parameters. */
export type PlainCashMessageKey = { [K in CashMessageKey]: Parameters<Catalogue[K]> extends [] ? K : never }[CashMessageKey];

const catalogues: Record<Language, Catalogue> = { ru, en };

export function cashMessage<K extends CashMessageKey>(language: Language, key: K, ...params: Parameters<Catalogue[K]>): string {
  const render = catalogues[language][key] as (p?: unknown) => string;
  return render(params[0]);
}
