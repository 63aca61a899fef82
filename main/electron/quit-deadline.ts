/**
 * How long quitting may take. Closing the listener and the database is quick; a cloud provider
 * flushing its outbox may not be, and the cashier who chose "Quit" (or Windows shutting down) must
 * not wait on a network. What is not sent stays in the outbox for the next start.
 */
export const QUIT_DEADLINE_MS = 4_000;

export type Finished = 'done' | 'timed-out';

/** Waits for `work`, at most `ms`; a failure counts as done (it is logged by whoever did the work). */
export function withinDeadline(work: Promise<unknown>, ms: number): Promise<Finished> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<Finished>((resolve) => {
    timer = setTimeout(() => resolve('timed-out'), ms);
  });
  const done = work.then(
    () => 'done' as const,
    () => 'done' as const,
  );
  return Promise.race([done, late]).finally(() => clearTimeout(timer));
}
