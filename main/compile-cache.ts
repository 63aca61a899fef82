import module from 'node:module';
import { homedir } from 'node:os';
import path from 'node:path';

/**
 * Node's compile cache (issue 19: cold start): V8's compiled code of the host's JavaScript, kept
 * between starts, so a restart after a reboot parses and compiles less. It lives in the user's own
 * cache folder of the operating system, not in the till's data folder: it is no data (nothing to back
 * up, move with the till or restore), it is private to the user like the data folder (unlike the
 * shared /tmp), and the headless host and the desktop app of one install share it (Node keeps a
 * sub-folder per Node/Electron version, and checks each entry against its source's hash, so a stale
 * or foreign entry is just compiled anew). `GMB_COMPILE_CACHE_DIR` chooses another folder, `off`
 * none.
 */
export function compileCacheDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, home: string): string | null {
  const chosen = env.GMB_COMPILE_CACHE_DIR;
  if (chosen === 'off') return null;
  if (chosen) return chosen;
  if (platform === 'win32') return path.win32.join(env.LOCALAPPDATA ?? path.win32.join(home, 'AppData', 'Local'), 'GetMeBack Till', 'compile-cache');
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Caches', 'GetMeBack Till', 'compile-cache');
  return path.posix.join(env.XDG_CACHE_HOME || path.posix.join(home, '.cache'), 'getmeback-till', 'compile-cache');
}

export type CompileCacheState = 'enabled' | 'off' | 'unavailable' | 'failed';

/**
 * Called first by both entry points, before their heavy imports. Never stops a start: a read-only
 * or full disk, a folder that cannot be made, a Node without the cache — the host starts without it.
 */
export function enableCompileCache(env: NodeJS.ProcessEnv = process.env): CompileCacheState {
  try {
    const dir = compileCacheDir(env, process.platform, homedir());
    if (dir === null) return 'off';
    if (typeof module.enableCompileCache !== 'function') return 'unavailable';
    const result = module.enableCompileCache(dir);
    return result.status === module.constants.compileCacheStatus.ENABLED || result.status === module.constants.compileCacheStatus.ALREADY_ENABLED ? 'enabled' : 'failed';
  } catch {
    return 'failed';
  }
}

/**
 * Writes what was compiled so far (the whole start-up) to the cache now, not only at a clean exit:
 * a till is often switched off rather than closed. A failure to write is no failure of the till.
 */
export function flushCompileCache(): void {
  try {
    if (typeof module.flushCompileCache === 'function') module.flushCompileCache();
  } catch {
    // No cache this time; the next start compiles as if there were none.
  }
}

/** After the start-up, once the first requests have been served (and loaded what they need): flush. */
export const COMPILE_CACHE_FLUSH_DELAY_MS = 5_000;

export function flushCompileCacheSoon(): void {
  setTimeout(flushCompileCache, COMPILE_CACHE_FLUSH_DELAY_MS).unref();
}
