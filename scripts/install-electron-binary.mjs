// Electron's own install script downloads its binary from GitHub. npm 11 blocks it (see
// "allowScripts" in package.json) so that `npm ci` succeeds on machines that cannot reach GitHub.
// Here we run that same script ourselves, and treat a failed download as "no desktop shell on
// this machine" rather than as a failed install: the app then runs headless (see scripts/start.mjs).
// What happened is recorded in node_modules/.cache/getmeback-till/electron-download.json, so
// `npm start` can say why (main/launcher/electron-download.ts reads it).
//
// During `npm ci` (postinstall) the download gets 120 s; run by hand it has no time limit:
//   node scripts/install-electron-binary.mjs
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const recordFile = path.join(root, 'node_modules/.cache/getmeback-till/electron-download.json');
const record = (outcome) => {
  try {
    mkdirSync(path.dirname(recordFile), { recursive: true });
    writeFileSync(recordFile, `${JSON.stringify({ ...outcome, at: new Date().toISOString() })}\n`);
  } catch {
    // The record only improves `npm start`'s message; an install never fails for it.
  }
};

const require = createRequire(import.meta.url);
let electronDir;
try {
  electronDir = path.dirname(require.resolve('electron/package.json'));
} catch {
  process.exit(0); // electron is a devDependency: absent in a production-only install
}
if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  record({ outcome: 'skipped' });
  console.log('[getmeback-till] ELECTRON_SKIP_BINARY_DOWNLOAD is set: the desktop shell is not installed.');
  process.exit(0);
}
if (existsSync(path.join(electronDir, 'path.txt'))) {
  record({ outcome: 'installed' });
  process.exit(0);
}

const duringInstall = process.env.npm_lifecycle_event === 'postinstall';
const timeoutSeconds = duringInstall ? 120 : 0;
if (!duringInstall) console.log('[getmeback-till] Downloading Electron’s binary (no time limit; Ctrl+C stops it)…');
const result = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], {
  encoding: 'utf8',
  stdio: duringInstall ? 'pipe' : ['ignore', 'inherit', 'pipe'],
  ...(timeoutSeconds ? { timeout: timeoutSeconds * 1000 } : {}),
});
if (result.status === 0 && existsSync(path.join(electronDir, 'path.txt'))) {
  record({ outcome: 'installed' });
  console.log('[getmeback-till] Electron binary installed: `npm start` opens the desktop app.');
} else if (result.error?.code === 'ETIMEDOUT') {
  record({ outcome: 'timed-out', seconds: timeoutSeconds });
  console.log(
    `[getmeback-till] Electron's binary did not finish downloading within ${timeoutSeconds} s (a slow connection). ` +
      'Nothing else is affected. To finish it: `node scripts/install-electron-binary.mjs` (no time limit), then `npm start`.',
  );
} else {
  const detail = (`${result.stderr ?? ''}`.split('\n').find((line) => line.trim()) ?? result.error?.message ?? `exit code ${result.status}`).trim();
  record({ outcome: 'failed', detail: detail.slice(0, 300) });
  console.log(
    `[getmeback-till] Electron binary could not be downloaded on this machine (${detail}). ` +
      'Nothing else is affected: `npm start` runs the same server and dashboard headless.',
  );
  if (!duringInstall) process.exitCode = 1;
}
