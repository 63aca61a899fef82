import type { Language } from '../../../shared/i18n/language.js';
import { formatBonuses, formatBonusNumber, formatRoubles } from '../../../shared/i18n/numbers.js';
import { kopecksFromWire } from '../../../shared/money.js';

export { formatBonuses, formatBonusNumber, formatRoubles };

/** Wire decimals (an OrderView's roubles) as kopecks, through their decimal text as everywhere else. */
export function kopecksOfWire(value: number): number {
  // The core never sends a negative or 3-decimal sum; should it, showing its rounding beats hiding it.
  return kopecksFromWire(value) ?? Math.round(value * 100);
}

/**
 * Kopecks for what a cashier types: "1500", "1 500,50", "1500.5", "1 500 ₽". Null for anything
 * that is not a non-negative sum with at most two decimals.
 */
export function parseRoublesInput(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, '').replace(/₽$|руб\.?$/i, '').replace(',', '.');
  const match = /^(\d{1,9})(?:\.(\d{0,2}))?$/.exec(cleaned);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** The text a money field starts with: "1500,50" (ru) or "1500.50" (en), no grouping, so it edits easily. */
export function roublesInputValue(kopecks: number, language: Language): string {
  const text = `${Math.floor(kopecks / 100)}${language === 'ru' ? ',' : '.'}${String(kopecks % 100).padStart(2, '0')}`;
  return text.replace(/[.,]00$/, '');
}
