import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CheckInRequest } from '../../../../shared/wire/checkin.js';
import { AddGiftRequest } from '../../../../shared/wire/gifts.js';
import { PaymentRequest, RefundRequest } from '../../../../shared/wire/payment.js';
import { PrecheckRequest } from '../../../../shared/wire/precheck.js';
import { startTestTill } from '../../testing/test-till.js';
import { buildOpenApiDocument } from './openapi.js';
import { servedRoutes } from '../../testing/waiter-routes.js';

interface Operation {
  requestBody?: { content: { 'application/json': { schema: unknown } } };
  parameters?: { name: string; in: string }[];
  responses: Record<string, unknown>;
}
type Document = { openapi: string; servers: { url: string }[]; paths: Record<string, Record<string, Operation>> };

const document = buildOpenApiDocument('/GetMeBack', '0.0.0-test') as Document;

const documentedRoutes = () =>
  Object.entries(document.paths)
    .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method} ${path}`))
    .sort();

/** The zod schema each route validates its body with (waiter-api.ts). */
const REQUEST_SCHEMAS: Record<string, z.ZodType> = {
  'post /orders/{orderId}/checkin': CheckInRequest,
  'post /orders/{orderId}/gifts': AddGiftRequest,
  'post /orders/{orderId}/precheck': PrecheckRequest,
  'post /orders/{orderId}/payments': PaymentRequest,
  'post /orders/{orderId}/refund': RefundRequest,
};

describe('the OpenAPI document of the waiter API', () => {
  it('is OpenAPI 3.1, served under the configured path', async () => {
    const till = await startTestTill({ settings: { server: { host: '127.0.0.1', port: 0, path: '/Loyalty', allowedRanges: [] } } });
    try {
      const answer = await till.http<Document>('GET', '/Loyalty/openapi.json');
      expect(answer.status).toBe(200);
      expect(answer.body.openapi).toMatch(/^3\.1\.\d+$/);
      expect(answer.body.servers).toEqual([{ url: '/Loyalty' }]);
    } finally {
      await till.close();
    }
  });

  it('documents exactly the routes the waiter router serves', () => {
    expect(servedRoutes().length).toBeGreaterThanOrEqual(10);
    expect(documentedRoutes()).toEqual(servedRoutes());
  });

  it('gives each request body the JSON Schema of the zod schema the route validates with', () => {
    const withBody = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([, operation]) => operation.requestBody)
        .map(([method]) => `${method} ${path}`),
    );
    expect(withBody.sort()).toEqual(Object.keys(REQUEST_SCHEMAS).sort());
    for (const [route, schema] of Object.entries(REQUEST_SCHEMAS)) {
      const [method, path] = route.split(' ') as [string, string];
      const documented = document.paths[path]?.[method]?.requestBody?.content['application/json'].schema;
      expect(documented, route).toEqual(z.toJSONSchema(schema, { io: 'input' }));
    }
  });

  it('names the Idempotency-Key header on payments and refunds, and the order id everywhere', () => {
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const names = (operation.parameters ?? []).map((parameter) => parameter.name);
        if (path.includes('{orderId}')) expect(names, `${method} ${path}`).toContain('orderId');
        const money = path.endsWith('/payments') || path.endsWith('/refund');
        expect(names.includes('Idempotency-Key'), `${method} ${path}`).toBe(money);
      }
    }
  });
});
