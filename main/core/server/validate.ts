import type { z } from 'zod';
import type { Language } from '../../../shared/i18n/language.js';
import { validationErrors } from '../../../shared/i18n/validation-messages.js';
import { BadRequest, type FieldProblem } from './http-errors.js';

/** Parses input with a zod schema; a failure is a 400 that names every offending field. */
export function validate<S extends z.ZodType>(schema: S, input: unknown, root = 'body'): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new BadRequest(
    result.error.issues.map((issue) => ({
      Field: issue.path.length > 0 ? issue.path.join('.') : root,
      Message: issue.message,
    })),
  );
}

export interface ForManager {
  language: Language;
  /** A sentence per top-level field, shown instead of zod's; with it, the answer's Message is these sentences. */
  fieldMessages?: (field: string) => string | undefined;
}

/**
 * The dashboard's one validation path: a 400 naming each field once, with messages in the till's
 * language (the route's own sentence for a field when it has one). The error handler turns it into
 * the admin error body.
 */
export function validateForManager<S extends z.ZodType>(schema: S, input: unknown, manager: ForManager, root = 'body'): z.output<S> {
  const result = schema.safeParse(input, { error: validationErrors(manager.language) });
  if (result.success) return result.data;
  const byField = new Map<string, FieldProblem>();
  for (const issue of result.error.issues) {
    const field = issue.path.length > 0 ? issue.path.map(String).join('.') : root;
    if (byField.has(field)) continue;
    const own = manager.fieldMessages?.(String(issue.path[0] ?? root));
    byField.set(field, { Field: field, Message: own ?? issue.message });
  }
  const errors = [...byField.values()];
  throw new BadRequest(errors, 400, manager.fieldMessages ? errors.map((error) => error.Message).join(' ') : undefined);
}
