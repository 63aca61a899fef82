import Database from 'better-sqlite3';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { integrityOfFile } from '../ledger/integrity.js';
import { VERIFIED_CLOSE_FILE } from '../ledger/verified-close.js';
import { createLogger, logWritten } from '../logger.js';
import { damageAnIndex } from '../testing/damaged-database.js';
import { startTestTill, type TestTill } from '../testing/test-till.js';
import { newOrderId, paymentBody, waiterSteps } from '../testing/waiter-steps.js';
import { restoreBackup } from '../ledger/restore.js';
import { backupsIn, pruneOldBackups } from './till-backups.js';

const tills: TestTill[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const till of tills.splice(0)) await till.close();
  for (const dir of dirs.splice(0)) {
    if (existsSync(dir)) chmodSync(dir, 0o700);
    rmSync(dir, { recursive: true, force: true });
  }
});
const tempDir = (prefix: string): string => {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
};

async function till(options: Parameters<typeof startTestTill>[0] = {}): Promise<TestTill> {
  const started = await startTestTill(options);
  tills.push(started);
  return started;
}

/** The ledger's audit on a copy: every entry balanced, each payment's answer stored once. */
function audit(file: string): { payments: number; keys: number; debt: number; paymentsDebt: number } {
  const db = new Database(file, { readonly: true });
  try {
    const payments = (db.prepare('SELECT COUNT(*) AS n FROM payments').get() as { n: number }).n;
    const keys = (db.prepare('SELECT COUNT(*) AS n FROM idempotency_keys').get() as { n: number }).n;
    const debt = (
      db.prepare("SELECT COALESCE(SUM(CASE WHEN debit_account LIKE 'waiter:%' THEN amount ELSE -amount END), 0) AS s FROM cash_entries WHERE debit_account LIKE 'waiter:%' OR credit_account LIKE 'waiter:%'").get() as { s: number }
    ).s;
    const paymentsDebt = (db.prepare('SELECT COALESCE(SUM(waiter_debt), 0) AS s FROM payments').get() as { s: number }).s;
    return { payments, keys, debt, paymentsDebt };
  } finally {
    db.close();
  }
}

describe('backups', () => {
  it('a backup taken mid-traffic is whole, checked, private, and restores to a till that serves its stored answers', async () => {
    const source = await till({ dataDir: tempDir('gmb-backup-') });
    const steps = waiterSteps(source);
    const paid: { orderId: string; key: string; text: string }[] = [];
    const traffic = (async () => {
      for (let n = 0; n < 30; n += 1) {
        const orderId = newOrderId();
        const answer = await steps.pay(orderId, paymentBody(1000, { cash: 1000 }), `mid-${n}`);
        expect(answer.status).toBe(200);
        paid.push({ orderId, key: `mid-${n}`, text: answer.text });
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const backup = await source.core.backups.backUp('manual');
    await traffic;
    expect(backup).not.toBeNull();
    const file = (backup as { file: string }).file;
    expect(integrityOfFile(file)).toBe('ok');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    expect(source.core.backups.lastBackup()).toEqual(backup);

    // The copy is a consistent moment: each stored payment has its answer, and the cash book matches.
    const copy = audit(file);
    expect(copy.keys).toBe(copy.payments);
    expect(copy.debt).toBe(copy.paymentsDebt);
    expect(copy.debt).toBeGreaterThan(0);

    // Restored into a fresh till (with the same key file), the copy's payments replay byte for byte.
    const restoredDir = tempDir('gmb-restored-');
    copyFileSync(file, path.join(restoredDir, 'till.db'));
    copyFileSync(path.join(source.dataDir, 'till.key'), path.join(restoredDir, 'till.key'));
    const restored = await till({ dataDir: restoredDir });
    for (const one of paid.slice(0, copy.payments)) {
      const replay = await waiterSteps(restored).pay(one.orderId, paymentBody(1000, { cash: 1000 }), one.key);
      expect(replay.headers.get('Idempotent-Replayed')).toBe('true');
      expect(replay.text).toBe(one.text);
    }
  }, 120_000);

  it('keeps the newest N, also in the second folder, and a clean shutdown leaves one', async () => {
    const dataDir = tempDir('gmb-backup-');
    const second = tempDir('gmb-second-');
    let now = Date.parse('2026-01-01T10:00:00.000Z');
    const clock = { now: () => new Date(now) };
    const source = await till({ dataDir, clock, settings: { backups: { keep: 3, secondFolder: second } } });
    for (let n = 0; n < 5; n += 1) {
      now += 60_000;
      expect(await source.core.backups.backUp('manual')).not.toBeNull();
    }
    expect(backupsIn(path.join(dataDir, 'backups')).map((one) => one.name)).toEqual([
      'till-20260101-100300-n000003-manual.db',
      'till-20260101-100400-n000004-manual.db',
      'till-20260101-100500-n000005-manual.db',
    ]);
    expect(readdirSync(second).sort()).toEqual(backupsIn(path.join(dataDir, 'backups')).map((one) => one.name));
    now += 60_000;
    await source.close();
    tills.splice(0);
    expect(backupsIn(path.join(dataDir, 'backups')).at(-1)?.name).toBe('till-20260101-100600-n000006-shutdown.db');
    // Nothing else: no copy's WAL or shared-memory file left behind under its temporary name.
    expect(readdirSync(path.join(dataDir, 'backups')).sort()).toEqual(backupsIn(path.join(dataDir, 'backups')).map((one) => one.name));
  });

  it('a failing backup is a backup.failed event, and the till keeps serving', async () => {
    const dataDir = tempDir('gmb-backup-');
    const source = await till({ dataDir });
    // The backups folder is a file: nothing can be written there.
    writeFileSync(path.join(dataDir, 'backups'), 'not a folder');
    expect(await source.core.backups.backUp('manual')).toBeNull();
    const failed = source.core.db.prepare("SELECT payload FROM events WHERE type = 'backup.failed'").all() as { payload: string }[];
    expect(failed).toHaveLength(1);
    expect((failed[0] as { payload: string }).payload).toContain('"reason":"manual"');
    expect((failed[0] as { payload: string }).payload).toContain(JSON.stringify(path.join(dataDir, 'backups')));
    expect((await waiterSteps(source).pay(newOrderId(), paymentBody(1000, { cash: 1000 }), 'after-failure')).status).toBe(200);
    rmSync(path.join(dataDir, 'backups'));
  });

  it('pruning ignores files that are not backups, and clears what a copy left under its temporary name', () => {
    const folder = tempDir('gmb-prune-');
    const leftovers = ['till-20260101-000000-daily.db.partial-wal', 'till-20260101-000000-daily.db.partial-shm', 'till-20260102-000000-daily.db.partial'];
    for (const name of ['till-20260101-000000-daily.db', 'till-20260102-000000-daily.db', 'notes.txt', 'till.db.partial-notes', ...leftovers]) writeFileSync(path.join(folder, name), 'x');
    expect(pruneOldBackups(folder, 1)).toBe(1);
    expect(readdirSync(folder).sort()).toEqual(['notes.txt', 'till-20260102-000000-daily.db', 'till.db.partial-notes']);
  });
});

describe('restoring a backup', () => {
  it('refuses while the till runs, then restores with the till stopped and keeps the current file aside', async () => {
    const dataDir = tempDir('gmb-restore-');
    const source = await till({ dataDir });
    const orderId = newOrderId();
    const first = await waiterSteps(source).pay(orderId, paymentBody(1000, { cash: 1000 }), 'before-backup');
    const backup = (await source.core.backups.backUp('manual')) as { file: string };
    expect((await waiterSteps(source).pay(newOrderId(), paymentBody(500, { cash: 500 }), 'after-backup')).status).toBe(200);
    expect(() => restoreBackup(dataDir, backup.file, new Date())).toThrow(/till is running.*GetMeBack Till работает/s);

    await source.close();
    tills.splice(0);
    const setAside = restoreBackup(dataDir, backup.file, new Date('2026-03-01T12:00:00.000Z'));
    expect(setAside).toBe(path.join(dataDir, 'till.db.before-restore-20260301-120000'));
    expect(audit(setAside as string).payments).toBe(2);
    expect(statSync(path.join(dataDir, 'till.db')).mode & 0o777).toBe(0o600);

    const restored = await till({ dataDir });
    expect(audit(backup.file).payments).toBe(1);
    const replay = await waiterSteps(restored).pay(orderId, paymentBody(1000, { cash: 1000 }), 'before-backup');
    expect(replay.text).toBe(first.text);
  });

  it('refuses a damaged backup and leaves the database alone', () => {
    const dataDir = tempDir('gmb-restore-');
    const damaged = path.join(dataDir, 'damaged.db');
    writeFileSync(damaged, 'SQLite format 3\u0000 but not really');
    expect(() => restoreBackup(dataDir, damaged, new Date())).toThrow();
    expect(existsSync(path.join(dataDir, 'till.db'))).toBe(false);
  });
});

describe('the check at start', () => {
  it('after a stop that was not clean, refuses to start on a damaged database and names the newest backup', async () => {
    const dataDir = tempDir('gmb-damaged-');
    const source = await till({ dataDir });
    await source.close(); // leaves a shutdown backup
    tills.splice(0);
    const newest = backupsIn(path.join(dataDir, 'backups')).at(-1)?.name as string;
    // A power cut, a crash or a kill leaves no note of a verified close.
    rmSync(path.join(dataDir, VERIFIED_CLOSE_FILE));
    damageAnIndex(dataDir);
    await expect(startTestTill({ dataDir })).rejects.toThrow(new RegExp(`damaged.*${newest}.*повреждена`, 's'));
  });

  it('after a clean close the checked shutdown backup vouches for the file: the start skips its check, and damage is caught by the next close', async () => {
    const dataDir = tempDir('gmb-verified-');
    const first = await till({ dataDir });
    await first.close();
    tills.splice(0);
    const note = path.join(dataDir, VERIFIED_CLOSE_FILE);
    const shutdownBackup = backupsIn(path.join(dataDir, 'backups')).at(-1)?.name as string;
    expect(JSON.parse(readFileSync(note, 'utf8'))).toMatchObject({ backup: shutdownBackup });

    // Damage while the till is off is not seen at this start (its check is skipped) ...
    damageAnIndex(dataDir);
    const logDir = path.join(dataDir, 'logs');
    const logger = createLogger({ logDir });
    const second = await till({ dataDir, logger });
    await logWritten(logger);
    expect(readFileSync(path.join(logDir, 'till.log'), 'utf8')).toContain('the full check at start is skipped');
    // ... and the note is taken: a run that does not close cleanly leaves the next start to check.
    expect(existsSync(note)).toBe(false);
    // ... but this run's shutdown backup fails its check, so it leaves no note, and the next start refuses.
    await second.close();
    tills.splice(0);
    expect(existsSync(note)).toBe(false);
    expect(backupsIn(path.join(dataDir, 'backups')).at(-1)?.name).toBe(shutdownBackup);
    await expect(startTestTill({ dataDir })).rejects.toThrow(new RegExp(`damaged.*${shutdownBackup}.*повреждена`, 's'));
  });

  it('a close that cannot leave its note still closes, and says so; the next start checks the file', async () => {
    const dataDir = tempDir('gmb-no-note-');
    const logDir = path.join(dataDir, 'logs');
    const logger = createLogger({ logDir });
    const first = await till({ dataDir, logger });
    // Something in the note's place that a file cannot be written over.
    mkdirSync(path.join(dataDir, VERIFIED_CLOSE_FILE));
    await first.close();
    tills.splice(0);
    await logWritten(logger);
    expect(readFileSync(path.join(logDir, 'till.log'), 'utf8')).toContain('could not leave the note of a verified close');
    const secondLogger = createLogger({ logDir: path.join(dataDir, 'logs-2') });
    await till({ dataDir, logger: secondLogger });
    await logWritten(secondLogger);
    expect(readFileSync(path.join(dataDir, 'logs-2', 'till.log'), 'utf8')).not.toContain('the full check at start is skipped');
  });

  it('a restore forgets the note: the restored file is checked at the next start', async () => {
    const dataDir = tempDir('gmb-restored-');
    const first = await till({ dataDir });
    await first.close();
    tills.splice(0);
    const backup = path.join(dataDir, 'backups', backupsIn(path.join(dataDir, 'backups')).at(-1)?.name as string);
    expect(existsSync(path.join(dataDir, VERIFIED_CLOSE_FILE))).toBe(true);
    restoreBackup(dataDir, backup, new Date());
    expect(existsSync(path.join(dataDir, VERIFIED_CLOSE_FILE))).toBe(false);
  });
});
