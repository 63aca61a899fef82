// The e2e host entry of the desktop app (never packed: electron-builder takes dist/** only).
// e2e/electron.spec.ts starts Electron on a throw-away app folder whose package.json points here:
// it listens for the shell's running parts, then loads the real main process, unchanged.
import { onShellStarted } from '../../dist/main/electron/shell-started.js';

onShellStarted((parts) => {
  Object.assign(globalThis, {
    tillShellTest: {
      tray: () => parts.tray.model,
      server: () => parts.server.state,
      settingsFile: () => parts.core.settings.location,
      windowUrls: () => parts.windows.all().map((window) => window.webContents.getURL()),
    },
  });
});

await import('../../dist/main/electron/main.js');
