/**
 * What `npm start` does when the Electron process it launched ends: pass its exit code on, count a
 * death by signal as a failure (a crash is SIGTRAP or SIGSEGV, never success), and on Linux tell
 * Chromium's sandbox failing to start from anything else.
 */

/** Chromium's own words when its Linux sandbox cannot start (SUID helper not set up, or user namespaces blocked by AppArmor). */
const SANDBOX_FAILURE = [/The SUID sandbox helper binary was found, but is not configured correctly/, /No usable sandbox!/];

export function sandboxFailed(stderr: string): boolean {
  return SANDBOX_FAILURE.some((pattern) => pattern.test(stderr));
}

export const NO_SANDBOX_FLAG = '--no-sandbox';

export type AfterElectron =
  | { action: 'exit'; code: number; message: string | null }
  | { action: 'retry'; extraArgs: string[]; message: string };

export interface ElectronEnd {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** The end of what Electron wrote to stderr (it is shown to the user as it comes, too). */
  stderr: string;
  platform: NodeJS.Platform;
  /** Whether this run already had --no-sandbox. */
  withoutSandbox: boolean;
  /** Signal numbers by name (os.constants.signals), for the shell's 128 + n convention. */
  signals: Readonly<Partial<Record<NodeJS.Signals, number>>>;
}

/**
 * `npm start` runs the app from the repository only (never the installed app), so retrying without
 * Chromium's sandbox there is a developer's convenience; the message says so.
 */
export function afterElectron(end: ElectronEnd): AfterElectron {
  if (end.platform === 'linux' && sandboxFailed(end.stderr)) {
    if (!end.withoutSandbox) {
      return {
        action: 'retry',
        extraArgs: [NO_SANDBOX_FLAG],
        message:
          "Chromium's sandbox could not start on this Linux: on Ubuntu 24.04 and later, AppArmor forbids the user namespaces it needs " +
          'to programs without a profile, and node_modules/electron/dist/chrome-sandbox is not owned by root with mode 4755. ' +
          `Starting again with ${NO_SANDBOX_FLAG}: acceptable for this run from the repository only; the installed app keeps its sandbox (see docs/desktop-app.md).`,
      };
    }
    return { action: 'exit', code: 1, message: `Electron could not start even with ${NO_SANDBOX_FLAG}: see its output above. GMB_HEADLESS=1 npm start runs the till without the window.` };
  }
  if (end.signal !== null) {
    const code = 128 + (end.signals[end.signal] ?? 0);
    return {
      action: 'exit',
      code,
      message: `Electron stopped on signal ${end.signal} (it crashed or was killed): the desktop app is not running. Its output above says why; GMB_HEADLESS=1 npm start runs the till without the window.`,
    };
  }
  return { action: 'exit', code: end.code ?? 1, message: null };
}
