import { randomUUID } from 'node:crypto';
import { inTransaction } from '../ledger/transaction.js';
import { TILL_ACCOUNT, handInOfOperation, recordCashEntry, waiterAccount } from '../ledger/cash-book.js';
import type { Settings } from '../../../shared/settings/schema.js';
import type { Clock } from '../clock.js';
import type { EventBus } from '../events/event-bus.js';
import type { TillDatabase } from '../ledger/database.js';
import { findWaiter, waiterDebt, type KnownWaiter } from '../ledger/waiter-debts.js';

/** What a hand-in works with: the cash book, the feed, the clock and the settings (the iiko pay-in type). */
export interface CashBookContext {
  db: TillDatabase;
  events: EventBus;
  clock: Clock;
  settings: () => Settings;
}

export interface HandInInput {
  amount: number;
  note: string;
  recordedBy: string;
  /** One per confirmation dialog: a double click or a retried request is counted once. */
  idempotencyKey: string | null;
}

export interface HandInResult {
  handIn: { id: number; amount: number; at: string };
  debt: number;
}

export class UnknownWaiter extends Error {
  constructor(readonly waiterId: string) {
    super(`unknown waiter ${waiterId}`);
    this.name = 'UnknownWaiter';
  }
}

/** The hand-in cannot be recorded as asked; nothing was written. */
export class HandInRefused extends Error {
  constructor(
    readonly reason: 'overDebt' | 'keyReused',
    readonly waiter: KnownWaiter,
    readonly amount: number,
    readonly debt: number,
    /** `keyReused`: the hand-in this key already recorded (the cashier is told it, never to receive it again). */
    readonly earlier: { amount: number; at: string } | null = null,
  ) {
    super(`hand-in refused: ${reason}`);
    this.name = 'HandInRefused';
  }
}

/**
 * Cash a waiter brings to the till (in full or in part): one `hand_in` entry, debit the till,
 * credit the waiter, booked with the iiko pay-in type, and its `cash.handed_in` event, in one
 * synchronous SQLite transaction. The debt check and the insert share that transaction, so two
 * hand-ins racing for the same debt cannot both pass.
 */
export function handIn(ctx: CashBookContext, waiterId: string, input: HandInInput): HandInResult {
  return inTransaction(ctx.db, ctx.events, () => {
    const waiter = findWaiter(ctx.db, waiterId);
    if (!waiter) throw new UnknownWaiter(waiterId);
    const operationId = `handin:${input.idempotencyKey ?? randomUUID()}`;

    const earlier = handInOfOperation(ctx.db, operationId);
    if (earlier) {
      if (earlier.creditAccount !== waiterAccount(waiterId) || earlier.amount !== input.amount) {
        throw new HandInRefused('keyReused', waiter, input.amount, waiterDebt(ctx.db, waiterId), { amount: earlier.amount, at: earlier.createdAt });
      }
      return {
        handIn: { id: earlier.id, amount: earlier.amount, at: earlier.createdAt },
        debt: waiterDebt(ctx.db, waiterId, earlier.id),
      };
    }

    const debt = waiterDebt(ctx.db, waiterId);
    if (input.amount > debt) throw new HandInRefused('overDebt', waiter, input.amount, debt);

    const entry = recordCashEntry(ctx.db, {
      kind: 'hand_in',
      debitAccount: TILL_ACCOUNT,
      creditAccount: waiterAccount(waiterId),
      amount: input.amount,
      orderId: null,
      operationId,
      cashTypeId: ctx.settings().payInTypeId,
      recordedBy: input.recordedBy,
      note: input.note,
      createdAt: ctx.clock.now().toISOString(),
    });
    const debtAfter = debt - input.amount;
    ctx.events.record(
      'cash.handed_in',
      { amount: input.amount, debtAfter, recordedBy: input.recordedBy },
      { waiterId, waiterName: waiter.name },
    );
    return { handIn: { id: entry.id, amount: entry.amount, at: entry.createdAt }, debt: debtAfter };
  });
}
