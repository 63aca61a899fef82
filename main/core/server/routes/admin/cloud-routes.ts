import Router from '@koa/router';
import { z } from 'zod';
import { ConnectionCheckRequest, SettleRequest, type OutboxLine, type OutboxResponse } from '../../../../../shared/admin/cloud.js';
import type { Language } from '../../../../../shared/i18n/language.js';
import { ACCOUNT_URL_MESSAGES, checkAccountUrl, isThisMachineUrl } from '../../../../../shared/settings/cloud-account-url.js';
import { adminMessage } from '../../../../../shared/i18n/admin-messages.js';
import { isLoopback } from '../../middleware/network-guard.js';
import { cloudJournal, recordCloudCall } from '../../../ledger/cloud-journal.js';
import { isMaskedSecret } from '../../../settings/secret-mask.js';
import { outboxLine, outboxLines, settleOperation, unparkOperation, type OutboxLine as StoredLine } from '../../../ledger/outbox-desk.js';
import type { Logger } from '../../../logger.js';
import type { LoyaltyContext } from '../../../loyalty/context.js';
import { CloudProvider } from '../../../providers/cloud/cloud-provider.js';
import { readStoredReason } from '../../../providers/cloud/cloud-reason.js';
import { checkConnection } from '../../../providers/cloud/connection-check.js';
import type { LoyaltyProvider } from '../../../providers/loyalty-provider.js';
import { AdminRefusal } from '../../http-errors.js';
import { readJsonBody } from '../../middleware/json-body.js';
import { validateForManager } from '../../validate.js';
import { ADMIN_ROUTER } from './admin-router.js';

const TEXTS = {
  ru: {
    unknownOperation: 'Такой операции в очереди GetMeBack нет.',
    notParked: 'Операция не отложена: её нельзя отправить повторно вручную.',
    notSettleable: 'Закрыть вручную можно только отложенную операцию или возврат для сверки.',
    keyForNewAddress: 'Для нового адреса введите API-ключ ещё раз: сохранённый ключ отправляется только на сохранённый адрес.',
  },
  en: {
    unknownOperation: 'There is no such operation in the GetMeBack outbox.',
    notParked: 'The operation is not parked: it cannot be retried by hand.',
    notSettleable: 'Only a parked operation or a refund to reconcile can be settled by hand.',
    keyForNewAddress: 'Type the API key again for a new address: the saved key is sent only to the saved address.',
  },
} satisfies Record<Language, Record<string, string>>;
type TextKey = keyof (typeof TEXTS)['ru'];

const OperationId = z.string().regex(/^[1-9]\d{0,14}$/).transform(Number);
const JournalQuery = z.object({
  text: z.string().max(200).optional(),
  limit: z.string().regex(/^[1-9]\d{0,3}$/).transform(Number).optional(),
  format: z.enum(['json', 'download']).optional(),
});

/** An operation as the screen reads it: the cloud's last answer as a reason (said in the manager's language) beside its technical text. */
function shown(line: StoredLine): OutboxLine {
  const last = line.lastError === null ? null : readStoredReason(line.lastError);
  return { ...line, lastError: last?.text ?? null, reason: last?.reason ?? null };
}

export interface CloudRoutesDeps {
  loyalty: LoyaltyContext;
  provider: LoyaltyProvider;
  logger: Logger;
}

/**
 * The GetMeBack cloud's admin API: the outbox (pending, parked, refunds to reconcile; retry now,
 * settle by hand), the journal of calls and the connection check. Admin access is enforced in front.
 */
export function cloudRoutes({ loyalty, provider, logger }: CloudRoutesDeps): Router {
  const router = new Router(ADMIN_ROUTER);
  const db = loyalty.db;
  const language = () => loyalty.settings().language;
  const outboxChanged = () => {
    if (provider instanceof CloudProvider) provider.outboxChanged();
  };
  const refusal = (status: 404 | 409 | 422, key: TextKey) => new AdminRefusal(status, TEXTS[language()][key]);
  const parse = <S extends z.ZodType>(schema: S, input: unknown, root = 'body'): z.output<S> => validateForManager(schema, input, { language: language() }, root);
  const current = (id: number) => {
    const line = outboxLine(db, id);
    return line && shown(line);
  };
  const operation = (id: unknown) => {
    const line = outboxLine(db, parse(OperationId, id, 'id'));
    if (!line) throw refusal(404, 'unknownOperation');
    return line;
  };

  router.get('/api/cloud/outbox', (ctx) => {
    const listing = outboxLines(db);
    ctx.body = {
      operations: listing.lines.map(shown),
      openTotal: listing.openTotal,
      uncertainGuests: listing.uncertainGuests,
      refunds: loyalty.settings().cloud.refunds,
    } satisfies OutboxResponse;
  });

  router.post('/api/cloud/outbox/:id/retry', (ctx) => {
    const line = operation(ctx.params.id);
    if (!unparkOperation(db, line.id)) throw refusal(409, 'notParked');
    outboxChanged();
    ctx.body = { operation: current(line.id) };
  });

  router.post('/api/cloud/outbox/:id/settle', async (ctx) => {
    const body = parse(SettleRequest, await readJsonBody(ctx));
    const line = operation(ctx.params.id);
    const at = loyalty.clock.now().toISOString();
    const settled = settleOperation(db, line.id, { at, by: body.by, note: body.note, outcome: body.outcome });
    if (!settled) throw refusal(409, 'notSettleable');
    logger.info({ invoiceNum: line.invoiceNum, outcome: body.outcome, by: body.by, refundsDropped: settled.refundsDropped }, 'GetMeBack operation settled by hand');
    outboxChanged();
    ctx.body = { operation: current(line.id) };
  });

  router.get('/api/cloud/journal', (ctx) => {
    const query = parse(JournalQuery, ctx.query, 'query');
    const calls = cloudJournal(db, { text: query.text ?? '', limit: query.format === 'download' ? 100_000 : (query.limit ?? 200) });
    if (query.format === 'download') {
      const stamp = loyalty.clock.now().toISOString().replace(/[:.]/g, '-');
      ctx.set('Content-Disposition', `attachment; filename="getmeback-journal-${stamp}.json"`);
    }
    ctx.body = { calls };
  });

  router.post('/api/cloud/check', async (ctx) => {
    const body = parse(ConnectionCheckRequest, await readJsonBody(ctx));
    const saved = loyalty.settings().cloud;
    // The address obeys the rules of a saved one: https on getmeback.ru unless «Любой адрес» is on.
    if (!isLoopback(ctx.socket.remoteAddress) && body.accountUrl !== saved.accountUrl && isThisMachineUrl(body.accountUrl)) {
      const message = adminMessage(language(), 'thisMachineOnlyAtTill', ctx.state.requestId as string);
      throw new AdminRefusal(403, message, [{ Field: 'accountUrl', Message: adminMessage(language(), 'onlyAtTillField', ctx.state.requestId as string) }]);
    }
    const verdict = checkAccountUrl(body.accountUrl, { anyHost: saved.anyHost });
    if (verdict !== 'ok') {
      const message = ACCOUNT_URL_MESSAGES[language()][verdict];
      throw new AdminRefusal(400, message, [{ Field: 'accountUrl', Message: message }]);
    }
    // The settings screen shows the key masked: a masked or empty key means the saved one, which goes
    // only to the saved address (as when the address is saved, settings-service.ts): whoever may
    // change the address must not be able to have the stored key sent to a listener of their own.
    const typedKey = body.apiKey !== undefined && body.apiKey !== '' && !isMaskedSecret(body.apiKey);
    if (!typedKey && body.accountUrl !== saved.accountUrl) throw refusal(422, 'keyForNewAddress');
    const apiKey = typedKey ? (body.apiKey as string) : saved.apiKey;
    const cloud = { ...saved, accountUrl: body.accountUrl, apiKey, apiVersion: body.apiVersion ?? saved.apiVersion };
    ctx.body = await checkConnection(cloud, body.value, { log: logger, journal: (record) => recordCloudCall(db, record) });
  });

  return router;
}
