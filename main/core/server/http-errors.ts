/** A malformed request: 400 (or 413) naming the fields, with a message for the waiter. */
export class BadRequest extends Error {
  constructor(
    readonly errors: { Field: string; Message: string }[],
    readonly status: 400 | 413 | 415 = 400,
  ) {
    super(errors.map((error) => `${error.Field}: ${error.Message}`).join('; '));
    this.name = 'BadRequest';
  }
}

/** A request the till will not serve for who or where it comes from (403, 401, 429). */
export class AccessDenied extends Error {
  constructor(
    readonly status: 401 | 403 | 429,
    message: string,
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
