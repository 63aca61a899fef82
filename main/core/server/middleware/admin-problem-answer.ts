import type { Exchange } from '../exchange.js';
import type { AdminProblem } from '../../../../shared/admin/problem.js';
import { adminMessage } from '../../../../shared/i18n/admin-messages.js';
import type { Language } from '../../../../shared/i18n/language.js';
import { AccessDenied, AdminRefusal, BadRequest, type FieldProblem } from '../http-errors.js';

/**
 * A call of the dashboard's API (`/api/…`, never under the waiter path). Anything else that is not
 * the waiter API is most likely iikoWaiter with a wrong Server Address: it keeps the waiter's shape.
 */
export function isAdminRequest(ctx: Exchange): boolean {
  return ctx.state.waiterApi !== true && (ctx.path === '/api' || ctx.path.startsWith('/api/'));
}

export function adminProblem(message: string, requestId: string, errors: FieldProblem[] = []): AdminProblem {
  return { Message: message, ...(errors.length > 0 ? { Errors: errors } : {}), RequestId: requestId };
}

/**
 * The status and body of the admin API's one error shape for a failure of a dashboard request, or
 * null for an unexpected error (the caller logs it and answers 500).
 */
export function adminAnswer(error: Error, language: Language, requestId: string): { status: number; body: AdminProblem } | null {
  if (error instanceof AdminRefusal) return { status: error.status, body: adminProblem(error.forManager, requestId, error.errors) };
  if (error instanceof BadRequest) {
    return { status: error.status, body: adminProblem(error.forPeople ?? badRequestMessage(error, language, requestId), requestId, error.errors) };
  }
  if (error instanceof AccessDenied) return { status: error.status, body: adminProblem(adminMessage(language, error.forManager, requestId), requestId) };
  const status = (error as { status?: unknown }).status;
  // Errors Koa itself raises for a bad request (e.g. a malformed URL): still a client error.
  if (typeof status === 'number' && status >= 400 && status < 500) return { status, body: adminProblem(adminMessage(language, 'unreadable', requestId), requestId) };
  return null;
}

/** Too large, unreadable as a whole (bad JSON, not JSON), or the fields named in Errors. */
function badRequestMessage(error: BadRequest, language: Language, requestId: string): string {
  if (error.status === 413) return adminMessage(language, 'tooLarge', requestId);
  const fields = error.errors.map((e) => e.Field);
  if (fields.every((field) => field === 'body' || field === 'Content-Type')) return adminMessage(language, 'unreadable', requestId);
  return adminMessage(language, 'checkHighlighted', requestId);
}
