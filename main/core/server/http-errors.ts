import type { AdminMessageKey } from '../../../shared/i18n/admin-messages.js';

/** A field the request got wrong, named as in the request; the message is for people or developers. */
export interface FieldProblem {
  Field: string;
  Message: string;
}

/**
 * A malformed request: 400 (or 413, 415) naming the fields. The waiter reads what to do; the
 * dashboard reads `forPeople` when the route has a sentence for it, else «Проверьте поля: …».
 */
export class BadRequest extends Error {
  constructor(
    readonly errors: FieldProblem[],
    readonly status: 400 | 413 | 415 = 400,
    readonly forPeople?: string,
  ) {
    super(errors.map((error) => `${error.Field}: ${error.Message}`).join('; '));
    this.name = 'BadRequest';
  }
}

/**
 * A request the till will not serve for who or where it comes from (403, 401, 429). `message` is the
 * reason for the log; `forManager` says it to a person at the dashboard.
 */
export class AccessDenied extends Error {
  constructor(
    readonly status: 401 | 403 | 429,
    message: string,
    readonly forManager: AdminMessageKey = status === 401 ? 'loginRequired' : status === 429 ? 'tooManyRequests' : 'forbidden',
  ) {
    super(message);
    this.name = 'AccessDenied';
  }
}

/** The Idempotency-Key was used for another body (422), or its first request still runs (409). */
export class KeyConflict extends Error {
  constructor(readonly status: 409 | 422) {
    super(status === 409 ? 'request with this key is still running' : 'key reused with another body');
    this.name = 'KeyConflict';
  }
}

/**
 * A dashboard request the rules refuse (an unknown waiter, more than the debt, an operation that is
 * not parked): the manager's message in the till's language, and the fields at fault. Answered as
 * the admin API's one error body by the error handler.
 */
export class AdminRefusal extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409 | 422,
    readonly forManager: string,
    readonly errors: FieldProblem[] = [],
  ) {
    super(forManager);
    this.name = 'AdminRefusal';
  }
}

/**
 * The caller went away (closed its connection) before its request's body was read: nothing of it
 * was done and nobody is left to answer. Not the till's error: no 500, no `server.error`.
 */
export class ClientGone extends Error {
  constructor(cause?: unknown) {
    super('the caller went away before its request was read', { cause });
    this.name = 'ClientGone';
  }
}
