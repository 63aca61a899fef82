import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { TillDatabase } from '../ledger/database.js';
import { makePrivateIfPresent, writePrivateFileAtomically } from '../ledger/private-files.js';
import { eraseMetaValue, metaValue } from '../ledger/waiters.js';

/** The till's secret key, beside the database and never inside it. */
export const TILL_KEY_FILE = 'till.key';

/** Where older versions kept the key: in the database's `meta` table (moved out at start-up). */
const LEGACY_META_KEY = 'waiter_pin_key';

/**
 * Wraps the key with something only this machine's user can undo (Electron's safeStorage: DPAPI on
 * Windows, the keychain on macOS, libsecret on Linux). Without one the file holds the key itself,
 * protected by its 0600 mode.
 */
export interface KeyWrapper {
  readonly name: string;
  wrap(secret: Buffer): Buffer;
  unwrap(stored: Buffer): Buffer;
}

const HEADER = 'getmeback-till-key v1';

/**
 * The key of waiters' PIN hashes and of stored request hashes: read from `<dataDir>/till.key`,
 * moved there from the database by the first start of this version (and erased from the database
 * so a copy of till.db or a backup holds no key), or made new on a new install.
 */
export function loadTillKey(dataDir: string, db: TillDatabase, wrapper?: KeyWrapper): Buffer {
  const file = path.join(dataDir, TILL_KEY_FILE);
  const legacy = metaValue(db, LEGACY_META_KEY);
  let secret: Buffer;
  if (existsSync(file)) {
    const stored = parseKeyFile(readFileSync(file, 'utf8'), file, wrapper);
    secret = stored.secret;
    if (wrapper && stored.method !== wrapper.name) writeKeyFile(file, secret, wrapper);
    makePrivateIfPresent(file);
  } else {
    secret = legacy ? Buffer.from(legacy, 'hex') : randomBytes(32);
    writeKeyFile(file, secret, wrapper);
  }
  // Only once the file is safely on disk does the database forget its copy.
  if (legacy !== null) eraseMetaValue(db, LEGACY_META_KEY);
  return secret;
}

/**
 * The key a key file holds, unwrapped, and the file written again (plain when no wrapper is given):
 * for the desktop app moving a per-user till into the machine folder, where another Windows user's
 * DPAPI could not unwrap it (main/electron/machine-data-folder.ts).
 */
export function readTillKeyFile(file: string, wrapper?: KeyWrapper): Buffer {
  return parseKeyFile(readFileSync(file, 'utf8'), file, wrapper).secret;
}

export function writeTillKeyFile(file: string, secret: Buffer, wrapper?: KeyWrapper): void {
  writeKeyFile(file, secret, wrapper);
}

function writeKeyFile(file: string, secret: Buffer, wrapper?: KeyWrapper): void {
  const line = wrapper
    ? `${HEADER} ${wrapper.name} ${wrapper.wrap(secret).toString('base64')}`
    : `${HEADER} plain ${secret.toString('hex')}`;
  writePrivateFileAtomically(file, `${line}\n`);
}

function parseKeyFile(text: string, file: string, wrapper?: KeyWrapper): { method: string; secret: Buffer } {
  const match = /^getmeback-till-key v1 (\S+) (\S+)\s*$/.exec(text);
  if (!match) throw new Error(`The till's key file ${file} is damaged / Файл ключа GetMeBack Till ${file} повреждён`);
  const [, method = '', value = ''] = match;
  if (method === 'plain') return { method, secret: Buffer.from(value, 'hex') };
  if (!wrapper || wrapper.name !== method) {
    throw new Error(
      `The till's key file ${file} is protected by ${method}, which this run cannot open; start the desktop app as the same user / ` +
        `Файл ключа GetMeBack Till ${file} защищён (${method}); запустите GetMeBack Till от того же пользователя`,
    );
  }
  return { method, secret: wrapper.unwrap(Buffer.from(value, 'base64')) };
}
