import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openTillDatabase, type TillDatabase } from './database.js';
import { prepared } from './statements.js';

const opened: { db: TillDatabase; dir: string }[] = [];
const open = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'gmb-statements-'));
  const db = openTillDatabase(dir);
  opened.push({ db, dir });
  return db;
};
afterEach(() => {
  for (const { db, dir } of opened.splice(0)) {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

describe('prepared', () => {
  it('compiles each statement once per database and reuses it', () => {
    const db = open();
    const sql = 'SELECT COUNT(*) AS n FROM orders';
    expect(prepared(db, sql)).toBe(prepared(db, sql));
    expect(prepared(db, sql)).not.toBe(prepared(db, 'SELECT COUNT(*) AS n FROM payments'));
    expect(prepared(open(), sql)).not.toBe(prepared(db, sql));
  });

  it('leaves the database handle as better-sqlite3 made it: db.prepare compiles afresh', () => {
    const db = open();
    const sql = 'SELECT COUNT(*) AS n FROM orders';
    expect(db.prepare(sql)).not.toBe(db.prepare(sql));
  });
});
