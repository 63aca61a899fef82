/**
 * What `npm ci`'s postinstall (scripts/install-electron-binary.mjs) found when it fetched Electron's
 * binary, as it records it in ELECTRON_DOWNLOAD_RECORD, so `npm start` can say why there is no
 * desktop app instead of guessing.
 */
export const ELECTRON_DOWNLOAD_RECORD = 'node_modules/.cache/getmeback-till/electron-download.json';

export type ElectronDownload =
  | { outcome: 'installed' }
  | { outcome: 'skipped' }
  | { outcome: 'timed-out'; seconds: number }
  | { outcome: 'failed'; detail: string };

/** The record as read from disk: anything unreadable counts as no record at all. */
export function parseElectronDownload(text: string | null): ElectronDownload | null {
  if (text === null) return null;
  try {
    const value = JSON.parse(text) as Partial<{ outcome: string; seconds: unknown; detail: unknown }>;
    switch (value.outcome) {
      case 'installed':
      case 'skipped':
        return { outcome: value.outcome };
      case 'timed-out':
        return { outcome: 'timed-out', seconds: typeof value.seconds === 'number' ? value.seconds : 0 };
      case 'failed':
        return { outcome: 'failed', detail: typeof value.detail === 'string' ? value.detail : 'unknown error' };
      default:
        return null;
    }
  } catch {
    return null;
  }
}

const FINISH = 'node scripts/install-electron-binary.mjs';

/** Why there is no Electron binary, and how to get it, in one sentence for `npm start`. */
export function missingBinaryReason(download: ElectronDownload | null): string {
  switch (download?.outcome) {
    case 'timed-out':
      return (
        `Electron's binary is not installed: its download during npm ci did not finish within ${download.seconds} s (a slow connection, not a missing one). ` +
        `To finish it, run \`${FINISH}\` (no time limit when run by hand), then \`npm start\` again`
      );
    case 'failed':
      return `Electron's binary is not installed: its download from GitHub failed during npm ci (${download.detail}). Where GitHub is reachable, \`${FINISH}\` installs it`;
    case 'skipped':
      return "Electron's binary is not installed: ELECTRON_SKIP_BINARY_DOWNLOAD was set during npm ci";
    default:
      return `Electron's binary is not installed on this machine (its download failed or was skipped during npm ci; \`${FINISH}\` tries again)`;
  }
}
