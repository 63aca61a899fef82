import type { Language } from '../../../shared/i18n/language.js';
import { parseRoublesInput, roublesInputValue } from '../format/money.js';

/** A key of the on-screen keypad: a digit, "00", the decimal separator, backspace or clear. */
export type KeypadKey = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '00' | 'decimal' | 'backspace' | 'clear';

/**
 * What the money field shows. `fresh` is a sum the dialog offered (the whole debt, a quick amount):
 * as on iikoFront's keypad, the first digit typed replaces it instead of being added to it.
 */
export interface KeypadEntry {
  text: string;
  fresh: boolean;
}

const DIGITS = new Set(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
/** Seven digits of roubles (up to 9 999 999,99 ₽) are more than any waiter carries. */
const MAX_ROUBLE_DIGITS = 7;

export function separatorOf(language: Language): string {
  return language === 'ru' ? ',' : '.';
}

/** A sum offered to the cashier (kopecks), shown as the field shows it and replaced by the next digit. */
export function offeredEntry(kopecks: number, language: Language): KeypadEntry {
  return { text: roublesInputValue(kopecks, language), fresh: true };
}

/** What the cashier typed on a physical keyboard, so the field edits itself the same way. */
export function typedEntry(text: string): KeypadEntry {
  return { text, fresh: false };
}

/**
 * The field after one key. Digits after the separator stop at kopecks, roubles stop at seven
 * digits, a leading zero is replaced, and a key that would make no sum leaves the field as it is.
 */
export function pressKey(entry: KeypadEntry, key: KeypadKey, language: Language): KeypadEntry {
  const separator = separatorOf(language);
  if (key === 'clear') return { text: '', fresh: false };
  if (key === 'backspace') return { text: entry.fresh ? '' : entry.text.slice(0, -1), fresh: false };
  const base = entry.fresh ? '' : normalised(entry.text, separator);
  if (key === 'decimal') {
    if (base.includes(separator)) return { text: base, fresh: false };
    return { text: `${base === '' ? '0' : base}${separator}`, fresh: false };
  }
  let text = base;
  for (const digit of key) text = withDigit(text, digit, separator);
  return { text, fresh: false };
}

function withDigit(text: string, digit: string, separator: string): string {
  const [roubles = '', kopecks] = text.split(separator);
  if (kopecks !== undefined) return kopecks.length >= 2 ? text : `${text}${digit}`;
  if (roubles === '0') return digit;
  if (roubles.length >= MAX_ROUBLE_DIGITS) return text;
  return `${roubles}${digit}`;
}

/** Typed text with the other separator or spaces, as the keypad would have written it. */
function normalised(text: string, separator: string): string {
  return text.replace(/[\s\u00a0\u202f₽]/g, '').replace(/[.,]/, separator);
}

/** The sum in kopecks, or null while the field holds no sum. */
export function entryKopecks(entry: KeypadEntry): number | null {
  return parseRoublesInput(entry.text);
}

/** A physical key (KeyboardEvent.key) as a keypad key, or null for keys the keypad leaves alone. */
export function keypadKeyOf(key: string): KeypadKey | null {
  if (DIGITS.has(key)) return key as KeypadKey;
  if (key === ',' || key === '.' || key === 'Decimal') return 'decimal';
  if (key === 'Backspace') return 'backspace';
  if (key === 'Delete' || key === 'Clear') return 'clear';
  return null;
}

export interface QuickAmount {
  kind: 'whole' | 'rounded';
  kopecks: number;
}

const ROUNDING_STEPS = [100_000, 10_000] as const;

/**
 * The sums a waiter usually hands in: the whole debt, and the debt rounded down to whole
 * thousands and hundreds of roubles (the waiter keeps the change). Each sum once, largest first.
 */
export function quickAmounts(debt: number): QuickAmount[] {
  if (debt <= 0) return [];
  const amounts: QuickAmount[] = [{ kind: 'whole', kopecks: debt }];
  for (const step of ROUNDING_STEPS) {
    const rounded = Math.floor(debt / step) * step;
    if (rounded > 0 && !amounts.some((amount) => amount.kopecks === rounded)) amounts.push({ kind: 'rounded', kopecks: rounded });
  }
  return amounts.sort((a, b) => b.kopecks - a.kopecks);
}
