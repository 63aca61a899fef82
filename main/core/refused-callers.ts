/** A host the waiter API refused: what the setup screen offers to allow with one click. */
export interface RefusedCaller {
  address: string;
  /** Requests refused from it since the till started (or since it was last allowed). */
  count: number;
  firstAt: string;
  lastAt: string;
}

/** How often one refused host may add a line to the cashier's feed. */
const EVENT_EVERY_MS = 60 * 60_000;

/**
 * The hosts that tried the waiter API without being allowed, newest first, in memory and bounded:
 * a flood from many addresses keeps the most recent `max`, never more. `note` says when the host
 * deserves a feed event (the first refusal, then at most once an hour), so a host that retries
 * every second cannot fill the feed.
 */
export class RefusedCallers {
  private readonly callers = new Map<string, RefusedCaller & { eventAtMs: number }>();

  constructor(private readonly max = 20) {}

  /** Counts one refused request; true when the cashier should be told (a feed event). */
  note(address: string, now: Date): boolean {
    const at = now.toISOString();
    const known = this.callers.get(address);
    this.callers.delete(address);
    const entry = known ?? { address, count: 0, firstAt: at, lastAt: at, eventAtMs: -Infinity };
    entry.count += 1;
    entry.lastAt = at;
    const tell = now.getTime() - entry.eventAtMs >= EVENT_EVERY_MS;
    if (tell) entry.eventAtMs = now.getTime();
    this.callers.set(address, entry);
    while (this.callers.size > this.max) this.callers.delete(this.callers.keys().next().value as string);
    return tell;
  }

  /** Newest first. */
  list(): RefusedCaller[] {
    return [...this.callers.values()].reverse().map(({ address, count, firstAt, lastAt }) => ({ address, count, firstAt, lastAt }));
  }

  forget(address: string): void {
    this.callers.delete(address);
  }
}
