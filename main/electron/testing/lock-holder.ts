/**
 * A till's start as data-folder-lock.test.ts plays it in a process of its own: takes the data
 * folder's lock for `user` and prints the outcome as one JSON line; with `hold`, keeps the lock (and
 * its heartbeat) until killed, as a running till does. Usage: lock-holder.ts <folder> <user> [hold|try]
 */
import { hostname } from 'node:os';
import { acquireDataFolderLock } from '../data-folder-lock.js';

const [folder, user, mode = 'try'] = process.argv.slice(2);
if (!folder || !user) throw new Error('usage: lock-holder.ts <folder> <user> [hold|try]');

const result = acquireDataFolderLock(folder, { pid: process.pid, user, host: hostname(), since: new Date().toISOString() });
process.stdout.write(`${JSON.stringify(result.kind === 'acquired' ? { kind: 'acquired', pid: process.pid } : result)}\n`);
if (result.kind === 'acquired' && mode === 'hold') setInterval(() => undefined, 1_000);
else if (result.kind === 'acquired') result.release();
