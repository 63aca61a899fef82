import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { countStatementReads } from '../testing/statement-reads.js';
import { openTillDatabase, type TillDatabase } from '../ledger/database.js';
import { loadTillKey } from './till-key.js';
import { PIN_MEMO_SIZE, WaiterIdentity } from './waiter-identity.js';

const identityOf = (db: TillDatabase, dir: string): WaiterIdentity => new WaiterIdentity(db, loadTillKey(dir, db));

const opened: { db: TillDatabase; dir: string }[] = [];

function install(dir = mkdtempSync(path.join(tmpdir(), 'gmb-waiters-'))): { db: TillDatabase; dir: string } {
  const till = { db: openTillDatabase(dir), dir };
  opened.push(till);
  return till;
}

afterEach(() => {
  for (const { db, dir } of opened.splice(0)) {
    if (db.open) db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

describe('WaiterIdentity', () => {
  it('gives the same PIN the same id, also after the till restarts', () => {
    const { db, dir } = install();
    const id = identityOf(db, dir).idForPin('1111');
    expect(identityOf(db, dir).idForPin('1111')).toBe(id);
    db.close();
    const reopened = openTillDatabase(dir);
    opened.push({ db: reopened, dir });
    expect(identityOf(reopened, dir).idForPin('1111')).toBe(id);
  });

  it('gives different PINs different ids, and never contains the PIN', () => {
    const { db, dir } = install();
    const waiters = identityOf(db, dir);
    const anna = waiters.idForPin('1111');
    expect(waiters.idForPin('2222')).not.toBe(anna);
    expect(anna).toMatch(/^pin:[0-9a-f]{20}$/);
    expect(anna).not.toContain('1111');
  });

  it('gives the same PIN another id on another install (a per-install key)', () => {
    const [a, b] = [install(), install()];
    expect(identityOf(a.db, a.dir).idForPin('1111')).not.toBe(identityOf(b.db, b.dir).idForPin('1111'));
  });

  it('identifies by PIN first, else by iiko’s employee id, else nobody', () => {
    const { db, dir } = install();
    const waiters = identityOf(db, dir);
    expect(waiters.identify({ pin: '1111', iikoId: 'e-1' })).toBe(waiters.idForPin('1111'));
    expect(waiters.identify({ iikoId: 'e-1' })).toBe('iiko:e-1');
    expect(waiters.identify({})).toBeNull();
    // Identifying writes nothing: only a committed payment records a waiter.
    expect(waiters.nameOf('iiko:e-1')).toBeNull();
    expect(waiters.nameOf(null)).toBeNull();
  });

  it('keeps the first name a waiter was seen with; the manager renames', () => {
    const { db, dir } = install();
    const waiters = identityOf(db, dir);
    const id = waiters.idForPin('1111');
    waiters.remember(id, 'Анна', '2025-01-01T00:00:00.000Z');
    waiters.remember(id, 'Кто-то', '2025-01-02T00:00:00.000Z');
    expect(waiters.nameOf(id)).toBe('Анна');
    expect(waiters.rename(id, 'Анна Петровна')).toBe(true);
    expect(waiters.nameOf(id)).toBe('Анна Петровна');
    expect(waiters.rename(waiters.idForPin('9999'), 'Никто')).toBe(false);
  });

  it('remembers a waiter only with the transaction that commits: one rolled back leaves nothing behind, not even in memory', () => {
    const { db, dir } = install();
    const waiters = identityOf(db, dir);
    const id = waiters.idForPin('2222');
    // A payment refused after the waiter was recorded in its transaction (its savepoint rolled back).
    expect(() =>
      db.transaction(() => {
        waiters.remember(id, 'Олег', '2025-01-01T00:00:00.000Z');
        throw new Error('the payment was refused');
      })(),
    ).toThrow('refused');
    expect(waiters.isKnown(id)).toBe(false);
    // The next payment of the same waiter, committed: the waiter is on the list with the name.
    db.transaction(() => waiters.remember(id, 'Олег', '2025-01-01T00:05:00.000Z'))();
    expect(waiters.isKnown(id)).toBe(true);
    expect(waiters.nameOf(id)).toBe('Олег');
    expect(db.prepare('SELECT COUNT(*) AS n FROM waiters WHERE id = ?').get(id)).toEqual({ n: 1 });
  });

  it('asks the table once per known waiter, not on every check-in; a waiter seen only inside a transaction that rolls back stays unknown', () => {
    const { db, dir } = install();
    const waiters = identityOf(db, dir);
    const anna = waiters.idForPin('1111');
    const oleg = waiters.idForPin('2222');
    // Anna is on the list as the embedded book puts its waiters there: written by another hand.
    identityOf(db, dir).remember(anna, 'Анна', '2025-01-01T00:00:00.000Z');
    const reads = countStatementReads(db);
    try {
      expect(waiters.isKnown(anna)).toBe(true);
      const afterFirst = reads.mock.calls.length;
      expect(afterFirst).toBeGreaterThan(0);
      for (let request = 0; request < 10; request += 1) expect(waiters.isKnown(anna)).toBe(true);
      expect(reads.mock.calls.length).toBe(afterFirst);
      // Unknown waiters are asked every time: one may be recorded by the next payment.
      expect(waiters.isKnown(oleg)).toBe(false);
      expect(waiters.isKnown(oleg)).toBe(false);
      expect(reads.mock.calls.length).toBe(afterFirst + 2);
    } finally {
      reads.mockRestore();
    }
    // Oleg recorded and asked for inside a payment that is then refused: not known afterwards.
    expect(() =>
      db.transaction(() => {
        identityOf(db, dir).remember(oleg, 'Олег', '2025-01-01T00:00:00.000Z');
        expect(waiters.isKnown(oleg)).toBe(true);
        throw new Error('the payment was refused');
      })(),
    ).toThrow('refused');
    expect(waiters.isKnown(oleg)).toBe(false);
  });

  it('hashes a PIN once, not on every request, and keeps at most PIN_MEMO_SIZE of them', () => {
    const { db, dir } = install();
    const waiters = identityOf(db, dir);
    const first = waiters.idForPin('1111');
    // Same ids as without the memo: the memo only skips repeating the HMAC.
    expect(waiters.idForPin('1111')).toBe(first);
    const memo = (waiters as unknown as { idsByPin: Map<string, string> }).idsByPin;
    expect(memo.size).toBe(1);
    for (let pin = 0; pin < PIN_MEMO_SIZE * 2; pin += 1) waiters.idForPin(String(10_000 + pin));
    expect(memo.size).toBeLessThanOrEqual(PIN_MEMO_SIZE);
    expect(waiters.idForPin('1111')).toBe(first);
  });
});
