// `npm start` (after `npm run build`): the desktop app where it can run, else the headless host.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chooseHost } from '../dist/main/launcher/choose-host.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
let electronBinary = null;
try {
  const dir = path.dirname(require.resolve('electron/package.json'));
  if (existsSync(path.join(dir, 'path.txt'))) electronBinary = require('electron');
} catch {
  electronBinary = null;
}

const choice = chooseHost({
  electronBinaryInstalled: electronBinary !== null && existsSync(electronBinary),
  platform: process.platform,
  display: process.env.DISPLAY,
  waylandDisplay: process.env.WAYLAND_DISPLAY,
  forceHeadless: process.env.GMB_HEADLESS === '1',
});

const args = process.argv.slice(2);
let child;
if (choice.host === 'electron') {
  child = spawn(electronBinary, [root, ...args], { stdio: 'inherit' });
} else {
  console.log('');
  console.log('GetMeBack Till runs HEADLESS: without the desktop window and tray icon.');
  console.log(`Why: ${choice.reason}.`);
  console.log('Everything else is the same: the server for iikoWaiter, the loyalty book and the dashboard in a browser.');
  console.log('Касса работает без окна и значка в трее (нет Electron или экрана); сервер и панель в браузере работают как обычно.');
  console.log('');
  child = spawn(process.execPath, [path.join(root, 'dist/main/headless.js'), ...args], { stdio: 'inherit' });
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
