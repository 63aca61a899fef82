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
 * Lines all refused hosts together may add to the feed in an hour. The list keeps the newest hosts
 * only, and a host pushed out of it comes back as new: a host on the Wi-Fi taking turns over more
 * addresses than the list keeps would otherwise add a line (a database write) per request.
 */
export const EVENTS_PER_HOUR = 20;

/**
 * The hosts that tried the waiter API without being allowed, newest first, in memory and bounded:
 * a flood from many addresses keeps the most recent `max`, never more. `note` says when the host
 * deserves a feed event (the first refusal, then at most once an hour, and no more than
 * EVENTS_PER_HOUR for all hosts together), so a host that retries every second, or takes turns over
 * many addresses, cannot fill the feed.
 */
export class RefusedCallers {
  private readonly callers = new Map<string, RefusedCaller & { eventAtMs: number }>();
  /** When each feed line of the last hour was told, oldest first. */
  private readonly told: number[] = [];

  constructor(private readonly max = 20) {}

  /** Counts one refused request; true when the cashier should be told (a feed event). */
  note(address: string, now: Date): boolean {
    const at = now.toISOString();
    const known = this.callers.get(address);
    this.callers.delete(address);
    const entry = known ?? { address, count: 0, firstAt: at, lastAt: at, eventAtMs: -Infinity };
    entry.count += 1;
    entry.lastAt = at;
    const nowMs = now.getTime();
    // A line told "in the future" (the clock was set back since) no longer counts either.
    const past = (atMs: number) => nowMs - atMs >= EVENT_EVERY_MS || atMs > nowMs;
    for (let at = this.told.length - 1; at >= 0; at -= 1) if (past(this.told[at] as number)) this.told.splice(at, 1);
    const tell = past(entry.eventAtMs) && this.told.length < EVENTS_PER_HOUR;
    if (tell) {
      entry.eventAtMs = nowMs;
      this.told.push(nowMs);
    }
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
