import { describe, expect, it } from 'vitest';
import { safeStorageKeyWrapper, type KeyProtector } from './safe-storage-key.js';

function storage(available: boolean, backend?: string): KeyProtector {
  return {
    isEncryptionAvailable: () => available,
    encryptString: (text) => Buffer.from(`enc(${text})`),
    decryptString: (data) => data.toString().slice(4, -1),
    ...(backend === undefined ? {} : { getSelectedStorageBackend: () => backend }),
  };
}

describe('safeStorageKeyWrapper', () => {
  it('wraps and unwraps the key when the system can protect it', () => {
    const wrapper = safeStorageKeyWrapper(storage(true), 'win32');
    const secret = Buffer.from('00ff'.repeat(16), 'hex');
    const wrapped = wrapper?.wrap(secret) as Buffer;
    expect(wrapped.toString()).toBe(`enc(${secret.toString('hex')})`);
    expect(wrapper?.unwrap(wrapped).equals(secret)).toBe(true);
    expect(safeStorageKeyWrapper(storage(true, 'gnome_libsecret'), 'linux')?.name).toBe('safeStorage');
  });

  it('gives no wrapper when encryption is unavailable or only basic_text on Linux', () => {
    expect(safeStorageKeyWrapper(storage(false), 'win32')).toBeUndefined();
    expect(safeStorageKeyWrapper(storage(true, 'basic_text'), 'linux')).toBeUndefined();
    expect(safeStorageKeyWrapper(storage(true), 'linux')).toBeUndefined();
  });
});
