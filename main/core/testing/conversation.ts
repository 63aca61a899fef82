import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { SeedFile } from '../providers/seed-file.js';
import type { HttpAnswer, TestTill } from './test-till.js';

/**
 * A recorded conversation between iikoWaiter and the till: requests in order and the answers the
 * contract expects (docs/conversations/README.md). Written from the user guide, or captured from a
 * real iikoWaiter: replaying one against a fresh till checks the till still answers the same.
 */

/** In an expected answer, this string stands for any value (an id the till makes up, say). */
export const ANY = '<any>';

const Exchange = z.strictObject({
  note: z.string().optional(),
  request: z.strictObject({
    method: z.enum(['GET', 'POST', 'PUT', 'DELETE']),
    /** Relative to the waiter API's base path, as iikoWaiter's Server Address ends. */
    path: z.string().startsWith('/'),
    headers: z.record(z.string(), z.string()).optional(),
    /** A JSON body; or `text`, the body's exact characters (a capture). */
    body: z.unknown().optional(),
    text: z.string().optional(),
  }),
  response: z.strictObject({
    status: z.number().int(),
    /** Compared whole, after `RequestId` is dropped from both sides; absent: the body must be empty. */
    body: z.unknown().optional(),
    /** Each one must be in the answer (names in any case). */
    headers: z.record(z.string(), z.string()).optional(),
  }),
});
export type Exchange = z.infer<typeof Exchange>;

export const Conversation = z.strictObject({
  title: z.string(),
  /** Where it comes from: "the user guide", "a capture of iikoWaiter x.y at <restaurant>", … */
  source: z.string(),
  /** Settings over the test defaults (the Bonus payment type is 6f2c1f5e-…-0000000000b0). */
  settings: z.record(z.string(), z.unknown()).optional(),
  /** The loyalty book to load; absent: the demo book (README). */
  seed: SeedFile.optional(),
  exchanges: z.array(Exchange).min(1),
});
export type Conversation = z.infer<typeof Conversation>;

export function readConversation(file: string): Conversation {
  return Conversation.parse(JSON.parse(readFileSync(file, 'utf8')));
}

/** Writes the seed of a conversation where `--seed` would read it; null when it has none. */
export function seedFileOf(conversation: Conversation, dir: string): string | null {
  if (!conversation.seed) return null;
  const file = path.join(dir, 'conversation-seed.json');
  writeFileSync(file, JSON.stringify(conversation.seed));
  return file;
}

export async function send(till: TestTill, exchange: Exchange): Promise<HttpAnswer> {
  const { method, path: route, headers, body, text } = exchange.request;
  return till.waiter(method, route, text ?? (body === undefined ? undefined : JSON.stringify(body)), headers);
}

/**
 * The answer as the conversation states answers: `RequestId` (random each time) dropped, and where a
 * message quotes it to the waiter as the request's code, the code written as `<code>`.
 */
export function comparable(answer: HttpAnswer): { status: number; body: unknown } {
  return { status: answer.status, body: withCodePlaceholder(withoutRequestId(answer.body), requestIdOf(answer.body)) };
}

export const CODE = '<code>';

function requestIdOf(body: unknown): string | undefined {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const id = (body as Record<string, unknown>).RequestId;
  return typeof id === 'string' && id !== '' ? id : undefined;
}

function withCodePlaceholder(body: unknown, requestId: string | undefined): unknown {
  if (requestId === undefined || body === null || typeof body !== 'object' || Array.isArray(body)) return body;
  return Object.fromEntries(
    Object.entries(body as Record<string, unknown>).map(([key, value]) => [
      key,
      typeof value === 'string' ? value.split(requestId).join(CODE) : value,
    ]),
  );
}

/** The expected answer, with each `<any>` replaced by what the till really sent there. */
export function expected(exchange: Exchange, answer: HttpAnswer): { status: number; body: unknown } {
  return { status: exchange.response.status, body: fillAny(withoutRequestId(exchange.response.body), comparable(answer).body) };
}

function withoutRequestId(body: unknown): unknown {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return body;
  const { RequestId: _dropped, ...rest } = body as Record<string, unknown>;
  return rest;
}

function fillAny(wanted: unknown, actual: unknown): unknown {
  if (wanted === ANY) return actual;
  if (Array.isArray(wanted)) return wanted.map((item, i) => fillAny(item, Array.isArray(actual) ? actual[i] : undefined));
  if (wanted !== null && typeof wanted === 'object') {
    const real = actual !== null && typeof actual === 'object' ? (actual as Record<string, unknown>) : {};
    return Object.fromEntries(Object.entries(wanted).map(([key, value]) => [key, fillAny(value, real[key])]));
  }
  return wanted;
}
