import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../logger.js';
import { DATABASE_FILE, openTillDatabase } from './database.js';

const posix = process.platform !== 'win32';
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const modeOf = (file: string): number => statSync(file).mode & 0o777;

describe.runIf(posix)('file modes of the data folder (Unix)', () => {
  it('data folder 0700; till.db and its WAL 0600, also when an older version left them 0644/0755', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'gmb-modes-'));
    dirs.push(root);
    const dataDir = path.join(root, 'data');
    mkdirSync(dataDir, { mode: 0o755 });
    writeFileSync(path.join(dataDir, DATABASE_FILE), '', { mode: 0o644 });
    const db = openTillDatabase(dataDir);
    db.exec('CREATE TABLE IF NOT EXISTS mode_probe (x)');
    db.prepare('INSERT INTO mode_probe VALUES (1)').run();
    expect(modeOf(dataDir)).toBe(0o700);
    expect(modeOf(path.join(dataDir, DATABASE_FILE))).toBe(0o600);
    expect(modeOf(path.join(dataDir, `${DATABASE_FILE}-wal`))).toBe(0o600);
    db.close();

    writeFileSync(path.join(dataDir, `${DATABASE_FILE}-wal`), '', { mode: 0o644 });
    const reopened = openTillDatabase(dataDir);
    expect(modeOf(path.join(dataDir, `${DATABASE_FILE}-wal`))).toBe(0o600);
    reopened.close();
  });

  it('the log folder 0700 and the log 0600', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'gmb-modes-'));
    dirs.push(root);
    const logDir = path.join(root, 'logs');
    const logger = createLogger({ logDir });
    logger.info('probe');
    await new Promise<void>((resolve) => logger.flush(() => resolve()));
    expect(modeOf(logDir)).toBe(0o700);
    expect(modeOf(path.join(logDir, 'till.log'))).toBe(0o600);
  });
});
