import type { TillDatabase } from './database.js';
import { prepared } from './statements.js';

/** Deletes the feed's events from before `before` (an ISO time); how many. The money they tell of stays in its own tables. */
export function pruneFeedEvents(db: TillDatabase, before: string): number {
  return prepared(db, 'DELETE FROM events WHERE at < ?').run(before).changes;
}
