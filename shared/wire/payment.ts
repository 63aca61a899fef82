import { z } from 'zod';
import { PaymentType } from './precheck.js';
import { WaiterPin, WireMoney, WireMoneyOut } from './primitives.js';

export const PaymentItem = z.object({ PaymentType, Sum: WireMoney });
export type PaymentItem = z.infer<typeof PaymentItem>;

/** POST /orders/{orderId}/payments — under an Idempotency-Key header. */
export const PaymentRequest = z
  .object({
    OrderSum: WireMoney,
    PaymentItems: z.array(PaymentItem).max(50),
    WaiterPin: WaiterPin.nullish(),
    Waiter: z
      .object({ Id: z.string().min(1).max(128), Name: z.string().max(128).nullish() })
      .nullish(),
  })
  .refine((body) => body.PaymentItems.reduce((sum, item) => sum + item.Sum, 0) === body.OrderSum, {
    error: 'the sum of PaymentItems must equal OrderSum',
    path: ['PaymentItems'],
    // A sum is checked only once every item is valid, so a bad item is named alone.
    when: (payload) => payload.issues.length === 0,
  })
  .meta({ id: 'PaymentRequest' });
export type PaymentRequest = z.infer<typeof PaymentRequest>;

export const PaymentResponse = z
  .object({
    OrderId: z.string(),
    BonusWrittenOff: WireMoneyOut,
    GiftPointsWrittenOff: WireMoneyOut,
    Accrued: WireMoneyOut,
    GiftsRedeemed: z.array(z.string()),
    WaiterDebt: WireMoneyOut,
    Balance: WireMoneyOut.nullable(),
  })
  .meta({ id: 'PaymentResponse' });
export type PaymentResponse = z.infer<typeof PaymentResponse>;

/** POST /orders/{orderId}/refund */
export const RefundRequest = z.object({ WaiterPin: WaiterPin.nullish() }).meta({ id: 'RefundRequest' });
export type RefundRequest = z.infer<typeof RefundRequest>;

export const RefundResponse = z
  .object({
    OrderId: z.string(),
    BonusReturned: WireMoneyOut,
    GiftPointsReturned: WireMoneyOut,
    AccrualReversed: WireMoneyOut,
    WaiterDebtReversed: WireMoneyOut,
    Balance: WireMoneyOut.nullable(),
  })
  .meta({ id: 'RefundResponse' });
export type RefundResponse = z.infer<typeof RefundResponse>;

/** `Idempotency-Key`: 1–255 visible ASCII characters. */
export const IdempotencyKey = z
  .string({ error: 'the Idempotency-Key header is required' })
  .regex(/^[\x21-\x7e]{1,255}$/, { error: 'must be 1–255 visible ASCII characters' });
