import type { z } from 'zod';
import { BadRequest } from './http-errors.js';

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
