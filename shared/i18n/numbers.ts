import type { Language } from './language.js';

/**
 * Numbers, money, bonuses, counts and moments for people, all through `Intl`: the Russian way in
 * Russian (1 500,00 ₽; 21 бонус; 3 минуты назад), the English way in English. Never for the wire.
 */

export const LOCALES: Record<Language, string> = { ru: 'ru-RU', en: 'en-US' };

/** Dates day first in both languages (03/12/2026, as the shift report's period is typed), 24-hour. */
export const DATE_LOCALES: Record<Language, string> = { ru: 'ru-RU', en: 'en-GB' };

const cache = new Map<string, Intl.NumberFormat>();
function numberFormat(language: Language, key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const id = `${language}:${key}`;
  let format = cache.get(id);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[language], options);
    cache.set(id, format);
  }
  return format;
}

/** The plural forms of a word: CLDR categories, as `Intl.PluralRules` names them. */
export interface PluralForms {
  one: string;
  few?: string;
  many?: string;
  other: string;
}

/** The form of `forms` that agrees with `count` ("1 бонус", "2 бонуса", "5 бонусов", "1,5 бонуса"). */
export function pluralOf(language: Language, count: number, forms: PluralForms): string {
  const category = new Intl.PluralRules(LOCALES[language]).select(count);
  return (category === 'one' || category === 'few' || category === 'many' ? forms[category] : undefined) ?? forms.other;
}

/** The words the till counts things in, each with all its forms. */
export const NOUNS = {
  bonus: { ru: { one: 'бонус', few: 'бонуса', many: 'бонусов', other: 'бонуса' }, en: { one: 'bonus', other: 'bonuses' } },
  operation: {
    ru: { one: 'операция', few: 'операции', many: 'операций', other: 'операции' },
    en: { one: 'operation', other: 'operations' },
  },
  event: { ru: { one: 'событие', few: 'события', many: 'событий', other: 'события' }, en: { one: 'event', other: 'events' } },
  character: { ru: { one: 'символ', few: 'символа', many: 'символов', other: 'символа' }, en: { one: 'character', other: 'characters' } },
} as const satisfies Record<string, Record<Language, PluralForms>>;
export type Noun = keyof typeof NOUNS;

/** "1 операция", "5 операций": a whole count with its word in the right form. */
export function countOf(language: Language, count: number, noun: Noun): string {
  return `${numberFormat(language, 'int', { maximumFractionDigits: 0 }).format(count)}\u00a0${pluralOf(language, count, NOUNS[noun][language])}`;
}

/**
 * "1 500,00 ₽" in Russian, "1,500.00 ₽" in English: money, always with kopecks, through `Intl`'s
 * RUB currency format. The sign follows the sum in both languages, as on the till's receipts
 * (en-US alone would put it first: "₽1,500.00").
 */
export function formatRoubles(kopecks: number, language: Language): string {
  const parts = numberFormat(language, 'rub', { style: 'currency', currency: 'RUB', currencyDisplay: 'narrowSymbol' }).formatToParts(kopecks / 100);
  const sum = parts.filter((part) => part.type !== 'currency' && part.type !== 'literal').map((part) => part.value).join('');
  const sign = parts.find((part) => part.type === 'currency')?.value ?? '₽';
  return `${sum}\u00a0${sign}`;
}

/**
 * A number of bonuses (kept in hundredths like money) without a unit: "1 500", "90,5". Whole
 * bonuses show no decimals: the programme rarely has fractions, and "1 500,00" reads as money.
 */
export function formatBonusNumber(hundredths: number, language: Language): string {
  return numberFormat(language, 'bonus', { maximumFractionDigits: 2 }).format(hundredths / 100);
}

/** "1 500 бонусов", "21 бонус", "90,5 бонуса"; "1 bonus", "300 bonuses". Never with ₽. */
export function formatBonuses(hundredths: number, language: Language): string {
  const value = hundredths / 100;
  return `${formatBonusNumber(hundredths, language)}\u00a0${pluralOf(language, value, NOUNS.bonus[language])}`;
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

/** "12 секунд назад", "3 минуты назад", "вчера": how long ago, coarsened the way people say it. */
export function formatAgo(milliseconds: number, language: Language): string {
  const seconds = Math.max(0, Math.floor(milliseconds / 1000));
  const format = new Intl.RelativeTimeFormat(LOCALES[language], { numeric: 'auto' });
  for (const [unit, size] of UNITS) if (seconds >= size) return format.format(-Math.floor(seconds / size), unit);
  return format.format(-seconds, 'second');
}

/** "14:05:09" for today, "28.11, 14:05" for another day, in the till's local time. */
export function formatClock(at: Date, language: Language, now: Date = new Date()): string {
  const sameDay = at.getFullYear() === now.getFullYear() && at.getMonth() === now.getMonth() && at.getDate() === now.getDate();
  return dateFormat(language, sameDay ? 'time' : 'dayTime').format(at);
}

const DATE_FORMATS = {
  time: { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' },
  dayTime: { day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  full: { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

const dateCache = new Map<string, Intl.DateTimeFormat>();
/** Formatters are built once: the feed formats thousands of times while it scrolls. */
function dateFormat(language: Language, kind: keyof typeof DATE_FORMATS): Intl.DateTimeFormat {
  const id = `${language}:${kind}`;
  let format = dateCache.get(id);
  if (!format) {
    format = new Intl.DateTimeFormat(DATE_LOCALES[language], DATE_FORMATS[kind]);
    dateCache.set(id, format);
  }
  return format;
}

/** "29.11.2026, 14:05": a full moment, for reports and histories. */
export function formatDateTime(at: Date, language: Language): string {
  return dateFormat(language, 'full').format(at);
}

/** "1,4 МБ", "512 КБ": a file's size for people (a backup on the setup screen). */
export function formatFileSize(bytes: number, language: Language): string {
  const megabytes = bytes >= 1024 * 1024;
  const value = megabytes ? bytes / (1024 * 1024) : Math.max(1, Math.round(bytes / 1024));
  const number = numberFormat(language, 'size', { maximumFractionDigits: 1 }).format(value);
  const unit = language === 'ru' ? (megabytes ? 'МБ' : 'КБ') : megabytes ? 'MB' : 'KB';
  return `${number}\u00a0${unit}`;
}

/** A count as the language writes it («12 500»): a bar's «N из M». */
export function formatCount(count: number, language: Language): string {
  return numberFormat(language, 'int', { maximumFractionDigits: 0 }).format(count);
}
