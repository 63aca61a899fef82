// A sandboxed preload runs as CommonJS and may require only 'electron': the shared channel map is
// imported for its types alone, and the bridge is checked against it with `satisfies`.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS is what a sandboxed preload can run
import electron = require('electron');
import type { ShellArgs, ShellChannel, ShellResult, TILL_SHELL_GLOBAL, TillShellBridge } from '../../shared/ipc.js';

function invoke<C extends ShellChannel>(channel: C, ...args: ShellArgs<C>): Promise<ShellResult<C>> {
  return electron.ipcRenderer.invoke(channel, ...args) as Promise<ShellResult<C>>;
}

const bridge = {
  openSettingsWindow: () => invoke('shell:open-settings-window'),
  getNotificationsPaused: () => invoke('shell:get-notifications-paused'),
  setNotificationsPaused: (paused: boolean) => invoke('shell:set-notifications-paused', paused),
  getAutostart: () => invoke('shell:get-autostart'),
  setAutostart: (enabled: boolean) => invoke('shell:set-autostart', enabled),
  copyText: (text: string) => invoke('shell:copy-text', text),
  appVersion: () => invoke('shell:app-version'),
  updateState: () => invoke('shell:update-state'),
  installUpdate: () => invoke('shell:install-update'),
} satisfies TillShellBridge;

const globalName: typeof TILL_SHELL_GLOBAL = 'tillShell';
electron.contextBridge.exposeInMainWorld(globalName, bridge);
