/**
 * Whether the GetMeBack cloud answers, as the last call found it. The dashboard and the tray learn
 * of every change (online ↔ offline) once, not of every failed call.
 */
export class CloudConnection {
  online = true;
  lastError: string | null = null;

  constructor(private readonly onChange: () => void) {}

  /** The cloud answered (whatever it said). */
  reached(): void {
    const wasOffline = !this.online;
    this.online = true;
    this.lastError = null;
    this.refusedAnOperation = false;
    if (wasOffline) this.onChange();
  }

  /**
   * The last refusal was GetMeBack's own answer to one operation (a write-off, an accrual) rather
   * than to the till's calls as such: it is about that operation, not the address or the key.
   */
  refusedAnOperation = false;

  /**
   * The cloud answered but refused this call: it is online, and the manager should see why.
   * `operation`: GetMeBack's own refusal of one operation (see `refusedAnOperation`).
   */
  refused(reason: string, what: 'call' | 'operation' = 'call'): void {
    this.reached();
    this.lastError = reason;
    this.refusedAnOperation = what === 'operation';
  }

  /** No usable answer: network, timeout, HTTP error, or not this API. */
  failed(reason: string): void {
    const wasOnline = this.online;
    this.online = false;
    this.lastError = reason;
    if (wasOnline) this.onChange();
  }
}
