/**
 * The *Bonus payment type* the demo book sets on a first start, so the first
 * `npm run waiter -- demo` pays with bonuses. Not an iiko id: the setup screen marks it as demo,
 * in its own colour, until the manager types the real one from iikoOffice.
 */
export const DEMO_BONUS_PAYMENT_TYPE = 'de0de0de-0000-4000-8000-00000000b0b0';

export function isDemoBonusPaymentType(id: string): boolean {
  return id.toLowerCase() === DEMO_BONUS_PAYMENT_TYPE;
}
