/**
 * A Russian mobile number as the loyalty book stores it: 11 digits starting with 7.
 * `+7 999 000-00-01`, `8 (999) 000-00-01`, `89990000001`, `79990000001` and `9990000001` are one
 * number. Anything else is not a phone number (it may still be a card number or a QR token).
 */
export function normalisePhone(value: string): string | null {
  if (!/^[\s\d()+-]+$/.test(value)) return null;
  const digits = value.replace(/\D/g, '');
  if (digits.length === 10 && digits.startsWith('9')) return `7${digits}`;
  if (digits.length === 11 && (digits.startsWith('7') || digits.startsWith('8'))) {
    if (value.trim().startsWith('+') && !digits.startsWith('7')) return null;
    return `7${digits.slice(1)}`;
  }
  return null;
}
