import { z } from 'zod';
import { WaiterPin } from './primitives.js';

/**
 * POST /orders/{orderId}/checkin — wire-exact with iikoWaiter's External Loyalty call. A `Value`
 * that fails this schema never reaches it as a 400: the route answers it with a WaiterMessage.
 */
export const CheckInRequest = z
  .object({
    Value: z.string({ error: 'must be a string' }).trim().min(1, { error: 'must not be empty' }).max(256, { error: 'must be at most 256 characters' }),
    WaiterPin: WaiterPin.nullish(),
  })
  .meta({ id: 'CheckInRequest' });
export type CheckInRequest = z.infer<typeof CheckInRequest>;
