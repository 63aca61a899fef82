import { heldFromGuest } from '../ledger/holds.js';
import type { GuestProfile } from '../providers/loyalty-provider.js';
import type { LoyaltyContext } from './context.js';

export interface GuestMoney {
  /** The guest's account balance: what the provider reports plus the till's entries it has not seen. */
  balance: number;
  /** Balance minus every active hold (gifts added to open orders, bonus reservations). */
  available: number;
}

/** Read inside the money transaction, so two orders never spend the same points. */
export function guestMoney(ctx: Pick<LoyaltyContext, 'db' | 'provider'>, guest: GuestProfile): GuestMoney {
  const balance = guest.baseBalance + ctx.provider.ledgerAdjustment(guest.id);
  return { balance, available: balance - heldFromGuest(ctx.db, guest.id) };
}
