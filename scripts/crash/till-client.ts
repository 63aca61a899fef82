import { setTimeout as sleep } from 'node:timers/promises';
import type { HostProcess } from './host-process.js';

export interface Answer {
  status: number;
  text: string;
  body: Record<string, unknown> | null;
  /** The host answered from its idempotency record, not by doing the work. */
  replayed: boolean;
}

/** A money request as the client sent it, and what became of it. */
export interface MoneyRequest {
  key: string;
  route: string;
  body: unknown;
  orderId: string;
  guestId: string;
  pin: string | null;
  /** The first committed answer (a 200 without WaiterMessage), the reference for every replay. */
  committed: string | null;
}

export interface ClientCounts {
  requests: number;
  lostAnswers: number;
  replays: number;
  refusals: number;
  /** Money requests committed by a host that was killed before it could answer: found again by a replay. */
  committedButUnanswered: number;
}

/**
 * The waiter app's side of the crash test: every call is retried until the host answers; a money
 * call is retried under its own Idempotency-Key, so a retry after a lost answer is a replay.
 * Every answer to a committed key must be the first one, byte for byte.
 */
export class TillClient {
  readonly counts: ClientCounts = { requests: 0, lostAnswers: 0, replays: 0, refusals: 0, committedButUnanswered: 0 };
  readonly money: MoneyRequest[] = [];
  readonly violations: string[] = [];
  /** Called as each money request goes out, so a kill can be aimed at a payment in flight. */
  onMoneySent: (() => void) | null = null;

  constructor(private readonly host: HostProcess) {}

  /** One attempt; null when the answer was lost (host killed, connection refused or reset). */
  async attempt(method: string, route: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer | null> {
    const base = await this.host.baseUrl();
    this.counts.requests += 1;
    try {
      const response = await fetch(`${base}${route}`, {
        method,
        headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(10_000),
      });
      const text = await response.text();
      let parsed: Record<string, unknown> | null = null;
      try {
        parsed = text ? (JSON.parse(text) as Record<string, unknown>) : null;
      } catch {
        parsed = null;
      }
      if (response.status >= 500) this.violations.push(`${method} ${route}: ${response.status} ${text}`);
      return { status: response.status, text, body: parsed, replayed: response.headers.get('idempotent-replayed') === 'true' };
    } catch {
      this.counts.lostAnswers += 1;
      return null;
    }
  }

  /** Retries until answered (check-in, gifts, pre-check are safe to repeat). */
  async call(method: string, route: string, body?: unknown): Promise<Answer> {
    for (;;) {
      const answer = await this.attempt(method, route, body);
      if (answer) return answer;
      await sleep(20);
    }
  }

  /** A payment or refund under its key, replayed until answered. Returns the committed answer or null (refused). */
  async pay(request: Omit<MoneyRequest, 'committed'>): Promise<Record<string, unknown> | null> {
    const record: MoneyRequest = { ...request, committed: null };
    this.money.push(record);
    let tries = 0;
    for (;;) {
      if (tries > 0) this.counts.replays += 1;
      tries += 1;
      const sending = this.attempt('POST', record.route, record.body, { 'Idempotency-Key': record.key });
      this.onMoneySent?.();
      const answer = await sending;
      if (!answer) {
        await sleep(20);
        continue;
      }
      if (tries > 1 && answer.replayed) this.counts.committedButUnanswered += 1;
      return this.judge(record, answer);
    }
  }

  /** Sends a money request again under its key and checks the answer against the first one. */
  async replay(record: MoneyRequest): Promise<void> {
    for (;;) {
      this.counts.replays += 1;
      const answer = await this.attempt('POST', record.route, record.body, { 'Idempotency-Key': record.key });
      if (answer) {
        this.judge(record, answer);
        return;
      }
      await sleep(20);
    }
  }

  private judge(record: MoneyRequest, answer: Answer): Record<string, unknown> | null {
    if (answer.status !== 200) {
      this.violations.push(`${record.key}: ${answer.status} ${answer.text}`);
      return null;
    }
    const refused = answer.body !== null && 'WaiterMessage' in answer.body;
    if (record.committed !== null) {
      if (answer.text !== record.committed) this.violations.push(`${record.key}: replay answered ${answer.text}, first answer was ${record.committed}`);
      return null;
    }
    if (refused) {
      this.counts.refusals += 1;
      return null;
    }
    record.committed = answer.text;
    return answer.body;
  }
}
