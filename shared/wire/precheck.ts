import { z } from 'zod';
import { WaiterPin, WireMoney, WireMoneyOut } from './primitives.js';

/** POST /orders/{orderId}/precheck — OrderSum excludes gifts. */
export const PrecheckRequest = z
  .object({
    OrderSum: WireMoney,
    BonusSum: WireMoney.nullable().optional(),
    WaiterPin: WaiterPin.nullish(),
  })
  .meta({ id: 'PrecheckRequest' });
export type PrecheckRequest = z.infer<typeof PrecheckRequest>;

/**
 * iiko's payment-type kinds in the order its .NET enum declares them, so that a serializer writing
 * the enum as a number is read as the same kind (1 = Cash). The order is taken from iiko's public
 * API clients, not from iikoWaiter's vendor, who documents no number: see docs/protocol.md.
 */
export const DOTNET_PAYMENT_KINDS = ['Unknown', 'Cash', 'Card', 'Credit', 'Writeoff', 'Voucher', 'External', 'IikoCard'] as const;

/** A number iiko's enum declares becomes its name; any other number is kept, as its digits. */
export function paymentKindName(kind: string | number): string {
  if (typeof kind === 'string') return kind;
  return DOTNET_PAYMENT_KINDS[kind] ?? String(kind);
}

export const PaymentKind = z
  .union([
    z.string({ error: 'must be a string or a number' }).min(1, { error: 'must not be empty' }).max(64, { error: 'must be at most 64 characters' }),
    z.number({ error: 'must be a string or a number' }).int({ error: 'must be a whole number' }),
  ])
  .transform(paymentKindName)
  .meta({ example: 'External', description: 'External, Cash, Card, … or the number of iiko’s .NET enum (1 = Cash, 2 = Card, 6 = External)' });

export const PaymentType = z
  .object({
    Id: z.string({ error: 'must be a string' }).min(1, { error: 'must not be empty' }).max(128, { error: 'must be at most 128 characters' }),
    Kind: PaymentKind,
    Name: z.string().max(256).nullish(),
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
