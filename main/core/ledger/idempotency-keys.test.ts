import { createHash, createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openTillDatabase, type TillDatabase } from './database.js';
import { HASHES_KEYED, IdempotencyKeys } from './idempotency-keys.js';

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

  it('stays the hash answers were stored under: keyed requests stored before still replay', () => {
    // Written out with the byte keys the till used when it stored them (its key is now a key object).
    const secret = Buffer.alloc(32, 7);
    const hashKey = createHmac('sha256', secret).update('idempotency request hash').digest();
    const request = createHash('sha256').update(`POST ${path}\n{"OrderSum":100,"PaymentItems":[{"PaymentType":{"Id":"c","Kind":"Cash"},"Sum":100}],"WaiterPin":"1111"}`).digest('hex');
    const keyed = createHmac('sha256', hashKey).update(request).digest('hex');
    const { keys } = keysOn(secret);
    // Written now under `k3:` (the request as the till acts on it); one stored as `k2:` (the body as sent) still matches.
    expect(keys.hashRequest('POST', path, body)).toBe(`k3:${keyed}`);
    expect(keys.matches({ requestHash: `k2:${keyed}`, statusCode: 200, body: '{}' }, 'POST', path, body)).toBe(true);
  });

  it('matches a stored answer only for the same request', () => {
    const { keys } = keysOn();
    const stored = { requestHash: keys.hashRequest('POST', path, body), statusCode: 200, body: '{}' };
    expect(keys.matches(stored, 'POST', path, body)).toBe(true);
    expect(keys.matches(stored, 'POST', path, { ...body, WaiterPin: '2222' })).toBe(false);
  });
});

describe('older unkeyed request hashes', () => {
  const older = (db: TillDatabase, key: string, hash: string) =>
    db.prepare("INSERT INTO idempotency_keys (key, request_hash, status_code, response_body, created_at) VALUES (?, ?, 200, '{}', '2026-01-01T00:00:00.000Z')").run(key, hash);
  const hashOf = (db: TillDatabase, key: string) => (db.prepare('SELECT request_hash FROM idempotency_keys WHERE key = ?').get(key) as { request_hash: string }).request_hash;

  it('are keyed in place at the first start of a file without the note, which then notes it; later starts read the note, not the table', () => {
    const secret = randomBytes(32);
    const { db } = keysOn(secret);
    // A file of an older version: an unkeyed hash, and no note (the start above noted an empty table).
    db.prepare('DELETE FROM meta WHERE key = ?').run(HASHES_KEYED);
    older(db, 'k-old', 'a'.repeat(64));
    new IdempotencyKeys(db, secret);
    expect(hashOf(db, 'k-old')).toMatch(/^k1:[0-9a-f]{64}$/);
    expect(db.prepare('SELECT value FROM meta WHERE key = ?').get(HASHES_KEYED)).toEqual({ value: 'yes' });
    // With the note there the table is not scanned again (no version that opens this file writes such
    // a hash): one planted now is left as it is by the next start.
    older(db, 'k-planted', 'b'.repeat(64));
    new IdempotencyKeys(db, secret);
    expect(hashOf(db, 'k-planted')).toBe('b'.repeat(64));
  });
});
