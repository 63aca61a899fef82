import { z } from 'zod';
import { CheckInRequest } from '../../../../shared/wire/checkin.js';
import { AddGiftRequest, AddGiftResponse } from '../../../../shared/wire/gifts.js';
import { HealthResponse } from '../../../../shared/wire/health.js';
import { OrderView } from '../../../../shared/wire/order-view.js';
import { PaymentRequest, PaymentResponse, RefundRequest, RefundResponse } from '../../../../shared/wire/payment.js';
import { PrecheckRequest, PrecheckResponse } from '../../../../shared/wire/precheck.js';
import { WaiterMessageBody } from '../../../../shared/wire/primitives.js';

type Schema = z.ZodType;

const json = (schema: Schema, io: 'input' | 'output') => ({
  'application/json': { schema: z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) },
});

const orderIdParam = { name: 'orderId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' }, description: 'iiko order id' };
const keyHeader = {
  name: 'Idempotency-Key',
  in: 'header',
  required: true,
  schema: { type: 'string', pattern: '^[\\x21-\\x7e]{1,255}$' },
  description: 'Same key + same body replays the first answer; another body → 422; still running → 409',
};

function operation(summary: string, request: Schema | null, ok: { status: string; schema: Schema | null }, extra: object[] = []) {
  return {
    summary,
    parameters: [orderIdParam, ...extra],
    ...(request ? { requestBody: { required: true, content: json(request, 'input') } } : {}),
    responses: {
      [ok.status]: { description: 'Done', ...(ok.schema ? { content: json(ok.schema, 'output') } : {}) },
      ...(ok.status === '200' ? {} : { '200': { description: 'Refused: a message for the waiter; nothing changed', content: json(WaiterMessageBody, 'output') } }),
      '400': { description: 'Malformed request: the fields are named in Errors', content: json(WaiterMessageBody, 'output') },
      '413': { description: 'Body too large', content: json(WaiterMessageBody, 'output') },
    },
  };
}

/**
 * Each operation's section of docs/protocol.md, and whether iikoWaiter's vendor documents the call
 * (only the check-in and its unbind) or it is this till's extension.
 */
export const PROTOCOL_SECTIONS: Record<string, { section: string; vendor: boolean }> = {
  'post /orders/{orderId}/checkin': { section: 'check-in', vendor: true },
  'delete /orders/{orderId}/checkin': { section: 'check-out', vendor: true },
  'get /orders/{orderId}': { section: 'order-view', vendor: false },
  'post /orders/{orderId}/gifts': { section: 'add-a-gift', vendor: false },
  'delete /orders/{orderId}/gifts/{giftId}': { section: 'remove-a-gift', vendor: false },
  'post /orders/{orderId}/precheck': { section: 'pre-check', vendor: false },
  'post /orders/{orderId}/payments': { section: 'payment', vendor: false },
  'post /orders/{orderId}/refund': { section: 'refund', vendor: false },
  'get /health': { section: 'health', vendor: false },
  'get /openapi.json': { section: 'openapi-document', vendor: false },
};

/** The rules document, as a path from the repository's root. */
export const PROTOCOL_DOCUMENT = 'docs/protocol.md';

/** Links every operation of `paths` to its section of docs/protocol.md. */
function linkToProtocol(paths: Record<string, Record<string, object>>): Record<string, Record<string, object>> {
  return Object.fromEntries(
    Object.entries(paths).map(([path, operations]) => [
      path,
      Object.fromEntries(
        Object.entries(operations).map(([method, operation]) => {
          const link = PROTOCOL_SECTIONS[`${method} ${path}`];
          if (!link) throw new Error(`no section of ${PROTOCOL_DOCUMENT} for ${method} ${path}`);
          return [
            method,
            {
              ...operation,
              externalDocs: { description: 'The rules of this call', url: `${PROTOCOL_DOCUMENT}#${link.section}` },
              'x-iikowaiter-vendor': link.vendor,
            },
          ];
        }),
      ),
    ]),
  );
}

/**
 * The OpenAPI 3.1 document of the waiter API, generated from the same zod schemas that validate
 * requests, so the document cannot drift from what the server accepts.
 */
export function buildOpenApiDocument(basePath: string, version: string): object {
  return {
    openapi: '3.1.0',
    info: {
      title: 'GetMeBack Till — External Loyalty API for iikoWaiter',
      version,
      description:
        'Refusals answer 200 with {"WaiterMessage"} and change nothing. Money is decimal roubles with at most 2 decimals. ' +
        `The rules of every call are in ${PROTOCOL_DOCUMENT} of the till's repository: each operation's externalDocs links its section, ` +
        'and x-iikowaiter-vendor says whether iikoWaiter’s vendor documents the call (true) or it is this till’s extension (false).',
    },
    servers: [{ url: basePath }],
    paths: linkToProtocol({
      '/orders/{orderId}/checkin': {
        post: operation('Check in a guest or a gift voucher (QR, phone, card)', CheckInRequest, { status: '204', schema: null }),
        delete: operation('Check the guest out; gifts already added stay', null, { status: '204', schema: null }),
      },
      '/orders/{orderId}': { get: operation('What the waiter sees', null, { status: '200', schema: OrderView }) },
      '/orders/{orderId}/gifts': { post: operation('Add an offered gift (holds its points)', AddGiftRequest, { status: '200', schema: AddGiftResponse }) },
      '/orders/{orderId}/gifts/{giftId}': {
        delete: {
          ...operation('Remove a gift before payment (releases its hold)', null, { status: '204', schema: null }),
          parameters: [orderIdParam, { name: 'giftId', in: 'path', required: true, schema: { type: 'string' } }],
        },
      },
      '/orders/{orderId}/precheck': { post: operation('Pre-check: the bonus maximum, and a reservation', PrecheckRequest, { status: '200', schema: PrecheckResponse }) },
      '/orders/{orderId}/payments': {
        post: operation('Pay the order exactly once', PaymentRequest, { status: '200', schema: PaymentResponse }, [keyHeader]),
      },
      '/orders/{orderId}/refund': {
        post: operation('Refund a paid order exactly once', RefundRequest, { status: '200', schema: RefundResponse }, [keyHeader]),
      },
      '/openapi.json': {
        get: { summary: 'This document', responses: { '200': { description: 'OpenAPI 3.1', content: { 'application/json': { schema: { type: 'object' } } } } } },
      },
      '/health': {
        get: { summary: 'Health', responses: { '200': { description: 'ok', content: json(HealthResponse, 'output') } } },
      },
    }),
  };
}
