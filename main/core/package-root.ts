import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder of the till's package.json, found upwards from a module: from the sources
 * (main/core/…, tsx and vitest), the type-checked build (dist/main/core/…) and the host bundles
 * (dist/main/headless-host.js, dist/main/electron/desktop-app.js, inside app.asar when packed) alike,
 * whatever depth the code of `moduleUrl` ended up at.
 */
export function packageRootOf(moduleUrl: string, exists: (file: string) => boolean = existsSync): string {
  const start = path.dirname(fileURLToPath(moduleUrl));
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (exists(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${start}`);
  }
}
