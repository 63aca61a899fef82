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

interface ErrorBody {
  Message?: unknown;
  WaiterMessage?: unknown;
  Errors?: unknown;
}

function fieldErrorsOf(errors: unknown): FieldError[] {
  if (!Array.isArray(errors)) return [];
  return errors.flatMap((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null) return [];
    const { Field, Message } = entry as { Field?: unknown; Message?: unknown };
    return typeof Field === 'string' && typeof Message === 'string' ? [{ field: Field, message: Message }] : [];
  });
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
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON (a proxy's error page): the status line is all we can show.
  }
  if (!response.ok) {
    if (response.status === 401 && path !== '/api/session') onUnauthorized();
    const errorBody = (parsed ?? {}) as ErrorBody;
    const message = typeof errorBody.Message === 'string' ? errorBody.Message : typeof errorBody.WaiterMessage === 'string' ? errorBody.WaiterMessage : `HTTP ${response.status}`;
    throw new ApiError(response.status, message, fieldErrorsOf(errorBody.Errors));
  }
  return parsed as T;
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body: unknown) => request<T>('POST', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
};

/** A query string from defined values only. */
export function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}
