/**
 * What `npm start` runs: the desktop app where Electron's binary is installed and a display is there
 * to show it; otherwise the same core headless, with a plain explanation why.
 */
export type HostChoice = { host: 'electron' } | { host: 'headless'; reason: string };

export function chooseHost(machine: {
  electronBinaryInstalled: boolean;
  platform: NodeJS.Platform;
  display: string | undefined;
  waylandDisplay: string | undefined;
  forceHeadless: boolean;
}): HostChoice {
  if (machine.forceHeadless) return { host: 'headless', reason: 'GMB_HEADLESS=1 asks for the headless host' };
  if (!machine.electronBinaryInstalled) {
    return {
      host: 'headless',
      reason: "Electron's binary is not installed on this machine (its download from GitHub failed or was skipped during npm ci)",
    };
  }
  if (machine.platform === 'linux' && !machine.display && !machine.waylandDisplay) {
    return { host: 'headless', reason: 'there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set) to show the desktop window on' };
  }
  return { host: 'electron' };
}
