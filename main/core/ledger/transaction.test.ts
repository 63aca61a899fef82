import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openTillDatabase, type TillDatabase } from './database.js';
import { ensureOrder, findOrder } from './orders.js';
import { atomically, readTogether } from './transaction.js';

const open: { dir: string; db: TillDatabase }[] = [];
const freshDatabase = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'gmb-read-together-'));
  const db = openTillDatabase(dir);
  open.push({ dir, db });
  return db;
};
afterEach(() => {
  for (const { dir, db } of open.splice(0)) {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

const AT = '2026-03-01T12:00:00.000Z';

describe('readTogether', () => {
  it('runs the reads in one transaction, ended when they are done, and gives back what they read', () => {
    const db = freshDatabase();
    ensureOrder(db, 'o-1', AT);
    let inside = false;
    const read = readTogether(db, () => {
      inside = db.inTransaction;
      return findOrder(db, 'o-1')?.status;
    });
    expect(inside).toBe(true);
    expect(db.inTransaction).toBe(false);
    expect(read).toBe('Open');
  });

  it('ends the transaction when the reads throw, and lets the error out', () => {
    const db = freshDatabase();
    expect(() =>
      readTogether(db, () => {
        ensureOrder(db, 'o-2', AT);
        throw new Error('refused');
      }),
    ).toThrow('refused');
    expect(db.inTransaction).toBe(false);
    expect(findOrder(db, 'o-2')).toBeNull();
  });

  it('runs inside a transaction already open, and again afterwards', () => {
    const db = freshDatabase();
    const seen = atomically(db, () => {
      ensureOrder(db, 'o-3', AT);
      return readTogether(db, () => findOrder(db, 'o-3')?.id);
    });
    expect(seen).toBe('o-3');
    expect(readTogether(db, () => findOrder(db, 'o-3')?.id)).toBe('o-3');
  });
});
