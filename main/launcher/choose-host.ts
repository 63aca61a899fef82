/**
 * What `npm start` runs: the desktop app where Electron's binary is installed and a display is there
 * to show it; otherwise the same core headless, with a plain explanation why.
 */
import { missingBinaryReason, type ElectronDownload } from './electron-download.js';

export type HostChoice = { host: 'electron' } | { host: 'headless'; reason: string };

export function chooseHost(machine: {
  electronBinaryInstalled: boolean;
  /** What npm ci's download of the binary recorded, if anything: a timeout is told as a timeout. */
  electronDownload?: ElectronDownload | null;
  platform: NodeJS.Platform;
  display: string | undefined;
  waylandDisplay: string | undefined;
  forceHeadless: boolean;
}): HostChoice {
  if (machine.forceHeadless) return { host: 'headless', reason: 'GMB_HEADLESS=1 asks for the headless host' };
  if (!machine.electronBinaryInstalled) return { host: 'headless', reason: missingBinaryReason(machine.electronDownload ?? null) };
  if (machine.platform === 'linux' && !machine.display && !machine.waylandDisplay) {
    return { host: 'headless', reason: 'there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set) to show the desktop window on' };
  }
  return { host: 'electron' };
}
