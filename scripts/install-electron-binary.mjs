// Electron's own install script downloads its binary from GitHub. npm 11 blocks it (see
// "allowScripts" in package.json) so that `npm ci` succeeds on machines that cannot reach GitHub.
// Here we run that same script ourselves, and treat a failed download as "no desktop shell on
// this machine" rather than as a failed install: the app then runs headless (see scripts/start.mjs).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import path from 'node:path';

const require = createRequire(import.meta.url);
let electronDir;
try {
  electronDir = path.dirname(require.resolve('electron/package.json'));
} catch {
  process.exit(0); // electron is a devDependency: absent in a production-only install
}
if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  console.log('[getmeback-till] ELECTRON_SKIP_BINARY_DOWNLOAD is set: the desktop shell is not installed.');
  process.exit(0);
}
if (existsSync(path.join(electronDir, 'path.txt'))) process.exit(0);

const result = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], {
  encoding: 'utf8',
  timeout: 120_000,
});
if (result.status === 0 && existsSync(path.join(electronDir, 'path.txt'))) {
  console.log('[getmeback-till] Electron binary installed: `npm start` opens the desktop app.');
} else {
  const reason = `${result.stderr ?? ''}`.split('\n').find((line) => line.trim()) ?? 'timed out';
  console.log(
    `[getmeback-till] Electron binary could not be downloaded on this machine (${reason.trim()}). ` +
      'Nothing else is affected: `npm start` runs the same server and dashboard headless.',
  );
}
