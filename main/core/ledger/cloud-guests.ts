import type { TillDatabase } from './database.js';
import { prepared } from './statements.js';

/** The last profile the GetMeBack cloud gave of a guest, kept across restarts. */
export interface StoredCloudGuest {
  id: string;
  fullName: string;
  /** Kopecks: the cloud's balance less what it had acknowledged of the till's entries (see CloudProvider). */
  baseBalance: number;
  /** The guest's own rules from the cloud, basis points, when it sent them. */
  cashbackBp: number | null;
  maxBonusShareBp: number | null;
}

/**
 * Keeps the guest's profile as the cloud gave it; `at` is when it last changed. A profile the till
 * already has writes nothing: each read of a guest from the cloud comes here, and an unchanged row
 * costs no commit to the disk (no fsync on the event loop at every check-in; issue 19).
 */
export function rememberCloudGuest(db: TillDatabase, guest: StoredCloudGuest, at: string): void {
  prepared(
    db,
    `INSERT INTO cloud_guests (guest_id, full_name, base_balance, cashback_bp, max_bonus_share_bp, seen_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (guest_id) DO UPDATE SET full_name = excluded.full_name, base_balance = excluded.base_balance,
       cashback_bp = excluded.cashback_bp, max_bonus_share_bp = excluded.max_bonus_share_bp, seen_at = excluded.seen_at
     WHERE (full_name, base_balance, cashback_bp, max_bonus_share_bp)
       IS NOT (excluded.full_name, excluded.base_balance, excluded.cashback_bp, excluded.max_bonus_share_bp)`,
  ).run(guest.id, guest.fullName, guest.baseBalance, guest.cashbackBp, guest.maxBonusShareBp, at);
}

export function lastCloudGuest(db: TillDatabase, guestId: string): StoredCloudGuest | null {
  const row = prepared(
    db,
    'SELECT guest_id AS id, full_name AS fullName, base_balance AS baseBalance, cashback_bp AS cashbackBp, max_bonus_share_bp AS maxBonusShareBp FROM cloud_guests WHERE guest_id = ?',
  ).get(guestId) as StoredCloudGuest | undefined;
  return row ?? null;
}

/** A remembered setting of the cloud account (the phone form it answers, say); null when never learnt. */
export function cloudMemory(db: TillDatabase, key: string): string | null {
  const row = prepared(db, 'SELECT value FROM meta WHERE key = ?').get(`cloud.${key}`) as { value: string } | undefined;
  return row?.value ?? null;
}

export function rememberInCloudMemory(db: TillDatabase, key: string, value: string): void {
  prepared(db, 'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(`cloud.${key}`, value);
}
