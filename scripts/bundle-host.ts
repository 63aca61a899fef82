import { build, type BuildOptions, type Metafile, type Plugin } from 'esbuild';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The host's main-process code as one file per host (issue 19: cold start): loading hundreds of
 * ES modules of dist/ and of koa, zod, pino … was most of a start. `npm run build` first type-checks
 * and emits dist/ with `tsc -p tsconfig.build.json` (scripts/start.mjs and the e2e take small modules
 * from it), then this writes into it:
 *   dist/main/headless-host.cjs          ← main/headless-host.ts, the whole headless host
 *   dist/main/electron/desktop-app.cjs   ← main/electron/desktop-app.ts, the whole desktop app
 *   dist/main/headless.js, dist/main/electron/main.js  ← their tiny entries, which turn on the compile
 *     cache (main/compile-cache.ts) and then load the bundle — so the bundle is read with the cache on.
 * with source maps beside them. The bundles are CommonJS: Node's own modules are then require()d,
 * not imported — an `import` of node:http builds an ES module facade of all its exports, which
 * loads the fetch implementation (undici) that the till never uses at start.
 * better-sqlite3 (a native addon, unpacked from app.asar) and electron (provided by Electron) stay
 * outside; so does electron-updater, which electron-builder packs as a dependency.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Entry → its bundle (without extension, under dist/). */
export const HOST_BUNDLES = {
  'main/headless-host': 'main/headless-host.ts',
  'main/electron/desktop-app': 'main/electron/desktop-app.ts',
} as const;

export const HOST_ENTRIES = {
  'main/headless': 'main/headless.ts',
  'main/electron/main': 'main/electron/main.ts',
} as const;

export const OUTSIDE_THE_BUNDLE = ['better-sqlite3', 'electron', 'electron-updater'];

const shared: BuildOptions = {
  absWorkingDir: root,
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node22',
  sourcemap: true,
  logLevel: 'warning',
};

export function hostBundleOptions(): BuildOptions & { metafile: true } {
  return {
    ...shared,
    entryPoints: HOST_BUNDLES,
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    external: OUTSIDE_THE_BUNDLE,
    // import.meta.url of the sources (the package root, the preload next to the app) is the bundle's own URL.
    banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
    define: { 'import.meta.url': '__bundleUrl' },
    // Two copies of the MIME table were bundled (accepts' mime-types 2 pulls mime-db 1.52, koa's
    // mime-types 3 mime-db 1.54): one table, the newer, is read at start instead of two.
    alias: { 'mime-db': path.join(root, 'node_modules', 'mime-db') },
    // Whitespace and syntax only: names stay, so a stack trace in the log still reads.
    minifyWhitespace: true,
    minifySyntax: true,
    plugins: [jsonAsJsonParse],
    metafile: true,
  };
}

/**
 * A package's JSON (mime-db's table of every MIME type, above all) as `JSON.parse('…')` rather than
 * the object literal esbuild makes of it: V8 reads JSON text much faster than it runs an object
 * literal of thousands of entries.
 */
const jsonAsJsonParse: Plugin = {
  name: 'json-as-json-parse',
  setup(plugin) {
    plugin.onLoad({ filter: /node_modules[\\/].*\.json$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      return { contents: `module.exports = JSON.parse(${JSON.stringify(JSON.stringify(JSON.parse(text)))});`, loader: 'js' };
    });
  },
};

/** The entries load `./<bundle>.cjs` where their sources import `./<bundle>.js` (tsx runs the sources). */
const bundleOfEntry: Plugin = {
  name: 'bundle-of-entry',
  setup(plugin) {
    plugin.onResolve({ filter: /^\.\/(headless-host|desktop-app)\.js$/ }, (args) => ({ path: args.path.replace(/\.js$/, '.cjs'), external: true }));
  },
};

export function hostEntryOptions(): BuildOptions & { metafile: true } {
  return { ...shared, entryPoints: HOST_ENTRIES, format: 'esm', plugins: [bundleOfEntry], metafile: true };
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
  for (const options of [hostBundleOptions(), hostEntryOptions()]) {
    const result = await build(options);
    for (const [file, output] of Object.entries(result.metafile.outputs)) {
      if (!file.endsWith('.map')) console.log(`${file}: ${Math.round(output.bytes / 1024)} KiB, ${Object.keys(output.inputs).length} modules`);
    }
  }
}
