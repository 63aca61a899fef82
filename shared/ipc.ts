import { z } from 'zod';
import type { UpdateState } from './update-state.js';

/**
 * The desktop shell's IPC: only shell actions travel here (windows, notification pause, autostart,
 * clipboard, version, updates). Till data never does: the renderer reads it over HTTP + SSE in Electron and
 * in a browser alike. Each channel names the bridge method that calls it, so the bridge the preload
 * exposes is derived from this one map and cannot drift from what the main process handles.
 */
export interface ShellChannels {
  'shell:open-settings-window': { method: 'openSettingsWindow'; args: []; result: undefined };
  'shell:get-notifications-paused': { method: 'getNotificationsPaused'; args: []; result: boolean };
  'shell:set-notifications-paused': { method: 'setNotificationsPaused'; args: [paused: boolean]; result: boolean };
  'shell:get-autostart': { method: 'getAutostart'; args: []; result: boolean };
  'shell:set-autostart': { method: 'setAutostart'; args: [enabled: boolean]; result: boolean };
  'shell:copy-text': { method: 'copyText'; args: [text: string]; result: undefined };
  'shell:app-version': { method: 'appVersion'; args: []; result: string };
  'shell:update-state': { method: 'updateState'; args: []; result: UpdateState };
  /** The manager's word: install the downloaded update now (the app restarts); false when none is ready. */
  'shell:install-update': { method: 'installUpdate'; args: []; result: boolean };
}

export type ShellChannel = keyof ShellChannels;
export type ShellArgs<C extends ShellChannel> = ShellChannels[C]['args'];
export type ShellResult<C extends ShellChannel> = ShellChannels[C]['result'];

/**
 * What `window.tillShell` offers the dashboard inside the desktop app. In a plain browser it is
 * absent, so the renderer checks `window.tillShell` before offering desktop-only controls.
 */
export type TillShellBridge = {
  [C in ShellChannel as ShellChannels[C]['method']]: (...args: ShellArgs<C>) => Promise<ShellResult<C>>;
};

export const TILL_SHELL_GLOBAL = 'tillShell';

/** The longest text the dashboard may put on the clipboard: a Server Address or an order id, not a dump. */
export const MAX_CLIPBOARD_TEXT = 2_000;

/**
 * What each channel accepts, checked in the main process: a compromised or buggy page can send
 * anything, and a wrong type must be refused rather than reach the OS.
 */
export const SHELL_CHANNEL_ARGS: { [C in ShellChannel]: z.ZodType<ShellArgs<C>> } = {
  'shell:open-settings-window': z.tuple([]),
  'shell:get-notifications-paused': z.tuple([]),
  'shell:set-notifications-paused': z.tuple([z.boolean()]),
  'shell:get-autostart': z.tuple([]),
  'shell:set-autostart': z.tuple([z.boolean()]),
  'shell:copy-text': z.tuple([z.string().max(MAX_CLIPBOARD_TEXT)]),
  'shell:app-version': z.tuple([]),
  'shell:update-state': z.tuple([]),
  'shell:install-update': z.tuple([]),
};

export const SHELL_CHANNELS = Object.keys(SHELL_CHANNEL_ARGS) as ShellChannel[];

export function isShellChannel(name: string): name is ShellChannel {
  return Object.hasOwn(SHELL_CHANNEL_ARGS, name);
}

declare global {
  interface Window {
    /** Present only inside the desktop app (the preload's bridge). */
    tillShell?: TillShellBridge;
  }
}
