import { TILL_ACCOUNT, cashEntriesOfOperation, recordCashEntry } from '../ledger/cash-book.js';
import type { TillDatabase } from '../ledger/database.js';
import { debtTakenAfter, waiterDebt } from '../ledger/waiter-debts.js';

/** The refund the cash is given back under. */
export interface CashRefund {
  operationId: string;
  recordedBy: string;
  createdAt: string;
}

/** Kopecks a refund gave back: off waiters' debts, and out of the till's drawer. */
export interface CashGivenBack {
  fromWaiters: number;
  fromTill: number;
}

/**
 * Gives back the cash of a payment, by entries that mirror the payment's own. Cash a waiter took
 * comes off that waiter's debt only as far as the waiter still holds that very cash: hand-ins pay
 * the oldest cash first, so what the waiter owes for cash taken later is not this order's, and what
 * was handed in is in the drawer, which gives it back (a refund never leaves a waiter a debt below
 * zero — "the till owes the waiter" — nor takes another order's cash off the waiter's debt). Cash
 * that went straight to the till comes out of the till. Runs inside the refund's transaction.
 */
export function giveCashBack(db: TillDatabase, paymentOperationId: string, refund: CashRefund): CashGivenBack {
  const given: CashGivenBack = { fromWaiters: 0, fromTill: 0 };
  for (const paid of cashEntriesOfOperation(db, paymentOperationId)) {
    const reversal = { ...paid, kind: 'refund_reversal' as const, debitAccount: paid.creditAccount, ...refund, note: '' };
    const waiterId = paid.kind === 'cash_taken' ? paid.debitAccount.slice('waiter:'.length) : null;
    const fromWaiter = waiterId === null ? 0 : Math.min(paid.amount, Math.max(0, waiterDebt(db, waiterId) - debtTakenAfter(db, waiterId, paid.id)));
    if (fromWaiter > 0) recordCashEntry(db, { ...reversal, creditAccount: paid.debitAccount, amount: fromWaiter });
    if (paid.amount > fromWaiter) recordCashEntry(db, { ...reversal, creditAccount: TILL_ACCOUNT, amount: paid.amount - fromWaiter });
    given.fromWaiters += fromWaiter;
    given.fromTill += paid.amount - fromWaiter;
  }
  return given;
}
