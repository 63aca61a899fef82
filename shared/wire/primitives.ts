import { z } from 'zod';
import { kopecksFromWire, MAX_WIRE_MONEY } from '../money.js';

/**
 * An iiko order id: a .NET GUID (8-4-4-4-12 hex digits, whatever its version bits). Anything else is
 * a malformed request.
 */
export const OrderId = z.guid({ error: 'must be an iiko order id (UUID)' });

/**
 * A sum of money or points on the wire: a number ≥ 0 with at most two decimals.
 * Parsed to integer kopecks at the edge, so nothing past the edge sees a float.
 */
export const WireMoney = z
  .number({ error: 'must be a number' })
  .refine((value) => kopecksFromWire(value) !== null, {
    // One message, the one that says what is wrong with this sum.
    error: (issue) =>
      typeof issue.input === 'number' && issue.input > MAX_WIRE_MONEY ? `must be at most ${MAX_WIRE_MONEY}` : 'must be a sum of at most 2 decimals, not negative',
  })
  .transform((value) => kopecksFromWire(value) as number)
  .meta({ description: 'Roubles (or points), at most 2 decimals, never negative', example: 300.5 });

/**
 * The waiter's PIN: a secret, hashed at the edge and never stored or logged. Requests take it
 * `.nullish()`: a .NET serializer writes an unset string as null, which means "no PIN", as absent does.
 */
export const WaiterPin = z.string({ error: 'must be a string' }).min(1, { error: 'must not be empty' }).max(64, { error: 'must be at most 64 characters' });

/** Money as the app sends it back: a decimal number made from kopecks (see kopecksToWire). */
export const WireMoneyOut = z.number().meta({ description: 'Roubles (or points), at most 2 decimals' });

/** The body of every refusal and every malformed-request answer. */
export const WaiterMessageBody = z
  .object({
    WaiterMessage: z.string(),
    Errors: z
      .array(z.object({ Field: z.string(), Message: z.string() }))
      .optional()
      .meta({ description: 'Present on 4xx: the fields that were wrong' }),
    RequestId: z.string().optional(),
  })
  .meta({ id: 'WaiterMessage' });
export type WaiterMessageBody = z.infer<typeof WaiterMessageBody>;
