import { z } from 'zod';
import { WaiterPin, WireMoneyOut } from './primitives.js';

/** POST /orders/{orderId}/gifts */
export const AddGiftRequest = z
  .object({
    GiftId: z.string({ error: 'must be a string' }).min(1, { error: 'must not be empty' }).max(128, { error: 'must be at most 128 characters' }),
    WaiterPin: WaiterPin.nullish(),
  })
  .meta({ id: 'AddGiftRequest' });
export type AddGiftRequest = z.infer<typeof AddGiftRequest>;

export const GiftDish = z
  .object({ Id: z.string(), Name: z.string(), ProductCode: z.string(), Points: WireMoneyOut })
  .meta({ id: 'GiftDish' });
export type GiftDish = z.infer<typeof GiftDish>;

export const AddGiftResponse = z.object({ Gift: GiftDish }).meta({ id: 'AddGiftResponse' });
export type AddGiftResponse = z.infer<typeof AddGiftResponse>;
