import { z } from 'zod';
import { kopecksToWire } from '../../../../shared/money.js';
import type { CloudSettings } from '../../../../shared/settings/schema.js';
import { normalisePhone } from '../phone-number.js';
import type { ProviderOperation } from '../loyalty-provider.js';
import { bonusCallKey, giftCallKey, type CloudCall } from '../../ledger/outbox.js';

/**
 * Everything the till assumes about the GetMeBack cloud's API, in one place. No official reference
 * was found (README, Loyalty providers): the URL, the lookup fields, the answer shapes and every operation's
 * field names below are provisional, and this is the one file to correct when the real API is known.
 */

type CloudSettingsValue = z.infer<typeof CloudSettings>;

/** Every call is a POST of JSON to this one address. */
export function validatorUrl(cloud: Pick<CloudSettingsValue, 'accountUrl' | 'apiVersion'>): string {
  return `${cloud.accountUrl.replace(/\/+$/, '')}/rest/base/${cloud.apiVersion}/validator/`;
}

/** The key travels in the body of every call, never in the URL (URLs end up in logs and proxies). */
export const API_KEY_FIELD = 'api_key';

/** A scanned or typed value: a phone number is the guest's login; anything else a QR (device) token. */
export function lookupBody(value: string): Record<string, unknown> {
  const phone = normalisePhone(value);
  return phone ? { login: phone } : { id_device: value.trim() };
}

export function clientBody(guestId: string): Record<string, unknown> {
  return { id_client: idToWire(guestId) };
}

/** ASSUMPTION: a gift voucher can be looked up by its id, answered like a gift QR. */
export function giftBody(voucherId: string): Record<string, unknown> {
  return { id_gift: idToWire(voucherId) };
}

const CloudId = z.union([z.string().min(1), z.number().int()]).transform(String);
const CloudMoney = z.union([z.number(), z.string().regex(/^-?\d+(?:\.\d+)?$/)]).transform((value, ctx) => {
  const kopecks = kopecksOf(value);
  if (kopecks === null) ctx.addIssue({ code: 'custom', message: 'not a sum of money' });
  return kopecks ?? 0;
});

const CloudClient = z.object({
  id_client: CloudId,
  name: z.string(),
  balance: CloudMoney,
});

/**
 * ASSUMPTION: a gift QR scanned as `id_device` is answered with the gift's owner as `client` and the
 * gift itself as `gift`; `used` says it was redeemed (anywhere).
 */
const CloudGift = z.object({
  id_gift: CloudId,
  name: z.string(),
  product_code: z.union([z.string(), z.number()]).transform(String),
  points: CloudMoney,
  used: z.boolean().optional(),
});

/** Every answer carries `result`; errors say why in `message`. */
const CloudAnswer = z.looseObject({ result: z.enum(['ok', 'error']), message: z.string().optional() });

const LookupAnswer = z.looseObject({
  result: z.literal('ok'),
  client: CloudClient.nullish(),
  gift: CloudGift.nullish(),
});

export type CloudAnswer = z.infer<typeof CloudAnswer>;

export interface CloudGuest {
  id: string;
  fullName: string;
  /** Kopecks, as the cloud reports them. */
  balance: number;
}

export interface CloudVoucher {
  id: string;
  guestId: string;
  name: string;
  productCode: string;
  points: number;
  used: boolean;
}

export type CloudLookup = { kind: 'unknown' } | { kind: 'found'; guest: CloudGuest; voucher: CloudVoucher | null };

/** The JSON the cloud answered, or null when it is not an answer of this API at all. */
export function readAnswer(json: unknown): CloudAnswer | null {
  const parsed = CloudAnswer.safeParse(json);
  return parsed.success ? parsed.data : null;
}

/**
 * ASSUMPTION: an unknown code is either an `ok` answer without a client or an `error` whose
 * message says "not found"; any other error is the cloud failing, not the guest being unknown.
 */
export function isUnknownGuest(answer: CloudAnswer): boolean {
  if (answer.result === 'error') return /не найден|not found/i.test(answer.message ?? '');
  return (answer as { client?: unknown }).client == null;
}

/** What a lookup answer says; null when it is an answer the till cannot read. */
export function readLookup(answer: CloudAnswer): CloudLookup | null {
  if (isUnknownGuest(answer)) return { kind: 'unknown' };
  const parsed = LookupAnswer.safeParse(answer);
  if (!parsed.success || !parsed.data.client) return null;
  const { client, gift } = parsed.data;
  const guest = { id: client.id_client, fullName: client.name, balance: client.balance };
  const voucher = gift
    ? { id: gift.id_gift, guestId: guest.id, name: gift.name, productCode: gift.product_code, points: gift.points, used: gift.used === true }
    : null;
  return { kind: 'found', guest, voucher };
}

export interface BranchOfCalls {
  branchId: string;
  branchName: string;
}

/**
 * The calls that tell the cloud about a committed payment or refund, each keyed by its own
 * `invoice_num` so the cloud can recognise a repeat.
 *
 * - A payment with a bound guest: one `type: bonus` call carrying the bonuses spent (`paid_bonus`)
 *   and the cashback the till accrued (`bonus_value`, sent so the cloud's balance matches the till's
 *   ledger instead of applying its own rules).
 * - Every redeemed gift: one `type: gift` call for the gift's own guest.
 * - ASSUMPTION (nothing public describes refunds): a refund is `type: refund` naming the original
 *   call's `invoice_num` as `refund_invoice_num`; the cloud reverses exactly what that call did.
 */
export function cloudCallsOf(operation: ProviderOperation, branch: BranchOfCalls): CloudCall[] {
  const call = (kind: string, key: string, guestId: string, fields: Record<string, unknown>): CloudCall => ({
    key,
    kind,
    guestId,
    body: { ...fields, id_client: idToWire(guestId), id_branch: branch.branchId, branch_name: branch.branchName, invoice_num: key },
  });
  const { operationId, guestId } = operation;
  if (operation.kind === 'order_paid') {
    const manager = { id_manager: operation.waiterId ?? '', manager_name: operation.waiterName ?? '' };
    const bonus = {
      type: 'bonus',
      order_price: kopecksToWire(operation.orderSum),
      paid_bonus: kopecksToWire(operation.bonusWrittenOff),
      bonus_value: kopecksToWire(operation.accrued),
      ...manager,
    };
    return [
      ...(guestId ? [call('bonus', bonusCallKey(operationId), guestId, bonus)] : []),
      ...operation.gifts.map((gift) =>
        call('gift', giftCallKey(operationId, gift.voucherId), gift.guestId, { type: 'gift', id_gift: idToWire(gift.voucherId), ...manager }),
      ),
    ];
  }
  const refund = {
    type: 'refund',
    order_price: kopecksToWire(operation.orderSum),
    returned_bonus: kopecksToWire(operation.bonusReturned),
    reversed_bonus: kopecksToWire(operation.accrualReversed),
    refund_invoice_num: bonusCallKey(operation.paymentOperationId),
  };
  return [
    ...(guestId ? [call('refund', bonusCallKey(operationId), guestId, refund)] : []),
    ...operation.gifts.map((gift) =>
      call('gift_refund', giftCallKey(operationId, gift.voucherId), gift.guestId, {
        type: 'refund',
        id_gift: idToWire(gift.voucherId),
        refund_invoice_num: giftCallKey(operation.paymentOperationId, gift.voucherId),
      }),
    ),
  ];
}

/** What a call is, for a log line: its type or the field a lookup searched by, never values. */
export function describeCall(body: Record<string, unknown>): Record<string, unknown> {
  if (typeof body.type === 'string') return { type: body.type, invoice_num: body.invoice_num };
  return { lookupBy: Object.keys(body).filter((field) => field !== API_KEY_FIELD) };
}

/** Public client code sends numeric ids as numbers; the till keeps every id as text. */
function idToWire(id: string): string | number {
  return /^\d{1,15}$/.test(id) ? Number(id) : id;
}

/** Roubles with any decimals → kopecks (rounded half away from zero), via text, never floats. */
function kopecksOf(value: number | string): number | null {
  const text = typeof value === 'number' ? (Number.isFinite(value) ? value.toFixed(6) : '') : value;
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return null;
  const fraction = (match[3] ?? '').padEnd(3, '0');
  const kopecks = Number(match[2]) * 100 + Number(fraction.slice(0, 2)) + (Number(fraction[2]) >= 5 ? 1 : 0);
  if (!Number.isSafeInteger(kopecks)) return null;
  return match[1] === '-' ? 0 - kopecks : kopecks;
}
