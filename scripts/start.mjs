// `npm start` (after `npm run build`): the desktop app where it can run, else the headless host.
// Every decision is a pure, tested function in main/launcher/ (built into dist/main/launcher/).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { constants } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chooseHost } from '../dist/main/launcher/choose-host.js';
import { ELECTRON_DOWNLOAD_RECORD, parseElectronDownload } from '../dist/main/launcher/electron-download.js';
import { afterElectron, NO_SANDBOX_FLAG } from '../dist/main/launcher/electron-exit.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
let electronBinary = null;
try {
  const dir = path.dirname(require.resolve('electron/package.json'));
  if (existsSync(path.join(dir, 'path.txt'))) electronBinary = require('electron');
} catch {
  electronBinary = null;
}
const recordFile = path.join(root, ELECTRON_DOWNLOAD_RECORD);

const choice = chooseHost({
  electronBinaryInstalled: electronBinary !== null && existsSync(electronBinary),
  electronDownload: parseElectronDownload(existsSync(recordFile) ? readFileSync(recordFile, 'utf8') : null),
  platform: process.platform,
  display: process.env.DISPLAY,
  waylandDisplay: process.env.WAYLAND_DISPLAY,
  forceHeadless: process.env.GMB_HEADLESS === '1',
});

const args = process.argv.slice(2);
let child = null;
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child?.kill(signal));

if (choice.host === 'electron') runElectron(args);
else runHeadless(choice.reason);

function runElectron(extraArgs) {
  const withoutSandbox = extraArgs.includes(NO_SANDBOX_FLAG);
  // stderr is shown as it comes and its tail kept, to tell a sandbox failure from another crash.
  child = spawn(electronBinary, [root, ...extraArgs], { stdio: ['inherit', 'inherit', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    process.stderr.write(chunk);
    stderr = (stderr + chunk.toString()).slice(-16_384);
  });
  child.on('exit', (code, signal) => {
    const next = afterElectron({ code, signal, stderr, platform: process.platform, withoutSandbox, signals: constants.signals });
    if (next.message) console.error(`\n[getmeback-till] ${next.message}\n`);
    if (next.action === 'retry') runElectron([...extraArgs, ...next.extraArgs]);
    else process.exit(next.code);
  });
}

function runHeadless(reason) {
  console.log('');
  console.log('GetMeBack Till runs HEADLESS: without the desktop window and tray icon.');
  console.log(`Why: ${reason}.`);
  console.log('Everything else is the same: the server for iikoWaiter, the loyalty book and the dashboard in a browser.');
  console.log('GetMeBack Till работает без окна и значка в трее (нет Electron или экрана); сервер и панель в браузере работают как обычно.');
  console.log('');
  child = spawn(process.execPath, [path.join(root, 'dist/main/headless.js'), ...args], { stdio: 'inherit' });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 + (constants.signals[signal] ?? 0) : 1)));
}
