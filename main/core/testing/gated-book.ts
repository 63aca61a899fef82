import { EmbeddedLoyaltyBook } from '../providers/embedded-book.js';
import type { GuestProfile, LoyaltyProvider, ProviderOperation } from '../providers/loyalty-provider.js';
import { startTestTill, type TestTill, type TestTillOptions } from './test-till.js';

/** The embedded book, whose `guest()` waits while the gate is shut: a payment stops inside its key. */
export class GatedBook implements LoyaltyProvider {
  readonly kind = 'local' as const;
  waiting = 0;
  private gate: Promise<void> | null = null;

  constructor(private readonly book: EmbeddedLoyaltyBook) {}

  /** Shuts the gate; the returned function opens it. */
  shut(): () => void {
    let open!: () => void;
    this.gate = new Promise((resolve) => (open = resolve));
    return () => {
      this.gate = null;
      open();
    };
  }

  async guest(guestId: string): Promise<GuestProfile | null> {
    if (this.gate) {
      this.waiting += 1;
      await this.gate;
    }
    return this.book.guest(guestId);
  }

  lookup = (value: string) => this.book.lookup(value);
  voucher = (voucherId: string) => this.book.voucher(voucherId);
  rules = () => this.book.rules();
  ledgerAdjustment = (guestId: string) => this.book.ledgerAdjustment(guestId);
  record = (_operation: ProviderOperation) => this.book.record();
  status = () => this.book.status();
  close = () => this.book.close();
}

/**
 * A till on the demo book behind a gate. With the plain embedded book nothing yields inside a payment,
 * so a race between two requests can never happen there; behind a shut gate every payment and refund
 * stops at its provider call, inside its Idempotency-Key and before its transaction.
 */
export async function startGatedTill(options: TestTillOptions = {}): Promise<{ till: TestTill; book: GatedBook }> {
  let book!: GatedBook;
  const till = await startTestTill({ ...options, provider: (deps) => (book = new GatedBook(new EmbeddedLoyaltyBook(deps.db))) });
  return { till, book };
}
