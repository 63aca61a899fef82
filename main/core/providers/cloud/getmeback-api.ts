import { z } from 'zod';
import { basisPointsFromFraction, kopecksToWire } from '../../../../shared/money.js';
import type { CloudSettings } from '../../../../shared/settings/schema.js';
import { normalisePhone } from '../phone-number.js';
import type { LoyaltyRules, ProviderOperation } from '../loyalty-provider.js';
import { bonusCallKey, giftCallKey, type CloudCall } from '../../ledger/outbox.js';

/**
 * Everything the till assumes about the GetMeBack cloud's API, in one place. No official reference
 * was found (README, Loyalty providers): the URL, the lookup fields, the answer shapes and every operation's
 * field names below are provisional, and this is the one file to correct when the real API is known.
 */

type CloudSettingsValue = z.infer<typeof CloudSettings>;

/** A call: where it goes under the validator's address (`''` is the bare `…/validator/`) and its body. */
export interface CloudRequest {
  path: string;
  body: Record<string, unknown>;
}

/** Every call is a POST of JSON to the validator's address, or a sub-path of it. */
export function validatorUrl(cloud: Pick<CloudSettingsValue, 'accountUrl' | 'apiVersion'>, path = ''): string {
  return `${cloud.accountUrl.replace(/\/+$/, '')}/rest/base/${cloud.apiVersion}/validator/${path}`;
}

/** The key travels in the body of every call, never in the URL (URLs end up in logs and proxies). */
export const API_KEY_FIELD = 'api_key';

/**
 * ASSUMPTION (two public clients differ): a phone is sent as `login` to the bare validator by one,
 * as `phone` to `…/validator/client/` by another. The till tries these forms in this order, the one
 * the account last answered first, and remembers the form that found a guest.
 */
export const PHONE_FORMS = [
  { name: 'login', path: '', field: 'login' },
  { name: 'client-phone', path: 'client/', field: 'phone' },
  { name: 'phone', path: '', field: 'phone' },
  { name: 'client-login', path: 'client/', field: 'login' },
] as const;

export type PhoneForm = (typeof PHONE_FORMS)[number]['name'];

/** A phone form as the manager can match it with the calls the connection check shows: `…/validator/client/ {"phone"}`. */
export function phoneFormRequest(name: PhoneForm): string {
  const form = PHONE_FORMS.find((candidate) => candidate.name === name) ?? PHONE_FORMS[0];
  return `…/validator/${form.path} {"${form.field}"}`;
}

/** The requests that look a scanned or typed value up: a phone in each form (see PHONE_FORMS); anything else as a QR (device) token. */
export function lookupRequests(value: string, remembered: string | null = null): { form: PhoneForm | null; request: CloudRequest }[] {
  const phone = normalisePhone(value);
  if (!phone) return [{ form: null, request: { path: '', body: { id_device: value.trim() } } }];
  const forms = [...PHONE_FORMS].sort((a, b) => Number(b.name === remembered) - Number(a.name === remembered));
  return forms.map((form) => ({ form: form.name, request: { path: form.path, body: { [form.field]: phone } } }));
}

/** A scanned or typed value in the first form tried (see `lookupRequests`). */
export function lookupBody(value: string): Record<string, unknown> {
  return (lookupRequests(value)[0] as { request: CloudRequest }).request.body;
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
const CloudNumber = z.union([z.number(), z.string().regex(/^\d+(?:\.\d+)?$/).transform(Number)]);
const CloudFlag = z.union([z.boolean(), z.number(), z.string()]).transform((value) => value === true || value === 1 || value === '1' || value === 'true');

/** A gift as listed inside a client (`gifts[] {name, price, can_use}`); ASSUMPTION: its id, when sent, is `id_gift` or `id`. */
const ListedGift = z.looseObject({
  id_gift: CloudId.optional(),
  id: CloudId.optional(),
  name: z.string(),
  price: CloudMoney.optional(),
  points: CloudMoney.optional(),
  can_use: CloudFlag.optional(),
});

/**
 * A client, as any dialect sends it. ASSUMPTIONS: the id is `id_client` (or `id`), the name `name`
 * (or `fio`), the balance `balance` (or `bonus`); `k_bonus` is the cashback in percent;
 * `maxPayBonusK` the largest share of an order payable with bonuses, a fraction (0.3) or, above 1,
 * a percent (30).
 */
const CloudClient = z.looseObject({
  id_client: CloudId.optional(),
  id: CloudId.optional(),
  name: z.string().optional(),
  fio: z.string().optional(),
  balance: CloudMoney.optional(),
  bonus: CloudMoney.optional(),
  k_bonus: CloudNumber.optional(),
  maxPayBonusK: CloudNumber.optional(),
  gifts: z.array(ListedGift).optional(),
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

/** The answers' dialects: `result: "ok"|"error"`; `success` + `data`; a bare client; a list of clients. */
export type CloudDialect = 'result' | 'success' | 'bare' | 'list';

/** An answer in any dialect: whether the cloud said ok, its message, and what it carried. */
export interface CloudAnswer {
  result: 'ok' | 'error';
  message?: string;
  dialect: CloudDialect;
  /** What the answer carries: the object holding `client`/`gift`, a client, or a list of clients. */
  data: unknown;
}

export interface CloudGuest {
  id: string;
  fullName: string;
  /** Kopecks, as the cloud reports them. */
  balance: number;
  /** The guest's own rules from the cloud (basis points), when it sent them. */
  rules?: Partial<LoyaltyRules>;
  /** Gifts listed inside the client. */
  gifts: { id: string | null; name: string; points: number | null; canUse: boolean }[];
}

export interface CloudVoucher {
  id: string;
  guestId: string;
  name: string;
  productCode: string;
  points: number;
  used: boolean;
}

export type CloudLookup =
  | { kind: 'unknown' }
  | { kind: 'found'; guest: CloudGuest; voucher: CloudVoucher | null }
  /** The answer came but a field could not be read: `field` names it as the cloud sent it. */
  | { kind: 'unreadable'; field: string; problem: string };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const looksLikeClient = (value: Record<string, unknown>) => 'id_client' in value || ('id' in value && ['name', 'fio', 'balance', 'bonus'].some((field) => field in value));
const textOf = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

/**
 * ASSUMPTION: the cloud's own words in an answer are its `message`, `error` or `msg` (the first
 * there), in any answer — also one of an HTTP error or of no shape the till reads. Null: none.
 */
export function cloudWordsIn(json: unknown): string | null {
  if (!isObject(json)) return null;
  return textOf(json.message) ?? textOf(json.error) ?? textOf(json.msg) ?? null;
}

/** The JSON the cloud answered, in any dialect; null when it is not an answer of this API at all. */
export function readAnswer(json: unknown): CloudAnswer | null {
  if (Array.isArray(json)) return { result: 'ok', dialect: 'list', data: json };
  if (!isObject(json)) return null;
  const message = cloudWordsIn(json);
  const said = (ok: boolean, dialect: CloudDialect, data: unknown): CloudAnswer => ({ result: ok ? 'ok' : 'error', dialect, data, ...(message ? { message } : {}) });
  if (typeof json.result === 'string') return said(/^(ok|success|true)$/i.test(json.result), 'result', json);
  if (typeof json.success === 'boolean' || json.success === 1 || json.success === 0) return said(json.success === true || json.success === 1, 'success', json.data ?? json);
  if (looksLikeClient(json)) return said(true, 'bare', json);
  // ASSUMPTION: a bare dialect's refusal is an object of nothing but an error and its code.
  if (message && Object.keys(json).every((field) => ['error', 'message', 'msg', 'code'].includes(field))) return said(false, 'bare', json);
  return null;
}

/**
 * The cloud's "not found", in Russian or English. Built from a string, not written as a regex
 * literal: esbuild escapes non-ASCII characters in strings but not in regex literals, and one
 * Cyrillic letter in the hosts' bundles makes V8 hold their whole source (1.2 MB) as two-byte text
 * (house-rules.test.ts keeps the bundles ASCII).
 */
const NOT_FOUND = new RegExp('не найден|not found', 'i');

/**
 * ASSUMPTION: an unknown code is an `ok` answer without a client (an empty list included) or an
 * `error` whose message says "not found"; any other error is the cloud failing, not the guest being unknown.
 */
export function isUnknownGuest(answer: CloudAnswer): boolean {
  if (answer.result === 'error') return NOT_FOUND.test(answer.message ?? '');
  return locate(answer).client === undefined;
}

/** Where the client (and a gift) sit in an answer, and the path to name in an error. */
function locate(answer: CloudAnswer): { client?: unknown; clientPath: string; gift?: unknown } {
  const { data } = answer;
  const prefix = answer.dialect === 'success' ? 'data.' : '';
  if (Array.isArray(data)) return data.length ? { client: data[0], clientPath: `${prefix}[0]` } : { clientPath: '' };
  if (!isObject(data)) return { clientPath: '' };
  if (data.client != null) return { client: data.client, clientPath: `${prefix}client`, gift: data.gift ?? undefined };
  if (Array.isArray(data.clients) && data.clients.length) return { client: data.clients[0], clientPath: `${prefix}clients[0]`, gift: data.gift ?? undefined };
  if (looksLikeClient(data)) return { client: data, clientPath: prefix.replace(/\.$/, '') || '(the answer)', gift: data.gift ?? undefined };
  return { clientPath: '' };
}

/** What a lookup answer says, read into one model whatever the dialect. */
export function readLookup(answer: CloudAnswer): CloudLookup {
  if (isUnknownGuest(answer)) return { kind: 'unknown' };
  if (answer.result === 'error') return { kind: 'unreadable', field: 'result', problem: `the cloud said: ${answer.message ?? 'error'}` };
  const { client: raw, clientPath, gift: rawGift } = locate(answer);
  const parsed = CloudClient.safeParse(raw);
  if (!parsed.success) return unreadable(clientPath, parsed.error);
  const client = parsed.data;
  const id = client.id_client ?? client.id;
  const fullName = client.name ?? client.fio;
  const balance = client.balance ?? client.bonus;
  if (id === undefined) return { kind: 'unreadable', field: `${clientPath}.id_client`, problem: 'missing' };
  if (fullName === undefined) return { kind: 'unreadable', field: `${clientPath}.name`, problem: 'missing' };
  if (balance === undefined) return { kind: 'unreadable', field: `${clientPath}.balance`, problem: 'missing' };
  const rules: Partial<LoyaltyRules> = {};
  const cashbackBp = client.k_bonus === undefined ? null : shareInRange(client.k_bonus / 100);
  if (cashbackBp !== null) rules.cashbackBp = cashbackBp;
  const maxBonusShareBp = client.maxPayBonusK === undefined ? null : shareInRange(client.maxPayBonusK > 1 ? client.maxPayBonusK / 100 : client.maxPayBonusK);
  if (maxBonusShareBp !== null) rules.maxBonusShareBp = maxBonusShareBp;
  const gifts = (client.gifts ?? []).map((gift) => ({ id: gift.id_gift ?? gift.id ?? null, name: gift.name, points: gift.price ?? gift.points ?? null, canUse: gift.can_use ?? true }));
  const guest: CloudGuest = { id, fullName, balance, gifts, ...(Object.keys(rules).length ? { rules } : {}) };
  if (rawGift === undefined) return { kind: 'found', guest, voucher: null };
  const gift = CloudGift.safeParse(rawGift);
  if (!gift.success) return unreadable(clientPath.replace(/client$/, 'gift'), gift.error);
  const { id_gift, name, product_code, points, used } = gift.data;
  return { kind: 'found', guest, voucher: { id: id_gift, guestId: id, name, productCode: product_code, points, used: used === true } };
}

/**
 * A guest's own rate in basis points, or null when it is not a share of 0–100 %: a negative
 * cashback would take points the till never books, a share above the order would hold more bonuses
 * than the bill. ASSUMPTION: such a rule is not the guest's; the till's own rule applies instead.
 */
function shareInRange(fraction: number): number | null {
  const basisPoints = basisPointsFromFraction(fraction);
  return Number.isSafeInteger(basisPoints) && basisPoints >= 0 && basisPoints <= 10_000 ? basisPoints : null;
}

function unreadable(path: string, error: z.ZodError): CloudLookup {
  const issue = error.issues[0];
  const field = [path, ...(issue?.path ?? []).map(String)].filter((part) => part !== '' && part !== '(the answer)').join('.');
  return { kind: 'unreadable', field: field || '(the answer)', problem: issue?.message ?? 'unreadable' };
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

/** ASSUMPTION: operations (bonus, gift, refund) go to the bare validator address. */
export function operationRequest(body: Record<string, unknown>): CloudRequest {
  return { path: '', body };
}

/** A call's name in the journal: its type, or what a lookup searched by. */
export function callName(body: Record<string, unknown>): string {
  if (typeof body.type === 'string') return body.type;
  return `lookup:${Object.keys(body).filter((field) => field !== API_KEY_FIELD).join(',')}`;
}

/**
 * Public client code sends numeric ids as numbers; the till keeps every id as text. Only an id that
 * reads back the same as a number goes as one: `00123` stays text (as a number it would be 123,
 * another guest or gift).
 */
function idToWire(id: string): string | number {
  return /^(?:0|[1-9]\d{0,14})$/.test(id) ? Number(id) : id;
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
