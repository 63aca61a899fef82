import { readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { hostBundleOptions, hostEntryOptions, OUTSIDE_THE_BUNDLE, packagesIn, sourcesIn } from '../scripts/bundle-host.js';

/**
 * The house's rules (docs/architecture.md), checked on the code as it stands: no import cycles,
 * SQL only in the ledger, no test code in the build nor in the hosts' bundles.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const relative = (file: string) => path.relative(root, file).split(path.sep).join('/');

function parsedConfig(name: string): ts.ParsedCommandLine {
  const parsed = ts.getParsedCommandLineOfConfigFile(path.join(root, name), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  });
  if (!parsed) throw new Error(`${name} could not be read`);
  return parsed;
}

const config = parsedConfig('tsconfig.json');
const LAYERS = /^(main|shared|renderer)\//;
const sourceFiles = config.fileNames.filter((file) => LAYERS.test(relative(file)));

/** file -> the files of this repository it imports, type imports and re-exports included, resolved as TypeScript resolves them. */
function importGraph(files: string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const imported = ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles;
    const targets = new Set<string>();
    for (const { fileName } of imported) {
      const resolved = ts.resolveModuleName(fileName, file, config.options, ts.sys).resolvedModule;
      if (!resolved || resolved.isExternalLibraryImport) continue;
      const target = relative(resolved.resolvedFileName);
      if (!target.startsWith('..') && !target.includes('node_modules/')) targets.add(target);
    }
    graph.set(relative(file), [...targets]);
  }
  return graph;
}

/** The strongly connected components with more than one file, or a file importing itself (Tarjan). */
function importCycles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const lowOf = (file: string) => low.get(file) ?? Number.POSITIVE_INFINITY;
  const visit = (file: string) => {
    index.set(file, counter);
    low.set(file, counter);
    counter += 1;
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(lowOf(file), lowOf(next)));
      } else if (onStack.has(next)) low.set(file, Math.min(lowOf(file), index.get(next) ?? Number.POSITIVE_INFINITY));
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    for (let member = stack.pop(); member !== undefined; member = stack.pop()) {
      onStack.delete(member);
      component.push(member);
      if (member === file) break;
    }
    if (component.length > 1 || (graph.get(file) ?? []).includes(file)) cycles.push(component.sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return cycles;
}

const SQL_TEXT = /\b(SELECT\b[\s\S]*\bFROM|INSERT\s+(OR\s+\w+\s+)?INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+(TABLE|INDEX|UNIQUE)|PRAGMA\s+\w+)\b/;
const DATABASE_CALLS = new Set(['prepare', 'transaction', 'pragma']);

/** Lines of a file that hold SQL text or call the database handle directly. */
function sqlLines(file: string): number[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const lines = new Set<number>();
  const mark = (node: ts.Node) => lines.add(source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1);
  const walk = (node: ts.Node) => {
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && SQL_TEXT.test(node.text)) mark(node);
    if (ts.isTemplateExpression(node) && SQL_TEXT.test([node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' '))) mark(node);
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && DATABASE_CALLS.has(node.expression.name.text)) mark(node);
    ts.forEachChild(node, walk);
  };
  walk(source);
  return [...lines].sort((a, b) => a - b);
}

const isTestCode = (file: string) => /\.test\.tsx?$/.test(file) || file.includes('/testing/');

/**
 * Groups of files that Windows cannot tell apart: the same folder and the same name once the
 * extension is dropped and case ignored (`Keypad.tsx` and `keypad.ts`: an import of `./Keypad.js`
 * finds `keypad.ts` first on a case-insensitive disk, so the app builds on Linux and not on a till).
 */
function caseTwins(files: string[]): string[][] {
  const byKey = new Map<string, string[]>();
  for (const file of files) {
    const key = file.replace(/\.[cm]?[jt]sx?$/, '').toLowerCase();
    byKey.set(key, [...(byKey.get(key) ?? []), file]);
  }
  return [...byKey.values()].filter((group) => group.length > 1);
}

describe('the house', () => {
  it('has no import cycle in main/, shared/ or renderer/ (type imports count)', () => {
    const graph = importGraph(sourceFiles);
    const arrows = [...graph.values()].reduce((sum, targets) => sum + targets.length, 0);
    // The graph was really read: hundreds of files and arrows, the core's imports among them.
    expect(graph.size).toBeGreaterThan(200);
    expect(arrows).toBeGreaterThan(400);
    expect(graph.get('main/headless-host.ts')).toContain('main/core/create-core.ts');
    expect(graph.get('main/headless.ts')).toContain('main/headless-host.ts');
    expect(importCycles(graph)).toEqual([]);
  });

  it('finds a cycle when there is one, type imports included', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts', 'd.ts']],
    ]);
    expect(importCycles(graph)).toEqual([['a.ts', 'b.ts', 'c.ts'], ['d.ts']]);
    const file = path.join(root, 'main/core/create-core.ts');
    expect(ts.preProcessFile("import type { X } from './x.js';\nexport type { Y } from './y.js';", true, true).importedFiles.map((i) => i.fileName)).toEqual(['./x.js', './y.js']);
    expect(importGraph([file]).get('main/core/create-core.ts')).toContain('main/core/till-activity.ts');
  });

  it('keeps SQL in main/core/ledger/', () => {
    const outside = sourceFiles
      .filter((file) => !isTestCode(relative(file)) && !relative(file).startsWith('main/core/ledger/'))
      .flatMap((file) => sqlLines(file).map((line) => `${relative(file)}:${line}`));
    expect(outside).toEqual([]);
  });

  it('sees SQL where it is: the ledger has statements the check recognises', () => {
    const ledger = sourceFiles.filter((file) => relative(file).startsWith('main/core/ledger/') && !isTestCode(relative(file)));
    expect(ledger.filter((file) => sqlLines(file).length > 0).length).toBeGreaterThan(5);
  });

  it('has no two files Windows would take for one (same folder, same name but for case and extension)', () => {
    const everyFile = config.fileNames.map(relative);
    expect(everyFile.length).toBeGreaterThan(200);
    expect(caseTwins(everyFile)).toEqual([]);
    expect(caseTwins(['r/waiter-cash/Keypad.tsx', 'r/waiter-cash/keypad.ts', 'r/waiter-cash/keypad.test.ts', 'r/other/keypad.ts'])).toEqual([['r/waiter-cash/Keypad.tsx', 'r/waiter-cash/keypad.ts']]);
  });

  it('builds no test code into dist/', () => {
    // What tsc -p tsconfig.build.json emits: the files it includes and every file of ours they import.
    const build = parsedConfig('tsconfig.build.json');
    const built = new Set(build.fileNames.map(relative));
    const graph = importGraph(build.fileNames);
    for (let grew = true; grew; ) {
      grew = false;
      for (const targets of [...graph.values()]) {
        for (const target of targets) {
          if (built.has(target)) continue;
          built.add(target);
          for (const [file, imports] of importGraph([path.join(root, target)])) graph.set(file, imports);
          grew = true;
        }
      }
    }
    expect(built).toContain('main/core/create-core.ts');
    expect([...built].filter(isTestCode)).toEqual([]);
    const importsTestTools = [...built].filter((file) =>
      ts.preProcessFile(readFileSync(path.join(root, file), 'utf8'), true, true).importedFiles.some((i) => /^(vitest|@playwright\/test|fast-check)$/.test(i.fileName)),
    );
    expect(importsTestTools).toEqual([]);
  });

  it('bundles no test code into the hosts (scripts/bundle-host.ts), nor a test tool', { timeout: 60_000 }, async () => {
    // The bundles as `npm run build` makes them, in memory.
    const [hosts, entries] = await Promise.all([build({ ...hostBundleOptions(), write: false }), build({ ...hostEntryOptions(), write: false })]);
    const sources = [...sourcesIn(hosts.metafile), ...sourcesIn(entries.metafile)];
    expect(sources).toContain('main/core/create-core.ts');
    expect(sources).toContain('main/electron/desktop-app.ts');
    expect(sources.filter(isTestCode)).toEqual([]);
    const packages = packagesIn(hosts.metafile);
    expect(packages).toEqual(expect.arrayContaining(['koa', 'zod', 'pino']));
    expect(packages.filter((name) => /^(vitest|@vitest\/.*|@playwright\/test|playwright|fast-check|tsx)$/.test(name))).toEqual([]);
    // Native and provided modules stay outside; the entries hold only the compile cache's switch.
    expect(packages).not.toContain('better-sqlite3');
    expect(sourcesIn(entries.metafile).sort()).toEqual(['main/compile-cache.ts', 'main/electron/main.ts', 'main/headless.ts']);
    expect(packagesIn(entries.metafile)).toEqual([]);
    // One MIME table, not two.
    expect(Object.keys(hosts.metafile.inputs).filter((input) => input.endsWith('mime-db/db.json'))).toEqual(['node_modules/mime-db/db.json']);
  });

  it('keeps the hosts\' bundles ASCII: one Cyrillic letter (esbuild escapes strings, not regex literals) makes V8 hold the whole source as two-byte text, 1.2 MiB more', { timeout: 60_000 }, async () => {
    const hosts = await build({ ...hostBundleOptions(), write: false });
    const bundles = hosts.outputFiles.filter((file) => file.path.endsWith('.cjs'));
    expect(bundles.map((file) => path.relative(root, file.path)).sort()).toEqual(['dist/main/electron/desktop-app.cjs', 'dist/main/headless-host.cjs']);
    const notAscii = bundles.flatMap((file) => {
      const at = file.text.search(/[^\t\n\r\x20-\x7e]/);
      return at < 0 ? [] : [`${path.relative(root, file.path)}: …${file.text.slice(Math.max(0, at - 60), at + 20)}…`];
    });
    expect(notAscii).toEqual([]);
  });

  it('packs as production dependencies only what the bundles load from outside (electron-builder adds every one to the installer)', { timeout: 60_000 }, async () => {
    const hosts = await build({ ...hostBundleOptions(), write: false });
    const fromOutside = new Set(
      Object.values(hosts.metafile.outputs)
        .flatMap((output) => output.imports)
        .filter((imported) => imported.external && !isBuiltin(imported.path))
        .map((imported) => imported.path),
    );
    expect([...fromOutside].sort()).toEqual([...OUTSIDE_THE_BUNDLE].sort());
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    // Electron provides itself; koa, zod, pino … are inside the bundle, so devDependencies like React.
    expect(Object.keys(pkg.dependencies).sort()).toEqual(OUTSIDE_THE_BUNDLE.filter((name) => name !== 'electron').sort());
  });
});
