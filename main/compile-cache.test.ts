import { describe, expect, it } from 'vitest';
import { compileCacheDir, enableCompileCache } from './compile-cache.js';

describe('the compile cache folder', () => {
  it('is the user’s own cache folder of the operating system, not the data folder', () => {
    expect(compileCacheDir({ LOCALAPPDATA: 'C:\\Users\\kassa\\AppData\\Local' }, 'win32', 'C:\\Users\\kassa')).toBe('C:\\Users\\kassa\\AppData\\Local\\GetMeBack Till\\compile-cache');
    expect(compileCacheDir({}, 'win32', 'C:\\Users\\kassa')).toBe('C:\\Users\\kassa\\AppData\\Local\\GetMeBack Till\\compile-cache');
    expect(compileCacheDir({}, 'darwin', '/Users/kassa')).toBe('/Users/kassa/Library/Caches/GetMeBack Till/compile-cache');
    expect(compileCacheDir({}, 'linux', '/home/kassa')).toBe('/home/kassa/.cache/getmeback-till/compile-cache');
    expect(compileCacheDir({ XDG_CACHE_HOME: '/var/cache/kassa' }, 'linux', '/home/kassa')).toBe('/var/cache/kassa/getmeback-till/compile-cache');
    // An empty XDG_CACHE_HOME counts as unset (the XDG rule).
    expect(compileCacheDir({ XDG_CACHE_HOME: '' }, 'linux', '/home/kassa')).toBe('/home/kassa/.cache/getmeback-till/compile-cache');
  });

  it('is chosen by GMB_COMPILE_CACHE_DIR, and `off` turns the cache off', () => {
    expect(compileCacheDir({ GMB_COMPILE_CACHE_DIR: '/srv/cache' }, 'linux', '/home/kassa')).toBe('/srv/cache');
    expect(compileCacheDir({ GMB_COMPILE_CACHE_DIR: 'off' }, 'win32', 'C:\\Users\\kassa')).toBeNull();
    expect(enableCompileCache({ GMB_COMPILE_CACHE_DIR: 'off' })).toBe('off');
  });
});
