import type { OutboxProgress } from '../../../shared/events.js';

/** What the outbox's bar shows: `sent` of `total`, `done` once nothing is waiting; null: no bar. */
export function drainShown(progress: OutboxProgress | null): { sent: number; total: number; done: boolean } | null {
  if (!progress) return null;
  const total = progress.sent + progress.pending;
  if (total === 0) return null;
  return { sent: progress.sent, total, done: progress.pending === 0 };
}
