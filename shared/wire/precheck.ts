import { z } from 'zod';
import { WaiterPin, WireMoney, WireMoneyOut } from './primitives.js';

/** POST /orders/{orderId}/precheck — OrderSum excludes gifts. */
export const PrecheckRequest = z
  .object({
    OrderSum: WireMoney,
    BonusSum: WireMoney.nullable().optional(),
    WaiterPin: WaiterPin.optional(),
  })
  .meta({ id: 'PrecheckRequest' });
export type PrecheckRequest = z.infer<typeof PrecheckRequest>;

export const PaymentKind = z.string().min(1).max(64).meta({ example: 'External', description: 'External, Cash, Card, …' });

export const PaymentType = z
  .object({
    Id: z.string({ error: 'must be a string' }).min(1).max(128),
    Kind: PaymentKind,
    Name: z.string().max(256).optional(),
  })
  .meta({ id: 'PaymentType' });

export const PaymentItemOut = z.object({
  PaymentType: z.object({ Id: z.string(), Kind: z.string(), Name: z.string() }),
  Sum: WireMoneyOut,
});

export const PrecheckResponse = z
  .object({
    MaxSum: WireMoneyOut,
    BonusSum: WireMoneyOut,
    Balance: WireMoneyOut,
    PaymentItems: z.array(PaymentItemOut),
  })
  .meta({ id: 'PrecheckResponse' });
export type PrecheckResponse = z.infer<typeof PrecheckResponse>;
