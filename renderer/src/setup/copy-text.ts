import type { TillShellBridge } from '../../../shared/ipc.js';

export interface CopyWays {
  /** The desktop app's bridge (`window.tillShell`): its permission handler denies the browser's clipboard. */
  shell: Pick<TillShellBridge, 'copyText'> | undefined;
  /** The browser's clipboard API: present only in secure contexts (localhost, https). */
  clipboard: Pick<Clipboard, 'writeText'> | undefined;
  /** The last resort over plain HTTP from the LAN: select the text and copy the selection. */
  copySelection: () => void;
}

export type CopiedBy = 'shell' | 'clipboard' | 'selection';

/** Copies a Server Address the way this host allows: the shell's bridge, else the clipboard API, else the selection. */
export async function copyText(text: string, ways: CopyWays): Promise<CopiedBy> {
  if (ways.shell) {
    await ways.shell.copyText(text);
    return 'shell';
  }
  if (ways.clipboard) {
    await ways.clipboard.writeText(text);
    return 'clipboard';
  }
  ways.copySelection();
  return 'selection';
}
