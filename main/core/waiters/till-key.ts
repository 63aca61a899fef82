import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { TillDatabase } from '../ledger/database.js';
import { makePrivateIfPresent, writePrivateFileAtomically } from '../ledger/private-files.js';
import { anyWaiterByPin, eraseMetaValue, metaValue, saveMetaValue } from '../ledger/waiters.js';
import { anyStoredAnswer } from '../ledger/idempotency-keys.js';

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
 * A fingerprint of the key, kept in the database (an HMAC of a constant: it tells nothing of the
 * key): a database knows which key its waiters' ids and stored answers were made with.
 */
const CHECK_META_KEY = 'till_key_check';
const fingerprintOf = (secret: Buffer): string => createHmac('sha256', secret).update('getmeback-till-key check v1').digest('hex').slice(0, 32);

/** The environment variable that lets a till whose key is lost for good start with a new one. */
export const NEW_KEY_VARIABLE = 'GMB_NEW_TILL_KEY';

/** The key file is missing or is not this database's: the till does not start (nothing was written). */
export class TillKeyMismatch extends Error {
  constructor(file: string, reason: 'missing' | 'other') {
    super(
      reason === 'missing'
        ? `The till's key file ${file} is missing, and this database's waiters and stored payment answers were made with it. ` +
            `Copy till.key from the old data folder beside till.db. If it is lost for good, start once with ${NEW_KEY_VARIABLE}=1: waiters' PINs must then be loaded again. / ` +
            `Нет файла ключа ${file}, а официанты и сохранённые ответы об оплатах в этой базе сделаны с ним. ` +
            `Скопируйте till.key из старой папки данных рядом с till.db. Если ключ утерян, запустите один раз с ${NEW_KEY_VARIABLE}=1: PIN официантов придётся загрузить заново.`
        : `The till's key file ${file} belongs to another database: copy the till.key that was beside this till.db. / ` +
            `Файл ключа ${file} от другой базы: скопируйте till.key, который лежал рядом с этим till.db.`,
    );
    this.name = 'TillKeyMismatch';
  }
}

/**
 * The key of waiters' PIN hashes and of stored request hashes: read from `<dataDir>/till.key`,
 * moved there from the database by the first start of this version (and erased from the database
 * so a copy of till.db or a backup holds no key), or made new on a new install.
 */
export function loadTillKey(dataDir: string, db: TillDatabase, wrapper?: KeyWrapper, options: { allowNewKey?: boolean } = {}): Buffer {
  const file = path.join(dataDir, TILL_KEY_FILE);
  const legacy = metaValue(db, LEGACY_META_KEY);
  const check = metaValue(db, CHECK_META_KEY);
  let secret: Buffer;
  if (existsSync(file)) {
    const stored = parseKeyFile(readFileSync(file, 'utf8'), file, wrapper);
    secret = stored.secret;
    if (check !== null && check !== fingerprintOf(secret) && options.allowNewKey !== true) throw new TillKeyMismatch(file, 'other');
    if (wrapper && stored.method !== wrapper.name) writeKeyFile(file, secret, wrapper);
    makePrivateIfPresent(file);
  } else {
    // A database that has used a key does not silently get another: its waiters would all be new.
    if (legacy === null && options.allowNewKey !== true && (check !== null || keyedRowsIn(db))) throw new TillKeyMismatch(file, 'missing');
    secret = legacy ? Buffer.from(legacy, 'hex') : randomBytes(32);
    writeKeyFile(file, secret, wrapper);
  }
  const fingerprint = fingerprintOf(secret);
  if (check !== fingerprint) {
    if (check !== null) eraseMetaValue(db, CHECK_META_KEY);
    saveMetaValue(db, CHECK_META_KEY, fingerprint);
  }
  // Only once the file is safely on disk does the database forget its copy.
  if (legacy !== null) eraseMetaValue(db, LEGACY_META_KEY);
  return secret;
}

/** Rows made with a key, in a database an earlier version wrote before the fingerprint. */
function keyedRowsIn(db: TillDatabase): boolean {
  return anyWaiterByPin(db) || anyStoredAnswer(db);
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
