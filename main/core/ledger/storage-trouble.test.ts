import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { storageTroubleOf } from './storage-trouble.js';

describe('storageTroubleOf', () => {
  it('names the disk troubles of SQLite and of the file system, extended codes included', () => {
    expect(storageTroubleOf({ code: 'SQLITE_FULL' })).toBe('full');
    expect(storageTroubleOf({ code: 'ENOSPC' })).toBe('full');
    expect(storageTroubleOf({ code: 'SQLITE_READONLY' })).toBe('readOnly');
    expect(storageTroubleOf({ code: 'SQLITE_READONLY_DBMOVED' })).toBe('readOnly');
    expect(storageTroubleOf({ code: 'EROFS' })).toBe('readOnly');
    expect(storageTroubleOf({ code: 'SQLITE_IOERR_WRITE' })).toBe('ioError');
    expect(storageTroubleOf({ code: 'SQLITE_IOERR' })).toBe('ioError');
  });

  it('leaves every other error alone', () => {
    expect(storageTroubleOf({ code: 'SQLITE_CONSTRAINT_UNIQUE' })).toBeNull();
    expect(storageTroubleOf({ code: 'SQLITE_BUSY' })).toBeNull();
    expect(storageTroubleOf({ code: 'SQLITE_IOERRX' })).toBeNull();
    expect(storageTroubleOf(new Error('plain'))).toBeNull();
    expect(storageTroubleOf(null)).toBeNull();
    expect(storageTroubleOf('SQLITE_FULL')).toBeNull();
  });

  it('reads the code of a real SqliteError (a write to a read-only connection)', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (x)');
    db.pragma('query_only = ON');
    let caught: unknown = null;
    try {
      db.prepare('INSERT INTO t VALUES (1)').run();
    } catch (error) {
      caught = error;
    }
    db.close();
    expect(storageTroubleOf(caught)).toBe('readOnly');
  });
});
