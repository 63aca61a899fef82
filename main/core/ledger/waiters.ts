import type { TillDatabase } from './database.js';
import { prepared } from './statements.js';

/** Records a waiter the till has not seen; a name is kept only if none was given before. */
export function rememberWaiter(db: TillDatabase, id: string, name: string | null, at: string): void {
  prepared(
    db,
    `INSERT INTO waiters (id, name, first_seen_at) VALUES (?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET name = COALESCE(waiters.name, excluded.name)`,
  ).run(id, name, at);
}

/** false when the till has no such waiter. */
export function renameWaiter(db: TillDatabase, id: string, name: string): boolean {
  return prepared(db, 'UPDATE waiters SET name = ? WHERE id = ?').run(name, id).changes === 1;
}

/** The waiter's display name, or null (unnamed or unknown). */
export function waiterName(db: TillDatabase, id: string): string | null {
  return storedWaiterName(db, id) ?? null;
}

/** The waiter's name as stored (null: unnamed), or undefined when the till has no such waiter. */
export function storedWaiterName(db: TillDatabase, id: string): string | null | undefined {
  const row = prepared(db, 'SELECT name FROM waiters WHERE id = ?').get(id) as { name: string | null } | undefined;
  return row?.name;
}

/** Whether any waiter is known by a PIN (a book with waiters was loaded). */
export function anyWaiterByPin(db: TillDatabase): boolean {
  return prepared(db, "SELECT 1 FROM waiters WHERE id LIKE 'pin:%' LIMIT 1").get() !== undefined;
}

/** A value the till keeps for itself in `meta` (such as the key of waiters' PIN hashes). */
export function metaValue(db: TillDatabase, key: string): string | null {
  const row = prepared(db, 'SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

export function saveMetaValue(db: TillDatabase, key: string, value: string): void {
  prepared(db, 'INSERT INTO meta (key, value) VALUES (?, ?)').run(key, value);
}

/**
 * Removes a value from `meta` so that no copy of the file keeps it: secure_delete overwrites the
 * freed bytes, and the checkpoint empties the WAL that still held the old page.
 */
export function eraseMetaValue(db: TillDatabase, key: string): void {
  const secure = db.pragma('secure_delete', { simple: true }) as number;
  db.pragma('secure_delete = ON');
  try {
    prepared(db, 'DELETE FROM meta WHERE key = ?').run(key);
  } finally {
    db.pragma(`secure_delete = ${secure ? 'ON' : 'OFF'}`);
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
}
