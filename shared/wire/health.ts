import { z } from 'zod';

export const HealthResponse = z
  .object({
    Status: z.literal('ok'),
    Version: z.string(),
    Provider: z.enum(['local', 'cloud']),
    Outbox: z.number().int().nonnegative(),
  })
  .meta({ id: 'HealthResponse' });
export type HealthResponse = z.infer<typeof HealthResponse>;
