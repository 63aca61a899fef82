import { setTimeout as sleep } from 'node:timers/promises';
import type { z } from 'zod';
import type { CloudSettings } from '../../../../shared/settings/schema.js';
import type { Logger } from '../../logger.js';
import { ProviderUnavailableError } from '../loyalty-provider.js';
import type { CloudConnection } from './cloud-connection.js';
import { API_KEY_FIELD, describeCall, readAnswer, validatorUrl, type CloudAnswer } from './getmeback-api.js';

export interface AskOptions {
  /** `performance.now()` by which the whole call, repeats included, must be over. */
  deadline: number;
  /** Repeat quick failures (refused connection, HTTP 5xx) while time is left: only for calls safe to repeat. */
  repeatable: boolean;
  /** First pause before a repeat; each next one doubles. */
  retryDelayMs: number;
  signal?: AbortSignal;
}

/**
 * The cloud gave no usable answer. `neverArrived`: the request certainly did not reach it (the
 * connection was refused, or nothing was sent); otherwise the cloud may have acted on it.
 */
export class CloudUnreachableError extends ProviderUnavailableError {
  constructor(
    message: string,
    readonly neverArrived: boolean,
  ) {
    super(message);
  }
}

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
  ) {}

  async ask(body: Record<string, unknown>, options: AskOptions): Promise<CloudAnswer> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await this.post(body, options.deadline - performance.now(), options.signal);
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

  private async post(body: Record<string, unknown>, timeoutMs: number, signal?: AbortSignal): Promise<CloudAnswer> {
    const cloud = this.cloud();
    const call = describeCall(body);
    const fail = (reason: string, neverArrived = false): CloudUnreachableError => {
      const safe = withoutSecret(reason, cloud.apiKey);
      this.connection.failed(safe);
      this.log.warn({ cloudCall: call, error: safe }, 'GetMeBack call failed');
      return new CloudUnreachableError(`GetMeBack: ${safe}`, neverArrived);
    };
    if (!cloud.accountUrl || !cloud.apiKey) throw fail('the cloud is not configured (account address and API key are needed)', true);
    const budget = Math.max(1, Math.floor(timeoutMs));
    const signals = [AbortSignal.timeout(budget), ...(signal ? [signal] : [])];
    let json: unknown;
    try {
      const response = await fetch(validatorUrl(cloud), {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ ...body, [API_KEY_FIELD]: cloud.apiKey }),
        signal: AbortSignal.any(signals),
      });
      if (!response.ok) {
        await response.body?.cancel();
        throw fail(`HTTP ${response.status} from ${validatorUrl(cloud)}`);
      }
      json = await response.json();
    } catch (error) {
      if (error instanceof ProviderUnavailableError) throw error;
      // Cancelled by the till itself (it is closing): that says nothing about the cloud.
      if (signal?.aborted) throw new ProviderUnavailableError('GetMeBack: the call was cancelled');
      throw fail(reasonOf(error, budget), codeOf(error) === 'ECONNREFUSED');
    }
    const answer = readAnswer(json);
    if (!answer) throw fail('the answer is not a GetMeBack answer (no "result")');
    if (answer.message) answer.message = withoutSecret(answer.message, cloud.apiKey);
    this.connection.reached();
    this.log.debug({ cloudCall: call, result: answer.result }, 'GetMeBack answered');
    return answer;
  }
}

/** The key must not leak through an error the cloud or the network echoes back. */
export function withoutSecret(text: string, secret: string): string {
  return secret ? text.split(secret).join('[secret]') : text;
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

function codeOf(error: unknown): unknown {
  return error instanceof Error ? (error.cause as { code?: unknown } | undefined)?.code : undefined;
}
