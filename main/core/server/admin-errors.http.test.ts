import { describe, expect, it, vi } from 'vitest';
import { AdminProblem } from '../../../shared/admin/problem.js';
import { adminMessage } from '../../../shared/i18n/admin-messages.js';
import type { HttpAnswer } from '../testing/test-till.js';
import { useTill, type Refused } from '../testing/waiter-steps.js';

const t = useTill('test');

/** The admin API's one error body and nothing else, its RequestId the request's own. */
function problemOf(answer: HttpAnswer): AdminProblem {
  const problem = AdminProblem.strict().parse(answer.body);
  expect(problem.RequestId).toBe(answer.headers.get('x-request-id'));
  return problem;
}

const said = (answer: HttpAnswer, key: Parameters<typeof adminMessage>[1]) => adminMessage('ru', key, String(answer.headers.get('x-request-id')));
const json = { 'content-type': 'application/json' };

describe('every admin route family refuses with one body: Message, Errors, RequestId', () => {
  it.each([
    ['events', 'GET', '/api/events?limit=0', undefined, ['limit']],
    ['settings', 'PUT', '/api/settings', { language: 'de' }, ['language']],
    ['setup', 'POST', '/api/setup/allowed-callers', { address: 'кухня' }, ['address']],
    ['session', 'POST', '/api/session', { password: '' }, ['password']],
    ['waiter cash', 'GET', '/api/waiters/pin:x/history?limit=0', undefined, null],
    ['waiter cash', 'GET', '/api/reports/shift?from=yesterday', undefined, ['from']],
    ['cloud', 'GET', '/api/cloud/journal?limit=0', undefined, ['limit']],
  ] as const)('%s: %s %s → 4xx', async (_family, method, route, body, fields) => {
    const answer = await t.till.http(method, route, body);
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    const problem = problemOf(answer);
    if (fields) expect(problem.Errors?.map((error) => error.Field)).toEqual(fields);
    expect(problem.Message).not.toMatch(/iikoWaiter/);
  });

  it('a wrong field names it in Errors and says «check the highlighted fields» to people', async () => {
    const answer = await t.till.http('GET', '/api/events?limit=0');
    expect(problemOf(answer).Message).toBe(said(answer, 'checkHighlighted'));
  });

  it('an unreadable body, an unknown address and a non-JSON change are the dashboard’s, not iikoWaiter’s', async () => {
    const badJson = await t.till.http('POST', '/api/cloud/check', '{"accountUrl":', json);
    expect(badJson.status).toBe(400);
    expect(problemOf(badJson)).toMatchObject({ Message: said(badJson, 'unreadable'), Errors: [{ Field: 'body' }] });

    const nowhere = await t.till.http('GET', '/api/orders/nothing');
    expect(nowhere.status).toBe(404);
    expect(problemOf(nowhere).Message).toBe(said(nowhere, 'noSuchApi'));

    const form = await t.till.http('PUT', '/api/settings', 'language=en', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(403);
    expect(problemOf(form).Message).toBe(said(form, 'forbidden'));
  });

  it('a refusal of the rules carries the route’s own sentence (an unknown waiter, an unknown operation)', async () => {
    const waiter = await t.till.http('POST', '/api/waiters/pin:nobody/hand-ins', { amount: 100 });
    expect(waiter.status).toBe(404);
    expect(problemOf(waiter).Message).toBe('Такого официанта GetMeBack Till не знает.');
    const operation = await t.till.http('POST', '/api/cloud/outbox/999/retry', {});
    expect(operation.status).toBe(404);
    expect(problemOf(operation).Message).toBe('Такой операции в очереди GetMeBack нет.');
  });

  it('an unexpected failure of an admin route is a 500 in the same shape, with the code to quote', async () => {
    const history = vi.spyOn(t.till.core.events, 'history').mockImplementation(() => {
      throw new Error('disk gone');
    });
    try {
      const answer = await t.till.http('GET', '/api/events');
      expect(answer.status).toBe(500);
      expect(problemOf(answer).Message).toBe(said(answer, 'internal'));
      expect(answer.text).not.toMatch(/disk gone/);
    } finally {
      history.mockRestore();
    }
  });

  it('the waiter API keeps its own shape, WaiterMessage', async () => {
    const refused = await t.till.waiter<Refused>('POST', '/orders/42/checkin', { Value: 'GMB-G-1001' });
    expect(refused.status).toBe(400);
    expect(refused.body.WaiterMessage).toMatch(/не понял запрос iikoWaiter/);
    expect(refused.body).not.toHaveProperty('Message');
    const lost = await t.till.http<Refused>('POST', '/orders/42/checkin', { Value: 'GMB-G-1001' });
    expect(lost.status).toBe(404);
    expect(lost.body.WaiterMessage).toMatch(/Server Address/);
  });
});
