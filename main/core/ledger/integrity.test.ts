import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { damageAnIndex } from '../testing/damaged-database.js';
import { temporaryFolders } from '../testing/temporary-folders.js';
import { openTillDatabase } from './database.js';
import { PAGE_CACHE_KIB } from './connection.js';
import { integrityOfFile, integrityOfFileOffLoop, type WorkerConnection } from './integrity.js';

const folder = temporaryFolders('integrity');

/** A till's database file, closed; damaged when asked. */
function tillFile(damaged = false): string {
  const dir = folder();
  openTillDatabase(dir).close();
  if (damaged) damageAnIndex(dir);
  return path.join(dir, 'till.db');
}

/** Runs `work` and counts the turns of the event loop while it is under way. */
async function turnsDuring<T>(work: () => Promise<T>): Promise<{ answer: T; turns: number }> {
  let turns = 0;
  let done = false;
  const turn = () => {
    if (done) return;
    turns += 1;
    setImmediate(turn);
  };
  setImmediate(turn);
  const answer = await work();
  done = true;
  return { answer, turns };
}

describe('integrityOfFileOffLoop', () => {
  it('answers what the check on this thread answers, a whole file and a damaged one, while the event loop goes on turning', async () => {
    for (const damaged of [false, true]) {
      const file = tillFile(damaged);
      const why: string[] = [];
      const connections: WorkerConnection[] = [];
      const { answer, turns } = await turnsDuring(() =>
        integrityOfFileOffLoop(file, { checkedHere: (reason) => why.push(reason), connectionSeen: (connection) => connections.push(connection) }),
      );
      expect(why).toEqual([]);
      // The worker's connection has the settings of every connection of the till (connection.ts).
      expect(connections).toEqual([{ synchronous: 2, cacheSize: -PAGE_CACHE_KIB }]);
      expect(answer).toBe(integrityOfFile(file));
      expect(answer === 'ok').toBe(!damaged);
      // The check ran in a worker: this thread served other work meanwhile.
      expect(turns).toBeGreaterThan(1);
    }
  });

  it('refuses a file that is no database, as the check here does', async () => {
    const file = path.join(folder(), 'till.db');
    writeFileSync(file, 'SQLite format 3\u0000 but not really');
    expect(() => integrityOfFile(file)).toThrow();
    await expect(integrityOfFileOffLoop(file)).rejects.toThrow();
  });

  it('checks here when no worker can start, or the worker cannot load the module', async () => {
    const file = tillFile(true);
    const here = integrityOfFile(file);
    const cannotStart = () => {
      throw new Error('no threads here');
    };
    const why: string[] = [];
    const checkedHere = (reason: string) => why.push(reason);
    expect(await integrityOfFileOffLoop(file, { startWorker: cannotStart, checkedHere })).toBe(here);
    const cannotLoad = () => new Worker("throw new Error('Cannot find module better-sqlite3')", { eval: true });
    expect(await integrityOfFileOffLoop(file, { startWorker: cannotLoad, checkedHere })).toBe(here);
    expect(why).toEqual(['no worker: Error: no threads here', 'the worker failed: Cannot find module better-sqlite3']);
  });
});
