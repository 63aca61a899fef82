import { parseRoublesInput } from '../format/money.js';

/** Kopecks of a hand-in the cashier typed, or null unless it is above zero and at most the debt. */
export function handInAmount(text: string, debt: number): number | null {
  const kopecks = parseRoublesInput(text);
  return kopecks !== null && kopecks > 0 && kopecks <= debt ? kopecks : null;
}

/**
 * One key per hand-in (or shift-close) dialog, so a double click or a retry after a lost answer records it once.
 * `crypto.randomUUID` exists only in secure contexts, and the dashboard opened from the LAN over
 * plain HTTP is not one; `getRandomValues` works everywhere.
 */
export function newIdempotencyKey(random: (bytes: Uint8Array) => Uint8Array = (bytes) => crypto.getRandomValues(bytes), what = 'hand-in'): string {
  const bytes = random(new Uint8Array(16));
  return `${what}-${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}
