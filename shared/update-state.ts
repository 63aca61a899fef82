/**
 * The installed desktop app's updates as the tray and the setup screen show them (issue 18). The
 * main process keeps it (main/electron/till-updater.ts); the setup screen asks for it over the shell
 * bridge (`tillShell.updateState()`), so a browser on the LAN never sees it.
 */
export const UPDATE_FAILURE_STAGES = ['check', 'download', 'verify'] as const;
/** check: the update folder did not answer; download: the download broke off; verify: the sha512 or the signature did not match, so the file was refused. */
export type UpdateFailureStage = (typeof UPDATE_FAILURE_STAGES)[number];

export type UpdateState =
  /** No update folder in the settings, or `npm start` (nothing installed to update). */
  | { kind: 'off'; reason: 'no-url' | 'not-installed' }
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'up-to-date'; checkedAt: string }
  | { kind: 'downloading'; version: string; percent: number }
  /** Downloaded and verified: installed when the manager says so, or at the next quit. */
  | { kind: 'downloaded'; version: string }
  | { kind: 'failed'; stage: UpdateFailureStage; version: string | null; at: string };
