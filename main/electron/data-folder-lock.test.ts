import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, utimesSync, writeFileSync, existsSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { temporaryFolders } from '../core/testing/temporary-folders.js';
import { formatDateTime } from '../../shared/i18n/numbers.js';
import { acquireDataFolderLock, LOCK_FILE, lockHeldMessage, lockVerdict, STALE_AFTER_MS, type LockHolder } from './data-folder-lock.js';

const root = path.resolve(import.meta.dirname, '../..');
const holderScript = path.join(root, 'main/electron/testing/lock-holder.ts');
// Made first, so that its folders are removed after the children below are killed (after-hooks run last-made first).
const folder = temporaryFolders('lock');
const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

/** Starts a till's lock-taking in a Node process of its own; resolves with what it printed. */
function startTill(dir: string, user: string, mode: 'hold' | 'try'): Promise<{ child: ChildProcess; outcome: { kind: string; pid?: number; holder?: LockHolder | null } }> {
  const child = spawn(process.execPath, ['--import', 'tsx', holderScript, dir, user, mode], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((text) => text.startsWith('{'));
      if (line && out.includes('\n')) resolve({ child, outcome: JSON.parse(line) as { kind: string } });
    });
    child.on('exit', (code) => {
      if (!out.includes('\n')) reject(new Error(`lock holder exited ${code} without an answer`));
    });
  });
}

const me = (user: string): LockHolder => ({ pid: process.pid, user, host: hostname(), since: '2026-12-02T09:00:00.000Z' });

describe('lockVerdict', () => {
  const facts = { touchedAt: 1_000_000, now: 1_000_000 + 5_000, host: 'TILL-1', pidAlive: () => true };
  const holder = { pid: 4242, user: 'kassa1', host: 'TILL-1', since: '2026-12-02T09:00:00.000Z' };

  it('holds while its till runs and touches it', () => {
    expect(lockVerdict(holder, facts)).toBe('held');
  });

  it('is stale when its process is gone on this machine, or untouched for a minute (a reused process id after a power cut)', () => {
    expect(lockVerdict(holder, { ...facts, pidAlive: () => false })).toBe('stale');
    expect(lockVerdict(holder, { ...facts, now: facts.touchedAt + STALE_AFTER_MS + 1 })).toBe('stale');
  });

  it('cannot ask another machine about its process: judged by the heartbeat alone', () => {
    expect(lockVerdict({ ...holder, host: 'TILL-2' }, { ...facts, pidAlive: () => false })).toBe('held');
  });

  it('takes a fresh lock that is being written (unreadable) for held', () => {
    expect(lockVerdict(null, facts)).toBe('held');
    expect(lockVerdict(null, { ...facts, now: facts.touchedAt + STALE_AFTER_MS + 1 })).toBe('stale');
  });
});

describe('acquireDataFolderLock', () => {
  it('in one process: the first start takes it, a second is told who holds it, release frees it', () => {
    const dir = folder();
    const first = acquireDataFolderLock(dir, me('kassa1'));
    expect(first.kind).toBe('acquired');
    const second = acquireDataFolderLock(dir, { ...me('kassa2'), pid: process.pid });
    expect(second).toEqual({ kind: 'held', holder: me('kassa1') });
    if (first.kind === 'acquired') first.release();
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    expect(acquireDataFolderLock(dir, me('kassa2')).kind).toBe('acquired');
  });

  it('never removes a lock another till took over', () => {
    const dir = folder();
    const first = acquireDataFolderLock(dir, me('kassa1'));
    writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ ...me('kassa2'), pid: 1 }));
    if (first.kind === 'acquired') first.release();
    expect(readFileSync(path.join(dir, LOCK_FILE), 'utf8')).toContain('kassa2');
  });

  it('two Node processes: the second is refused, naming the first one’s user; after the first crashes the lock is taken over', async () => {
    const dir = folder();
    const first = await startTill(dir, 'kassa1', 'hold');
    expect(first.outcome.kind).toBe('acquired');
    const second = await startTill(dir, 'kassa2', 'try');
    expect(second.outcome).toMatchObject({ kind: 'held', holder: { user: 'kassa1', pid: first.outcome.pid, host: hostname() } });
    // A crash: killed, so it never releases the lock.
    const exited = new Promise((resolve) => first.child.on('exit', resolve));
    first.child.kill('SIGKILL');
    await exited;
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(true);
    const third = await startTill(dir, 'kassa2', 'hold');
    expect(third.outcome.kind).toBe('acquired');
    expect(JSON.parse(readFileSync(path.join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ user: 'kassa2', pid: third.outcome.pid });
  }, 60_000);

  it('a stale lock is taken over by exactly one of several tills starting at once', async () => {
    const dir = folder();
    // Left by a till that died long ago (its heartbeat a few minutes old).
    const file = path.join(dir, LOCK_FILE);
    writeFileSync(file, JSON.stringify({ pid: 2 ** 22 + 17, user: 'kassa9', host: 'ANOTHER-TILL', since: '2026-12-01T09:00:00.000Z' }));
    const old = new Date(Date.now() - 5 * STALE_AFTER_MS);
    utimesSync(file, old, old);
    const starts = await Promise.all(['a', 'b', 'c', 'd'].map((user) => startTill(dir, `kassa-${user}`, 'hold')));
    const winners = starts.filter((start) => start.outcome.kind === 'acquired');
    expect(winners).toHaveLength(1);
    const holder = JSON.parse(readFileSync(file, 'utf8')) as LockHolder;
    expect(holder.pid).toBe(winners[0]?.outcome.pid);
    for (const loser of starts.filter((start) => start.outcome.kind === 'held')) expect(loser.outcome.holder?.pid).not.toBe(2 ** 22 + 17);
  }, 60_000);
});

describe('lockHeldMessage', () => {
  it('names the user holding the till and what to do, in Russian and English', () => {
    const box = lockHeldMessage({ pid: 1, user: 'Кассир', host: 'TILL-1', since: '2026-12-02T09:15:30.000Z' }, 'C:\\ProgramData\\GetMeBack Till');
    // In this machine's time and each language's format (before: the UTC ISO text, «2026-12-02 09:15», hours off in Moscow).
    const since = new Date('2026-12-02T09:15:30.000Z');
    expect(box.content).toContain(`его запустил пользователь «Кассир» (${formatDateTime(since, 'ru')})`);
    expect(box.content).toContain(`started by user «Кассир» (${formatDateTime(since, 'en')})`);
    expect(box.content).not.toContain('2026-12-02');
    expect(box.content).toContain('C:\\ProgramData\\GetMeBack Till');
    expect(lockHeldMessage(null, '/x').content).toContain('у другого пользователя');
  });
});
