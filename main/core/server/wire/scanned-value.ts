/** The longest value a scan or a typed phone or card number can be. */
export const SCANNED_VALUE_MAX = 256;

/** Control characters (Unicode's Cc), and U+FFFD: what bytes that are not UTF-8 decode to. */
const UNREADABLE = /[\p{Cc}\ufffd]/u;

/**
 * Whether a check-in's `Value` can be read as a code: a string that, trimmed, is 1–256 characters
 * with no control characters and no undecodable bytes. A value that cannot be read gets the waiter
 * a "scan again" message.
 */
export function isReadableScan(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const trimmed = value.trim();
  return trimmed !== '' && trimmed.length <= SCANNED_VALUE_MAX && !UNREADABLE.test(trimmed);
}
