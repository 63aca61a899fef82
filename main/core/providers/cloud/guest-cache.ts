import type { GuestProfile, ScanLookup, VoucherProfile } from '../loyalty-provider.js';

/** Where each guest's last profile is kept beyond memory (the till's database), to survive a restart. */
export interface GuestShelf {
  save(guest: GuestProfile): void;
  load(guestId: string): GuestProfile | null;
}

type KnownScan = Exclude<ScanLookup, { kind: 'unknown' }>;

/**
 * Scanned values, guests and vouchers remembered at most, each; the oldest are forgotten first. A
 * forgotten guest is still on the shelf, a forgotten voucher is asked of the cloud again: memory
 * stays bounded over months of guests (issue 19).
 */
export const MAX_REMEMBERED = 5_000;

/** Puts `value` at `key` as the newest entry, forgetting the oldest past `MAX_REMEMBERED`. */
function keepNewest<T>(map: Map<string, T>, key: string, value: T): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > MAX_REMEMBERED) map.delete(map.keys().next().value as string);
}

/**
 * What the cloud last said, in memory: a scanned value's answer (so a second check-in right after
 * the first is instant), each guest's last profile (shown, marked stale, when the cloud is down)
 * and the vouchers seen. Guests' profiles are also put on the shelf (the database) so that a till
 * restarted while the cloud is away still knows who is checked in. Never the source of a balance for a money decision: those are asked fresh.
 */
export class GuestCache {
  private readonly scans = new Map<string, { at: number; found: KnownScan }>();
  private readonly guests = new Map<string, GuestProfile>();
  private readonly vouchers = new Map<string, VoucherProfile>();

  constructor(
    private readonly identityTtlMs: number,
    private readonly now: () => number,
    private readonly shelf: GuestShelf | null = null,
  ) {}

  /** An unknown code is not remembered: the guest may sign up a minute later. */
  rememberScan(value: string, found: ScanLookup): void {
    if (found.kind === 'unknown') return;
    keepNewest(this.scans, value, { at: this.now(), found });
    this.rememberGuest(found.guest);
    if (found.kind === 'voucher') this.rememberVoucher(found.voucher);
  }

  /** The answer for a value scanned within the identity TTL. */
  recentScan(value: string): ScanLookup | null {
    const scan = this.scans.get(value);
    return scan && this.now() - scan.at <= this.identityTtlMs ? scan.found : null;
  }

  /** The last answer for a value, however old, its guest marked stale: for when the cloud is down. */
  lastScan(value: string): ScanLookup | null {
    const found = this.scans.get(value)?.found;
    if (!found) return null;
    return { ...found, guest: { ...found.guest, stale: true } };
  }

  rememberGuest(guest: GuestProfile): void {
    keepNewest(this.guests, guest.id, guest);
    this.shelf?.save(guest);
  }

  /** The guest's last profile (from memory, else from the shelf), marked stale. */
  lastGuest(guestId: string): GuestProfile | null {
    const guest = this.guests.get(guestId) ?? this.shelf?.load(guestId);
    return guest ? { ...guest, stale: true } : null;
  }

  voucher(voucherId: string): VoucherProfile | null {
    return this.vouchers.get(voucherId) ?? null;
  }

  rememberVoucher(voucher: VoucherProfile): void {
    keepNewest(this.vouchers, voucher.id, voucher);
  }

  /** How many of each it holds (bounded by `MAX_REMEMBERED`). */
  get sizes(): { scans: number; guests: number; vouchers: number } {
    return { scans: this.scans.size, guests: this.guests.size, vouchers: this.vouchers.size };
  }
}
