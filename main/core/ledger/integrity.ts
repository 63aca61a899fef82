import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { openConnection, PAGE_CACHE_KIB } from './connection.js';
import type Database from 'better-sqlite3';

/** The answer of `PRAGMA integrity_check` on a database: 'ok' or what is wrong. */
export function integrityOf(db: Database.Database): string {
  const rows = db.pragma('integrity_check') as { integrity_check: string }[];
  return rows.map((row) => row.integrity_check).join('; ');
}

/** Opens a database file read-only and checks it (on this thread). */
export function integrityOfFile(file: string): string {
  const copy = openConnection(file, { readonly: true, fileMustExist: true });
  try {
    return integrityOf(copy);
  } finally {
    copy.close();
  }
}

/**
 * The check of a backup's copy, in a worker thread with a connection of its own: on a year's
 * database (110 MB) `PRAGMA integrity_check` takes about a second, which on the event loop a waiter
 * calling during the daily backup would wait out. The worker loads the same better-sqlite3 the till
 * does (its Node-API binary loads in any thread). Where a worker cannot start or load it, the check
 * runs here as before: the answer is the same, only the waiters wait.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
try {
  db.pragma('synchronous = FULL');
  db.pragma('cache_size = -' + workerData.cacheKib);
  const integrity = db.pragma('integrity_check').map((row) => row.integrity_check).join('; ');
  parentPort.postMessage({ integrity, synchronous: db.pragma('synchronous', { simple: true }), cacheSize: db.pragma('cache_size', { simple: true }) });
} finally {
  db.close();
}
`;

/** What the worker's connection ran with: the settings of every connection of the till (connection.ts). */
export interface WorkerConnection {
  synchronous: number;
  cacheSize: number;
}

/** Where better-sqlite3 is, seen from this module (the bundle's place in an installed app). */
const betterSqlite = (): string => createRequire(import.meta.url).resolve('better-sqlite3');

export interface OffLoopOptions {
  /** Told why, when the check runs on this thread after all. */
  checkedHere?: (why: string) => void;
  startWorker?: (source: string, data: object) => Worker;
  /** Told the settings the worker's connection ran with (tests check them as on every connection). */
  connectionSeen?: (connection: WorkerConnection) => void;
}

/** The answer of `PRAGMA integrity_check` on `file` ('ok' or what is wrong), checked off the event loop. */
export function integrityOfFileOffLoop(file: string, options: OffLoopOptions = {}): Promise<string> {
  const { checkedHere = () => undefined, startWorker = workerOf, connectionSeen = () => undefined } = options;
  return new Promise((resolve, reject) => {
    let answered = false;
    let worker: Worker;
    try {
      worker = startWorker(WORKER_SOURCE, { module: betterSqlite(), file, cacheKib: PAGE_CACHE_KIB });
    } catch (error) {
      fallBack(`no worker: ${String(error)}`);
      return;
    }
    worker.once('message', (answer: { integrity: string } & WorkerConnection) => {
      answered = true;
      connectionSeen({ synchronous: answer.synchronous, cacheSize: answer.cacheSize });
      resolve(answer.integrity);
    });
    // The worker could not load the module or open the file: check here (a damaged file throws here too).
    worker.once('error', (error) => fallBack(`the worker failed: ${error.message}`));
    worker.once('exit', (code) => fallBack(`the worker ended (${code}) without an answer`));
    function fallBack(why: string): void {
      if (answered) return;
      checkedHere(why);
      resolveHere();
    }
    function resolveHere(): void {
      answered = true;
      try {
        resolve(integrityOfFile(file));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    }
  });
}

function workerOf(source: string, data: object): Worker {
  return new Worker(source, { eval: true, workerData: data });
}
