import type Database from 'better-sqlite3';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

/**
 * Power loss, the operating system's view: every SQLite connection the till opens — the main one,
 * the readers that check a backup, the probe of a restore, the one that migrates — runs with
 * `synchronous = FULL` (2), so SQLite fsyncs each commit before answering. better-sqlite3 is
 * replaced by a recording subclass: every connection opened anywhere in the app is seen, whoever
 * opens it, and its setting is read just before it closes. The subclass starts each connection at
 * NORMAL (1), as a build with a weaker default would: only the app's own pragma makes it FULL.
 */
const seen = vi.hoisted(() => ({ opened: [] as { file: string; readonly: boolean; synchronous: number | null; cacheSize: number | null }[] }));

vi.mock('better-sqlite3', async (importOriginal) => {
  const original = (await importOriginal<{ default: typeof Database }>()).default;
  class RecordingDatabase extends original {
    private readonly record: { file: string; readonly: boolean; synchronous: number | null; cacheSize: number | null };
    constructor(file: string, options?: Database.Options) {
      super(file, options);
      this.pragma('synchronous = NORMAL');
      this.record = { file: path.basename(file), readonly: options?.readonly === true, synchronous: null, cacheSize: null };
      seen.opened.push(this.record);
    }
    override close(): this {
      if (this.open) {
        this.record.synchronous = this.pragma('synchronous', { simple: true }) as number;
        this.record.cacheSize = this.pragma('cache_size', { simple: true }) as number;
      }
      return super.close();
    }
  }
  return { default: RecordingDatabase };
});

// A backup's copy is checked in a worker thread (integrity.ts), where this mock does not reach: the
// worker reports its connection's settings, recorded here like the others.
vi.mock('./integrity.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('./integrity.js')>();
  return {
    ...original,
    integrityOfFileOffLoop: (file: string, options: Parameters<typeof original.integrityOfFileOffLoop>[1] = {}) =>
      original.integrityOfFileOffLoop(file, {
        ...options,
        connectionSeen: (connection) => seen.opened.push({ file: path.basename(file), readonly: true, ...connection }),
      }),
  };
});

const { PAGE_CACHE_KIB } = await import('./connection.js');
const { restoreBackup } = await import('./restore.js');
const { MIGRATIONS } = await import('./schema.js');
const { startTestTill } = await import('../testing/test-till.js');
const { newOrderId, paymentBody, waiterSteps } = await import('../testing/waiter-steps.js');

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('synchronous = FULL and the chosen page cache on every connection', () => {
  it('holds for the till, its backups, their checks, a restore and a migration', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'gmb-sync-'));
    dirs.push(dataDir);
    // A database of the first schema version, so the till's start migrates it (a backup first).
    const old = new (await import('better-sqlite3')).default(path.join(dataDir, 'till.db'));
    old.exec(MIGRATIONS[0] as string);
    old.pragma('user_version = 1');
    old.close();
    seen.opened.length = 0;
    const till = await startTestTill({ dataDir });
    expect((await waiterSteps(till).pay(newOrderId(), paymentBody(1000, { cash: 1000 }), 'sync-1')).status).toBe(200);
    const backup = await till.core.backups.backUp('manual');
    expect(backup).not.toBeNull();
    await till.close(); // a shutdown backup and its check
    restoreBackup(dataDir, (backup as { file: string }).file, new Date());
    // The restored file opened again.
    const again = await startTestTill({ dataDir });
    await again.close();
    expect(readdirSync(path.join(dataDir, 'backups')).some((name) => name.endsWith(`-before-schema-${MIGRATIONS.length}.db`))).toBe(true);

    const opened = seen.opened;
    const main = opened.filter((connection) => connection.file === 'till.db' && !connection.readonly);
    const checks = opened.filter((connection) => connection.readonly);
    expect(main.length).toBeGreaterThanOrEqual(3); // the till, the restore's probe, the till again
    expect(checks.length).toBeGreaterThanOrEqual(5); // the migration's backup, the manual and shutdown backups (twice, in workers), the restore's check
    expect(checks.filter((check) => check.file.endsWith('.partial')).length).toBeGreaterThanOrEqual(4);
    for (const connection of opened) expect(connection, connection.file).toMatchObject({ synchronous: 2 });
    // Memory (issue 19): each connection's page cache as chosen, not better-sqlite3's 16 000 KiB.
    for (const connection of opened) expect(connection, connection.file).toMatchObject({ cacheSize: -PAGE_CACHE_KIB });
    expect(PAGE_CACHE_KIB).toBeLessThan(16_000);
    expect(readdirSync(path.join(dataDir, 'backups')).length).toBeGreaterThanOrEqual(3);
  });
});
