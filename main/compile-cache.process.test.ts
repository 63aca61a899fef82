import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listeningUrl } from '../bench/child-server.js';
import { hostBundleOptions, hostEntryOptions } from '../scripts/bundle-host.js';

/**
 * The built headless host (its entry and bundle as `npm run build:host` makes them, here in a
 * folder of its own) with its compile cache: the first start leaves cache files, the next one uses
 * them, and a damaged or impossible cache folder never stops a start. Node tells what its cache
 * does on stderr with NODE_DEBUG_NATIVE=COMPILE_CACHE.
 */
const root = path.resolve(import.meta.dirname, '..');
let app = '';
const folders: string[] = [];
const folder = (name: string) => {
  const dir = mkdtempSync(path.join(tmpdir(), `gmb-${name}-`));
  folders.push(dir);
  return dir;
};

beforeAll(async () => {
  app = folder('built-host');
  await build({ ...hostBundleOptions(), outdir: path.join(app, 'dist') });
  await build({ ...hostEntryOptions(), outdir: path.join(app, 'dist') });
  copyFileSync(path.join(root, 'package.json'), path.join(app, 'package.json'));
  symlinkSync(path.join(root, 'node_modules'), path.join(app, 'node_modules'), 'dir');
}, 60_000);
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

/** Starts the built host, checks a guest in (204), stops it with SIGTERM; returns what it printed. */
async function startCheckInStop(cacheDir: string, dataDir: string): Promise<string> {
  const child = spawn(process.execPath, [path.join(app, 'dist', 'main', 'headless.js'), '--host', '127.0.0.1', '--port', '0', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, GMB_COMPILE_CACHE_DIR: cacheDir, NODE_DEBUG_NATIVE: 'COMPILE_CACHE' },
  });
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const { url } = await listeningUrl(child, 'the built host');
  const answer = await fetch(`${url}/GetMeBack/orders/3f0e9a52-6d1b-4b8e-9a47-2b8f1c0d9e10/checkin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ Value: 'GMB-G-1001', WaiterPin: '1111' }),
  });
  expect(answer.status).toBe(204);
  const code = await new Promise<number | null>((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
  expect(code).toBe(0);
  return output;
}

const cacheFiles = (dir: string): string[] => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) => statSync(path.join(dir, file)).isFile());
const BUNDLE = /CommonJS \S*headless-host\.cjs/;
const linesOfBundle = (output: string) => output.split('\n').filter((line) => BUNDLE.test(line));

describe('the built host’s compile cache', { timeout: 90_000 }, () => {
  it('is left by the first start and used by the second', async () => {
    const cache = folder('cache');
    const data = folder('data');
    const first = await startCheckInStop(cache, data);
    expect(linesOfBundle(first).join('\n')).toMatch(/writing cache .*success/);
    expect(cacheFiles(cache).length).toBeGreaterThan(0);
    const second = await startCheckInStop(cache, data);
    expect(linesOfBundle(second).join('\n')).toMatch(/was accepted/);
  });

  it('does not stop a start when its files are damaged, or when its folder cannot be made', async () => {
    const cache = folder('cache');
    const data = folder('data');
    await startCheckInStop(cache, data);
    const files = cacheFiles(cache);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) writeFileSync(path.join(cache, file), 'not a code cache');
    const damaged = await startCheckInStop(cache, data);
    expect(linesOfBundle(damaged).join('\n')).not.toMatch(/was accepted/);

    // A file where the folder should be: no cache at all, the till starts all the same.
    const notAFolder = path.join(folder('cache-file'), 'compile-cache');
    writeFileSync(notAFolder, '');
    await startCheckInStop(notAFolder, data);
  });
});
