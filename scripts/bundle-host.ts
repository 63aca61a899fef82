import { build, type BuildOptions, type Metafile } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The host's main-process code as one file per host (issue 19: cold start): loading hundreds of
 * ES modules of dist/ and of koa, zod, pino … was most of a start. `npm run build` first type-checks
 * and emits dist/ with `tsc -p tsconfig.build.json` (scripts/start.mjs and the e2e take small modules
 * from it), then this replaces the two hosts' code in it with their bundles:
 *   dist/main/headless-host.js          ← main/headless-host.ts (loaded by dist/main/headless.js)
 *   dist/main/electron/desktop-app.js   ← main/electron/desktop-app.ts (loaded by dist/main/electron/main.js)
 * with source maps beside them. The entries stay tiny tsc files: they turn on the compile cache
 * before the bundle is read (main/compile-cache.ts). better-sqlite3 (a native addon, unpacked from
 * app.asar) and electron (provided by Electron) stay outside; so does electron-updater, which
 * electron-builder packs as a dependency and which reads its own files next to it.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const HOST_BUNDLES = {
  'main/headless-host': 'main/headless-host.ts',
  'main/electron/desktop-app': 'main/electron/desktop-app.ts',
} as const;

export const OUTSIDE_THE_BUNDLE = ['better-sqlite3', 'electron', 'electron-updater'];

export function hostBundleOptions(): BuildOptions & { metafile: true } {
  return {
    absWorkingDir: root,
    entryPoints: HOST_BUNDLES,
    outdir: 'dist',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    sourcemap: true,
    external: OUTSIDE_THE_BUNDLE,
    // The CommonJS packages inside (koa, pino …) call require() for Node's own modules.
    banner: { js: "import { createRequire as __tillCreateRequire } from 'node:module'; const require = __tillCreateRequire(import.meta.url);" },
    metafile: true,
    logLevel: 'warning',
  };
}

/** The repository's files in a bundle (what the house rules check: no test code). */
export function sourcesIn(metafile: Metafile): string[] {
  return Object.keys(metafile.inputs).filter((input) => !input.includes('node_modules/'));
}

/** The packages in a bundle, by name. */
export function packagesIn(metafile: Metafile): string[] {
  const names = new Set<string>();
  for (const input of Object.keys(metafile.inputs)) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match?.[1]) names.add(match[1]);
  }
  return [...names].sort();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await build(hostBundleOptions());
  for (const [file, output] of Object.entries(result.metafile.outputs)) {
    if (file.endsWith('.js')) console.log(`${file}: ${Math.round(output.bytes / 1024)} KiB, ${Object.keys(output.inputs).length} modules`);
  }
}
