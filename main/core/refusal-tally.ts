import type { Logger } from './logger.js';

/** How often the summary of refused requests is written. */
export const REFUSAL_SUMMARY_MS = 60_000;
/** Addresses counted one by one in a summary; the rest are counted together. */
const MAX_ADDRESSES = 1_000;
const TOP = 10;

/**
 * 403 and 429 answers (and connections closed at the cap) are counted, not logged one by one: a flood of refused requests would
 * otherwise write the log at the attacker's pace. One summary line per minute (when anything was
 * refused) names the counts by status and the busiest addresses.
 */
export class RefusalTally {
  private byStatus = new Map<string, number>();
  private byAddress = new Map<string, number>();
  private otherAddresses = 0;
  private since: number;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
    everyMs = REFUSAL_SUMMARY_MS,
  ) {
    this.since = now();
    this.timer = setInterval(() => this.flush(), everyMs);
    this.timer.unref();
  }

  /** One refusal: an HTTP status, or 'connection' for a connection closed at the cap. */
  count(status: number | 'connection', address: string): void {
    const kind = String(status);
    this.byStatus.set(kind, (this.byStatus.get(kind) ?? 0) + 1);
    const seen = this.byAddress.get(address);
    if (seen !== undefined) this.byAddress.set(address, seen + 1);
    else if (this.byAddress.size < MAX_ADDRESSES) this.byAddress.set(address, 1);
    else this.otherAddresses += 1;
  }

  /** Refused so far in this period, by status. */
  pending(): Record<string, number> {
    return Object.fromEntries(this.byStatus);
  }

  /** Writes the summary line (if anything was refused) and starts a new period. */
  flush(): void {
    const now = this.now();
    if (this.byStatus.size > 0) {
      const top = [...this.byAddress].sort((a, b) => b[1] - a[1]).slice(0, TOP);
      this.logger.warn(
        {
          refused: this.pending(),
          seconds: Math.round((now - this.since) / 1000),
          addresses: this.byAddress.size + (this.otherAddresses > 0 ? 1 : 0),
          top: Object.fromEntries(top),
          ...(this.otherAddresses > 0 ? { otherAddressesRequests: this.otherAddresses } : {}),
        },
        'refused requests',
      );
    }
    this.byStatus = new Map();
    this.byAddress = new Map();
    this.otherAddresses = 0;
    this.since = now;
  }

  close(): void {
    this.flush();
    clearInterval(this.timer);
  }
}
