import type { ConnectionCheckAnswer } from '../../../../shared/admin/cloud.js';
import type { CloudSettings } from '../../../../shared/settings/schema.js';
import type { z } from 'zod';
import type { CloudCallRecord } from '../../ledger/cloud-journal.js';
import type { Logger } from '../../logger.js';
import { GetMeBackClient } from './cloud-client.js';
import { CloudConnection } from './cloud-connection.js';
import { lookupRequests, phoneFormRequest, readLookup } from './getmeback-api.js';

/** The most the check waits for each call. */
const CHECK_CALL_MS = 8_000;

/**
 * «Проверить подключение»: looks a test phone or QR up with the account given (not necessarily the
 * saved one), in every form a phone may take, and tells what was sent and answered side by side
 * (the key masked) and what the till understood — or exactly which field it could not read.
 */
export async function checkConnection(
  cloud: z.infer<typeof CloudSettings>,
  value: string,
  deps: { log: Logger; journal: (record: CloudCallRecord) => void },
): Promise<ConnectionCheckAnswer> {
  const exchanges: ConnectionCheckAnswer['exchanges'] = [];
  const client = new GetMeBackClient(
    () => cloud,
    new CloudConnection(() => undefined),
    deps.log,
    (record) => {
      exchanges.push({ url: record.url, sent: record.request, status: record.status, answered: record.answer, error: record.error, dialect: null });
      deps.journal(record);
    },
  );
  const nothing = { understood: null, field: null, problem: null };
  for (const { form, request } of lookupRequests(value)) {
    let found;
    try {
      const answer = await client.ask(request, { deadline: performance.now() + CHECK_CALL_MS, repeatable: false, retryDelayMs: 0 });
      const last = exchanges.at(-1);
      if (last) last.dialect = answer.dialect;
      found = readLookup(answer);
    } catch (error) {
      return { outcome: 'failed', exchanges, ...nothing, problem: error instanceof Error ? error.message : String(error) };
    }
    if (found.kind === 'unknown') continue;
    if (found.kind === 'unreadable') return { outcome: 'unreadable', exchanges, understood: null, field: found.field, problem: found.problem };
    const { guest } = found;
    return {
      outcome: 'found',
      exchanges,
      understood: { id: guest.id, name: guest.fullName, balance: guest.balance, rules: guest.rules ?? {}, gifts: guest.gifts, phoneForm: form, phoneRequest: form === null ? null : phoneFormRequest(form) },
      field: null,
      problem: null,
    };
  }
  return { outcome: 'unknown', exchanges, ...nothing };
}
