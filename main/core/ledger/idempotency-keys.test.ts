import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openTillDatabase, type TillDatabase } from './database.js';
import { IdempotencyKeys } from './idempotency-keys.js';

const opened: { db: TillDatabase; dir: string }[] = [];
afterEach(() => {
  for (const { db, dir } of opened.splice(0)) {
    if (db.open) db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

function keysOn(secret = randomBytes(32)): { keys: IdempotencyKeys; db: TillDatabase } {
  const dir = mkdtempSync(path.join(tmpdir(), 'gmb-keys-'));
  const db = openTillDatabase(dir);
  opened.push({ db, dir });
  return { keys: new IdempotencyKeys(db, secret), db };
}

describe('IdempotencyKeys.hashRequest', () => {
  const path = '/orders/3f0e9a52-6d1b-4b8e-9a47-2b8f1c0d9e11/payments';
  const body = { OrderSum: 100, PaymentItems: [{ PaymentType: { Id: 'c', Kind: 'Cash' }, Sum: 100 }], WaiterPin: '1111' };

  it('is the same for the same request whatever the order of its JSON keys', () => {
    const { keys } = keysOn();
    const reordered = { WaiterPin: '1111', PaymentItems: [{ Sum: 100, PaymentType: { Kind: 'Cash', Id: 'c' } }], OrderSum: 100 };
    expect(keys.hashRequest('POST', path, reordered)).toBe(keys.hashRequest('POST', path, body));
  });

  it('differs for another body, another route or another order of items', () => {
    const { keys } = keysOn();
    const hash = keys.hashRequest('POST', path, body);
    expect(keys.hashRequest('POST', path, { ...body, OrderSum: 101 })).not.toBe(hash);
    expect(keys.hashRequest('POST', path, { ...body, WaiterPin: '1112' })).not.toBe(hash);
    expect(keys.hashRequest('POST', path.replace('payments', 'refund'), body)).not.toBe(hash);
    const twoItems = { ...body, PaymentItems: [{ Sum: 1 }, { Sum: 2 }] };
    expect(keys.hashRequest('POST', path, { ...body, PaymentItems: [{ Sum: 2 }, { Sum: 1 }] })).not.toBe(keys.hashRequest('POST', path, twoItems));
  });

  it('is keyed: another till key gives another hash for the same request', () => {
    const secret = randomBytes(32);
    expect(keysOn(secret).keys.hashRequest('POST', path, body)).toBe(keysOn(secret).keys.hashRequest('POST', path, body));
    expect(keysOn().keys.hashRequest('POST', path, body)).not.toBe(keysOn().keys.hashRequest('POST', path, body));
  });

  it('matches a stored answer only for the same request', () => {
    const { keys } = keysOn();
    const stored = { requestHash: keys.hashRequest('POST', path, body), statusCode: 200, body: '{}' };
    expect(keys.matches(stored, 'POST', path, body)).toBe(true);
    expect(keys.matches(stored, 'POST', path, { ...body, WaiterPin: '2222' })).toBe(false);
  });
});
