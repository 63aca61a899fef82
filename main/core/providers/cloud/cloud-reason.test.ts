import { describe, expect, it } from 'vitest';
import { cloudReason } from '../../../../shared/i18n/cloud-messages.js';
import { silentLogger } from '../../logger.js';
import { CloudUnreachableError, GetMeBackClient } from './cloud-client.js';
import { CloudConnection } from './cloud-connection.js';
import { readStoredReason, storedReason } from './cloud-reason.js';
import type { CloudSettings } from '../../../../shared/settings/schema.js';
import type { z } from 'zod';

describe('the cloud’s last answer as the outbox keeps it', () => {
  it('reads back the reason and the technical text it was stored with', () => {
    const reason = cloudReason('http', { status: 409, message: 'Чек уже проведён' });
    const text = 'GetMeBack: HTTP 409 from http://127.0.0.1:1/rest/base/v33/validator/';
    expect(readStoredReason(storedReason(reason, text))).toEqual({ reason, text });
  });

  it('reads an older till’s texts into reasons, and keeps any other text as it is', () => {
    const older: [string, ReturnType<typeof cloudReason>][] = [
      ['the cloud refused operation 8cfa5c76-3b1e-4c2a-9d0f-1a2b3c4d5e6f: Чек отклонён', cloudReason('refused', { message: 'Чек отклонён' })],
      ['the cloud refused operation: Клиент заблокирован', cloudReason('refused', { message: 'Клиент заблокирован' })],
      // A gift's key has colons of its own.
      ['the cloud refused operation 8cfa5c76:gift:v-1: Подарок уже использован', cloudReason('refused', { message: 'Подарок уже использован' })],
      ['the cloud refused operation 8cfa5c76: no reason given', cloudReason('refused')],
      ['GetMeBack: connection refused', cloudReason('unreachable')],
      ['GetMeBack: HTTP 409 from http://127.0.0.1:5000/rest/base/v33/validator/', cloudReason('http', { status: 409 })],
      ['GetMeBack: no answer within 10000 ms', cloudReason('timeout', { waitedMs: 10_000 })],
      ['GetMeBack: the answer is not JSON', cloudReason('unreadable')],
      ['GetMeBack: the cloud is not configured (account address and API key are needed)', cloudReason('notConfigured')],
      ['GetMeBack: socket hang up (ECONNRESET)', cloudReason('other', { message: 'GetMeBack: socket hang up (ECONNRESET)' })],
      ['{"not":"ours"}', cloudReason('other', { message: '{"not":"ours"}' })],
    ];
    for (const [text, reason] of older) expect(readStoredReason(text), text).toEqual({ reason, text });
  });

  it('is given by the client for a cloud that is not set up', async () => {
    const cloud = { accountUrl: '', apiKey: '', apiVersion: 'v33' } as z.infer<typeof CloudSettings>;
    const client = new GetMeBackClient(() => cloud, new CloudConnection(() => undefined), silentLogger());
    const failed = await client.ask({ path: '', body: { type: 'bonus' } }, { deadline: performance.now() + 1_000, repeatable: false, retryDelayMs: 0 }).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(CloudUnreachableError);
    expect((failed as CloudUnreachableError).reason).toEqual(cloudReason('notConfigured'));
    expect((failed as CloudUnreachableError).message).toMatch(/^GetMeBack: the cloud is not configured/);
  });
});
