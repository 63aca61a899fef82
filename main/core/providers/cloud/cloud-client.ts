import { setTimeout as sleep } from 'node:timers/promises';
import type { z } from 'zod';
import type { CloudSettings } from '../../../../shared/settings/schema.js';
import type { Logger } from '../../logger.js';
import { ProviderUnavailableError } from '../loyalty-provider.js';
import type { CloudConnection } from './cloud-connection.js';
import type { CloudCallRecord } from '../../ledger/cloud-journal.js';
import { cloudReason, type CloudReason } from '../../../../shared/i18n/cloud-messages.js';
import { API_KEY_FIELD, callName, cloudWordsIn, describeCall, readAnswer, validatorUrl, type CloudAnswer, type CloudRequest } from './getmeback-api.js';
import { postJson } from './post-json.js';

export interface AskOptions {
  /** `performance.now()` by which the whole call, repeats included, must be over. */
  deadline: number;
  /** Repeat quick failures (refused connection, HTTP 5xx) while time is left: only for calls safe to repeat. */
  repeatable: boolean;
  /** First pause before a repeat; each next one doubles. */
  retryDelayMs: number;
  signal?: AbortSignal;
  /** Where this call's journal line goes instead of straight to the journal (the courier commits it with the call's outcome). */
  journal?: (record: CloudCallRecord) => void;
}

/**
 * The cloud gave no usable answer. `neverArrived`: the request certainly did not reach it (the
 * connection was refused, the cloud's name was not found: `certainlyNotSent`); otherwise the cloud
 * may have acted on it. `message` is the technical text for the log; `reason` the same for people
 * (the «Облако» screen says it in the manager's language).
 */
export class CloudUnreachableError extends ProviderUnavailableError {
  constructor(
    message: string,
    readonly neverArrived: boolean,
    readonly reason: CloudReason = cloudReason('other', { message }),
  ) {
    super(message);
  }
}

/**
 * The cloud answered the call and refused it in a way the till cannot read as GetMeBack's own
 * refusal: an HTTP status that refuses the call itself (`CALL_REFUSED`: 400, 409, 410, 413, 422) or
 * a JSON answer of no shape it knows. The cloud is there; sending the same call again gets the same answer, so the courier
 * counts it as a refusal (parked after a few, for a person to settle) rather than retrying forever.
 */
export class CloudRefusedCall extends CloudUnreachableError {
  constructor(message: string, reason: CloudReason) {
    super(message, false, reason);
  }
}

/**
 * HTTP statuses that refuse the call itself (its body): sent again, it gets the same answer. Any
 * other failing status — 401 and 403 (the key), 404 (the address, the API version), 408, 429, 5xx —
 * is about the cloud or the till's settings, not this call: unanswered, retried, never parked.
 */
const CALL_REFUSED = new Set([400, 409, 410, 413, 422]);

/**
 * HTTP statuses that refuse the till's calls as such — the key (401, 403), the address or the API
 * version (404): the cloud is there and says the settings are wrong. The call was not taken; it is
 * sent again later (never parked), and the manager is told to check the address and the key.
 */
const SETTINGS_REFUSED = new Set([401, 403, 404]);

/** What a key looks like wherever the till shows or writes a call. */
export const SECRET_MASK = '[secret]';

/** The cloud's own words kept for the «Облако» screen at most (characters). */
const CLOUD_WORDS_CHARS = 500;

/** Answer text kept in the journal at most (characters). */
const JOURNAL_ANSWER_CHARS = 8_000;

/** Shortest time worth giving one more attempt. */
const MIN_ATTEMPT_MS = 50;
/** A blip is over within a few quick repeats; a cloud that is down should not keep the waiter waiting. */
const MAX_ATTEMPTS = 3;

/**
 * Talks HTTP to the cloud: the API key added to each body at the last moment, a deadline on every
 * call, failures turned into `ProviderUnavailableError` with a reason an engineer can act on and
 * that never contains the key.
 */
export class GetMeBackClient {
  constructor(
    private readonly cloud: () => z.infer<typeof CloudSettings>,
    private readonly connection: CloudConnection,
    private readonly log: Logger,
    /** Where every call and its answer are written, the key masked (the cloud journal). */
    private readonly journal: (record: CloudCallRecord) => void = () => undefined,
  ) {}

  async ask(request: CloudRequest, options: AskOptions): Promise<CloudAnswer> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await this.post(request, options.deadline - performance.now(), options.signal, options.journal ?? this.journal);
      } catch (error) {
        const pause = options.retryDelayMs * 2 ** attempt;
        const timeLeft = options.deadline - performance.now() - pause;
        const repeat = options.repeatable && error instanceof ProviderUnavailableError && attempt + 1 < MAX_ATTEMPTS;
        if (!repeat || timeLeft < MIN_ATTEMPT_MS || options.signal?.aborted) {
          throw error;
        }
        await sleep(pause, undefined, { signal: options.signal }).catch(() => undefined);
      }
    }
  }

  private async post(request: CloudRequest, timeoutMs: number, signal: AbortSignal | undefined, journal: (record: CloudCallRecord) => void): Promise<CloudAnswer> {
    const cloud = this.cloud();
    const { body } = request;
    const call = describeCall(body);
    const url = validatorUrl(cloud, request.path);
    const started = performance.now();
    const entry = { call: callName(body), url, request: withoutSecret(JSON.stringify({ ...body, [API_KEY_FIELD]: SECRET_MASK }), cloud.apiKey) };
    let status: number | null = null;
    let text: string | null = null;
    const write = (error: string | null) => {
      const answer = text === null ? null : withoutSecret(text, cloud.apiKey).slice(0, JOURNAL_ANSWER_CHARS);
      const ms = Math.round(performance.now() - started);
      try {
        journal({ ...entry, at: new Date().toISOString(), status, answer, error, ms });
      } catch (journalError) {
        this.log.warn({ err: journalError }, 'GetMeBack journal could not be written');
      }
    };
    // The cloud's own words in the answer (an HTTP error's body, an answer of no known shape), key masked.
    const wordsInAnswer = (): string | null => {
      let words: string | null = null;
      try {
        words = cloudWordsIn(JSON.parse(text ?? '') as unknown);
      } catch {
        // Not JSON: no words of the cloud's to show (the answer itself is in the journal).
      }
      return words === null ? null : withoutSecret(words, cloud.apiKey).slice(0, CLOUD_WORDS_CHARS);
    };
    // What went wrong, key masked, told once to the connection (away, or there and refusing), the log
    // and the journal; the error's message.
    const tell = (reason: string, connection: 'failed' | 'refused', line: string): string => {
      const safe = withoutSecret(reason, cloud.apiKey);
      this.connection[connection](safe);
      this.log.warn({ cloudCall: call, error: safe }, line);
      write(safe);
      return `GetMeBack: ${safe}`;
    };
    const fail = (reason: string, why: CloudReason, neverArrived = false) =>
      new CloudUnreachableError(tell(reason, 'failed', 'GetMeBack call failed'), neverArrived, why);
    // The cloud is there and refuses the settings (SETTINGS_REFUSED): told as a refusal (check the
    // address and the key), thrown as a call that was not taken, to be sent again.
    const settingsRefused = (reason: string, why: CloudReason) =>
      new CloudUnreachableError(tell(reason, 'refused', 'GetMeBack refused the till’s calls: check the account address, the API key and version'), true, why);
    const refusedWith = (reason: string, why: CloudReason) => new CloudRefusedCall(tell(reason, 'refused', 'GetMeBack refused a call'), why);
    if (!cloud.accountUrl || !cloud.apiKey) throw fail('the cloud is not configured (account address and API key are needed)', cloudReason('notConfigured'), true);
    const budget = Math.max(1, Math.floor(timeoutMs));
    let json: unknown;
    try {
      const response = await postJson(new URL(url), JSON.stringify({ ...body, [API_KEY_FIELD]: cloud.apiKey }), {
        timeoutMs: budget,
        signal,
        headers: { accept: 'application/json' },
      });
      status = response.status;
      text = response.text;
      const httpError = () => cloudReason('http', { status: response.status, message: wordsInAnswer() });
      if (SETTINGS_REFUSED.has(response.status)) throw settingsRefused(`HTTP ${response.status} from ${url}`, httpError());
      if (CALL_REFUSED.has(response.status)) throw refusedWith(`HTTP ${response.status} from ${url}`, httpError());
      if (!response.ok) throw fail(`HTTP ${response.status} from ${url}`, httpError());
      json = JSON.parse(text) as unknown;
    } catch (error) {
      if (error instanceof ProviderUnavailableError) throw error;
      // Cancelled by the till itself (it is closing): that says nothing about the cloud.
      if (signal?.aborted) {
        write('cancelled by the till');
        throw new ProviderUnavailableError('GetMeBack: the call was cancelled');
      }
      throw fail(reasonOf(error, budget), kindOf(error, budget), certainlyNotSent(error));
    }
    const answer = readAnswer(json);
    if (!answer) throw refusedWith('the answer is not a GetMeBack answer (no "result", "success" or client)', cloudReason('unreadable', { message: wordsInAnswer() }));
    if (answer.message) answer.message = withoutSecret(answer.message, cloud.apiKey);
    this.connection.reached();
    write(null);
    this.log.debug({ cloudCall: call, result: answer.result, dialect: answer.dialect }, 'GetMeBack answered');
    return answer;
  }
}

/**
 * The key must not leak through an error the cloud or the network echoes back: as sent, and in the
 * forms an echo writes it in — escaped for JSON (PHP's json_encode also writes `/` as `\/`, and
 * base64 keys hold `/`, `+`, `=`), or encoded for a URL.
 */
export function withoutSecret(text: string, secret: string): string {
  if (!secret) return text;
  const inJson = JSON.stringify(secret).slice(1, -1);
  const forms = new Set([secret, inJson, inJson.replaceAll('/', '\\/'), encodeURIComponent(secret)]);
  let masked = text;
  for (const form of [...forms].sort((a, b) => b.length - a.length)) masked = masked.split(form).join(SECRET_MASK);
  return masked;
}

/** The same failure as `reasonOf`, for people: no answer in time, an answer that is not JSON, or no connection. */
function kindOf(error: unknown, timeoutMs: number): CloudReason {
  if (error instanceof Error && error.name === 'TimeoutError') return cloudReason('timeout', { waitedMs: timeoutMs });
  if (error instanceof SyntaxError) return cloudReason('unreadable');
  return cloudReason('unreachable');
}

function reasonOf(error: unknown, timeoutMs: number): string {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError') return `no answer within ${timeoutMs} ms`;
    if (error instanceof SyntaxError) return 'the answer is not JSON';
    const code = codeOf(error);
    if (code === 'ECONNREFUSED') return 'connection refused';
    return typeof code === 'string' ? `${error.message} (${code})` : error.message;
  }
  return String(error);
}

/**
 * Failures that leave no doubt the request never reached the cloud: the connection refused, or the
 * cloud's name not found (no connection was even tried) — the usual ways a restaurant's internet
 * being down shows. Anything later (a reset, a timeout) may have reached it: the call is then
 * counted as perhaps applied, and its guest's balance as uncertain, until the cloud answers.
 */
const NOT_SENT_CODES: ReadonlySet<unknown> = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME', 'EAI_NODATA']);

export function certainlyNotSent(error: unknown): boolean {
  return NOT_SENT_CODES.has(codeOf(error));
}

/** Node's error code: on the error itself (node:http) or on its cause (fetch). */
function codeOf(error: unknown): unknown {
  if (!(error instanceof Error)) return undefined;
  return (error as { code?: unknown }).code ?? (error.cause as { code?: unknown } | undefined)?.code;
}
