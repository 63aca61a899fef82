import type { AdminProblem } from '../../../shared/admin/problem.js';
import { readEventStream, type StreamedEvent } from '../../../shared/admin/event-stream.js';

/**
 * The dashboard's one way to the core: same-origin JSON over HTTP. Changes are sent as
 * `application/json` because the core refuses anything else (a cross-site form cannot send it).
 */
export interface FieldError {
  field: string;
  message: string;
}

/** A refused request, with the server's message and the fields it named. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fieldErrors: FieldError[],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * The admin API's one error body (its `Message`, and `Errors` to mark the fields); anything else, a
 * proxy's page for one, is shown by its status line. Checked by hand: zod stays out of the bundle.
 */
function problemOf(status: number, body: unknown): ApiError {
  const problem = (typeof body === 'object' && body !== null ? body : {}) as Partial<Record<keyof AdminProblem, unknown>>;
  const message = typeof problem.Message === 'string' ? problem.Message : `HTTP ${status}`;
  const errors = Array.isArray(problem.Errors) ? (problem.Errors as unknown[]) : [];
  const fieldErrors = errors.flatMap((entry) => {
    const { Field, Message } = (typeof entry === 'object' && entry !== null ? entry : {}) as { Field?: unknown; Message?: unknown };
    return typeof Field === 'string' && typeof Message === 'string' ? [{ field: Field, message: Message }] : [];
  });
  return new ApiError(status, message, fieldErrors);
}

let onUnauthorized: () => void = () => {};

/** Called when the till answers 401: a browser on another computer must log in (the session store). */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const init: RequestInit = { method, headers: { accept: 'application/json' } };
  if (body !== undefined) {
    init.headers = { accept: 'application/json', 'content-type': 'application/json' };
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path, init);
  const parsed = await jsonOf(response);
  if (!response.ok) throw refusal(response.status, path, parsed);
  return parsed as T;
}

async function jsonOf(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return text ? (JSON.parse(text) as unknown) : null;
  } catch {
    return null; // Not JSON (a proxy's error page): the status line is all we can show.
  }
}

function refusal(status: number, path: string, body: unknown): ApiError {
  if (status === 401 && path !== '/api/session') onUnauthorized();
  return problemOf(status, body);
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body: unknown) => request<T>('POST', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
};

/**
 * Starts something long on the till with a POST whose answer is a stream of server-sent events (a
 * backup's progress), calling `onEvent` as each arrives; a refusal is an ApiError like any other.
 */
export async function postEventStream(path: string, onEvent: (event: StreamedEvent) => void): Promise<void> {
  const response = await fetch(path, { method: 'POST', headers: { accept: 'text/event-stream', 'content-type': 'application/json' }, body: '{}' });
  if (!response.ok || !response.body) throw refusal(response.status, path, await jsonOf(response));
  await readEventStream(response.body, onEvent);
}

/** A query string from defined values only. */
export function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}
