import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { SHELL_CHANNELS, type ShellArgs, type ShellChannel, type ShellResult } from '../../shared/ipc.js';
import type { Logger } from '../core/logger.js';
import { checkShellCall } from './ipc-guard.js';

/** One handler per channel of the map: a channel without a handler does not compile. */
export type ShellHandlers = {
  [C in ShellChannel]: (...args: ShellArgs<C>) => ShellResult<C> | Promise<ShellResult<C>>;
};

/** Registers the shell's channels; each call is checked (sender, arguments) before its handler runs. */
export function registerShellIpc(handlers: ShellHandlers, origin: () => string | null, logger: Logger): void {
  for (const channel of SHELL_CHANNELS) handle(channel, handlers[channel], origin, logger);
}

function handle<C extends ShellChannel>(channel: C, handler: ShellHandlers[C], origin: () => string | null, logger: Logger): void {
  ipcMain.handle(channel, (event: IpcMainInvokeEvent, ...args: unknown[]) => {
    const frame = event.senderFrame;
    const check = checkShellCall(channel, { frameUrl: frame?.url, isMainFrame: frame !== null && frame.parent === null }, args, origin());
    if (!check.ok) {
      logger.warn({ channel, reason: check.reason }, 'shell IPC call refused');
      throw new Error('refused');
    }
    return (handler as (...valid: ShellArgs<C>) => ShellResult<C> | Promise<ShellResult<C>>)(...check.args);
  });
}
