import { z } from 'zod';
import { GiftDish } from './gifts.js';
import { WireMoneyOut } from './primitives.js';

export const OrderStatus = z.enum(['Open', 'Paid', 'Refunded']);
export type OrderStatus = z.infer<typeof OrderStatus>;

export const GiftStatus = z.enum(['Added', 'Redeemed', 'Cancelled']);
export type GiftStatus = z.infer<typeof GiftStatus>;

/** GET /orders/{orderId} — what the waiter sees. */
export const OrderView = z
  .object({
    OrderId: z.string(),
    Guest: z
      .object({ Id: z.string(), FullName: z.string(), Balance: WireMoneyOut, Available: WireMoneyOut })
      .nullable(),
    OfferedGifts: z.array(GiftDish),
    Gifts: z.array(GiftDish.extend({ GuestId: z.string(), Status: GiftStatus })),
    BonusPayment: z.object({ Sum: WireMoneyOut, MaxSum: WireMoneyOut }).nullable(),
    Status: OrderStatus,
  })
  .meta({ id: 'OrderView' });
export type OrderView = z.infer<typeof OrderView>;
