import type { KeyWrapper } from '../core/waiters/till-key.js';

/** The part of Electron's safeStorage the till's key needs. */
export interface KeyProtector {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: 'basic_text' means a hard-coded password, which protects nothing. */
  getSelectedStorageBackend?(): string;
}

/**
 * Wraps the till's key with the operating system's protection for this user (DPAPI on Windows,
 * the keychain on macOS, a secret service on Linux) when there is one; otherwise nothing, and the
 * key file stays plain, protected by its 0600 mode.
 */
export function safeStorageKeyWrapper(storage: KeyProtector, platform: NodeJS.Platform): KeyWrapper | undefined {
  if (!storage.isEncryptionAvailable()) return undefined;
  if (platform === 'linux' && ['basic_text', 'unknown'].includes(storage.getSelectedStorageBackend?.() ?? 'unknown')) return undefined;
  return {
    name: 'safeStorage',
    wrap: (secret) => storage.encryptString(secret.toString('hex')),
    unwrap: (stored) => Buffer.from(storage.decryptString(stored), 'hex'),
  };
}
