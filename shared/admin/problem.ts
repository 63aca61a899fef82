import { z } from 'zod';

/**
 * The admin API's one error body, for every 4xx and 5xx the dashboard can get: a message in the
 * till's language, the fields at fault (named as in the request), and the request's id for the log.
 */
export const AdminProblem = z.object({
  Message: z.string(),
  Errors: z.array(z.object({ Field: z.string(), Message: z.string() })).optional(),
  RequestId: z.string(),
});
export type AdminProblem = z.infer<typeof AdminProblem>;
