import type { TillDatabase } from './database.js';
import { prepared } from './statements.js';
import { atomically } from './transaction.js';

/** One call to the GetMeBack cloud as the journal keeps it: the key already masked by the caller. */
export interface CloudCallRecord {
  at: string;
  /** What the call was: an operation's type or a lookup's field (`lookup:login`). */
  call: string;
  url: string;
  /** The body sent, JSON, the key masked. */
  request: string;
  /** HTTP status, null when no answer came. */
  status: number | null;
  /** The answer's text (cut to a few kilobytes), null when none came. */
  answer: string | null;
  error: string | null;
  ms: number;
}

export interface JournalLine extends CloudCallRecord {
  id: number;
}

/** Calls the journal keeps; older ones are dropped as new ones come. */
export const JOURNAL_KEEPS = 5_000;

/** One commit for the line and the trimming: a commit is an fsync, and the courier writes a line per call it sends. */
export function recordCloudCall(db: TillDatabase, record: CloudCallRecord, keep = JOURNAL_KEEPS): void {
  atomically(db, () => {
    const { lastInsertRowid } = prepared(
      db,
      'INSERT INTO cloud_journal (at, call, url, request, status, answer, error, ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(record.at, record.call, record.url, record.request, record.status, record.answer, record.error, record.ms);
    prepared(db, 'DELETE FROM cloud_journal WHERE id <= ?').run(Number(lastInsertRowid) - keep);
  });
}

/** The newest calls first; `text` keeps those whose call, address, request, answer or error contain it. */
export function cloudJournal(db: TillDatabase, options: { text?: string; limit: number }): JournalLine[] {
  const like = `%${(options.text ?? '').replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
  return prepared(
    db,
    `SELECT id, at, call, url, request, status, answer, error, ms FROM cloud_journal
     WHERE call LIKE +@like ESCAPE '\\' OR url LIKE +@like ESCAPE '\\' OR request LIKE +@like ESCAPE '\\'
        OR COALESCE(answer, '') LIKE +@like ESCAPE '\\' OR COALESCE(error, '') LIKE +@like ESCAPE '\\'
     ORDER BY id DESC LIMIT +@limit`,
  ).all({ like, limit: options.limit }) as JournalLine[];
}
