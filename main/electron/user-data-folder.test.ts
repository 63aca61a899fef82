import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readTillKeyFile, writeTillKeyFile } from '../core/waiters/till-key.js';
import { electronUserData, launchDataFolder } from './launch-plan.js';
import { moveTillToMachineFolder } from './move-till-folder.js';
import { safeStorageKeyWrapper, type KeyProtector } from './safe-storage-key.js';

/**
 * Electron's safeStorage on Windows as it behaves: it encrypts with an AES key kept, wrapped for the
 * user, in `<userData>\Local State` — a launch with another userData has another key, and cannot
 * decrypt what the first encrypted (electron/electron#39733). One key per userData folder here.
 */
function safeStorageIn(userData: string, keys: Map<string, Buffer>): KeyProtector {
  const key = keys.get(userData) ?? randomBytes(32);
  keys.set(userData, key);
  return {
    isEncryptionAvailable: () => true,
    encryptString: (text) => {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const sealed = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, sealed, cipher.getAuthTag()]);
    },
    decryptString: (encrypted) => {
      const decipher = createDecipheriv('aes-256-gcm', key, encrypted.subarray(0, 12));
      decipher.setAuthTag(encrypted.subarray(encrypted.length - 16));
      try {
        return Buffer.concat([decipher.update(encrypted.subarray(12, encrypted.length - 16)), decipher.final()]).toString('utf8');
      } catch {
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      }
    },
  };
}

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A Windows machine with the per-machine install; `user`'s roaming folder. */
function windowsMachine(user: string) {
  const root = mkdtempSync(path.join(tmpdir(), 'gmb-userdata-'));
  roots.push(root);
  const perUserFolder = path.join(root, 'Users', user, 'AppData', 'Roaming', 'GetMeBack Till');
  const install = {
    platform: 'win32' as const,
    isPackaged: true,
    execPath: path.join(root, 'Program Files', 'GetMeBack Till', 'GetMeBack Till.exe'),
    env: { ProgramFiles: path.join(root, 'Program Files'), ProgramData: path.join(root, 'ProgramData') },
    markerPresent: () => true,
  };
  return { root, perUserFolder, install };
}

describe('Electron’s userData (electronUserData)', () => {
  it('on the per-machine install stays the user’s own folder: the till of the version before, its till.key wrapped there, moves to the machine folder', () => {
    const { root, perUserFolder, install } = windowsMachine('kassa1');
    const keys = new Map<string, Buffer>();
    // The version before: userData and the data folder were both the user's roaming folder.
    mkdirSync(perUserFolder, { recursive: true });
    const secret = randomBytes(32);
    writeTillKeyFile(path.join(perUserFolder, 'till.key'), secret, safeStorageKeyWrapper(safeStorageIn(perUserFolder, keys), 'win32'));
    writeFileSync(path.join(perUserFolder, 'till.db'), 'ledger');

    // This version, as desktop-app.ts launches it.
    const launch = launchDataFolder(install, perUserFolder, 'C:\\');
    expect(launch.perMachine).toBe(true);
    const userData = electronUserData(launch, perUserFolder);
    expect(userData).toBe(perUserFolder);
    // launchDataFolder names the machine folder the Windows way; here it is that folder under the test's root.
    const machineFolder = path.join(root, 'ProgramData', 'GetMeBack Till');
    expect(launch.dataDir).toBe(path.win32.join(install.env.ProgramData, 'GetMeBack Till'));
    const moved = moveTillToMachineFolder(perUserFolder, machineFolder, safeStorageKeyWrapper(safeStorageIn(userData, keys), 'win32'));
    expect(moved.kind).toBe('moved');
    // The machine folder's key is written plain (every user's till reads it) and is the same key.
    expect(readTillKeyFile(path.join(machineFolder, 'till.key')).equals(secret)).toBe(true);
  });

  it('gives two Windows users of one per-machine install each their own (Chromium’s lock file is per user) over one data folder (whose own lock shows the box)', () => {
    const first = windowsMachine('kassa1');
    const second = { ...first, perUserFolder: path.join(first.root, 'Users', 'kassa2', 'AppData', 'Roaming', 'GetMeBack Till') };
    const launches = [first, second].map(({ install, perUserFolder }) => {
      const launch = launchDataFolder(install, perUserFolder, 'C:\\');
      return { dataDir: launch.dataDir, userData: electronUserData(launch, perUserFolder) };
    });
    expect(launches[0]?.dataDir).toBe(launches[1]?.dataDir);
    expect(launches[0]?.userData).not.toBe(launches[1]?.userData);
  });

  it('is the data folder elsewhere (npm start, GMB_DATA_DIR): a till on another data folder is another till for the single-instance lock', () => {
    const { perUserFolder, install } = windowsMachine('kassa1');
    const elsewhere = launchDataFolder({ ...install, env: { ...install.env, GMB_DATA_DIR: 'D:\\till-2' } }, perUserFolder, 'C:\\');
    expect(electronUserData(elsewhere, perUserFolder)).toBe(elsewhere.dataDir);
    const developer = launchDataFolder({ ...install, isPackaged: false }, perUserFolder, 'C:\\');
    expect(electronUserData(developer, perUserFolder)).toBe(perUserFolder);
  });
});
