import { checkAccountUrl, type AccountUrlVerdict } from '../../shared/settings/cloud-account-url.js';

/**
 * When the till looks for, downloads and installs an update (issue 18; `till-updater.ts` follows it
 * with electron-updater). A till serves waiters all evening: an update is never
 * installed on a timer. It is checked at start and once a day, downloaded in the background, and
 * installed only when the manager says so or at the next quit.
 */
export const CHECK_EVERY_MS = 24 * 60 * 60 * 1000;

export type UpdateTrigger = 'start' | 'timer' | 'manager-install' | 'quit';

export interface UpdateSituation {
  /** The installed app (`app.isPackaged`): `npm start` has no installer to update and never checks. */
  installed: boolean;
  /** The update folder from the settings; empty = updates off. */
  url: string;
  trigger: UpdateTrigger;
  now: number;
  lastCheckAt: number | null;
  /** A check or download is under way. */
  busy: boolean;
  /** The version downloaded and verified (electron-updater checks its sha512 and signature), if any. */
  downloaded: string | null;
}

export type UpdateAction = 'off' | 'check' | 'wait' | 'install-now' | 'install-at-quit';

export function updateAction(situation: UpdateSituation): UpdateAction {
  if (!situation.installed || updateFeed(situation.url).kind !== 'ok') return 'off';
  switch (situation.trigger) {
    case 'quit':
      return situation.downloaded ? 'install-at-quit' : 'wait';
    case 'manager-install':
      return situation.downloaded ? 'install-now' : 'wait';
    case 'start':
      return situation.busy ? 'wait' : 'check';
    case 'timer': {
      if (situation.busy) return 'wait';
      const due = situation.lastCheckAt === null || situation.now - situation.lastCheckAt >= CHECK_EVERY_MS;
      return due ? 'check' : 'wait';
    }
  }
}

export type UpdateFeed = { kind: 'off' } | { kind: 'ok'; url: string } | { kind: 'invalid'; reason: Exclude<AccountUrlVerdict, 'ok'> };

/**
 * The update folder as the setting holds it, checked as the settings schema checks it (https only —
 * a plain-HTTP feed could be swapped on the restaurant's network; http for this machine alone, for
 * tests; no credentials), always ending in '/' so electron-updater finds `latest.yml` inside it.
 */
export function updateFeed(text: string): UpdateFeed {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'off' };
  const verdict = checkAccountUrl(trimmed, { anyHost: true });
  if (verdict !== 'ok') return { kind: 'invalid', reason: verdict };
  const url = new URL(trimmed);
  url.search = '';
  url.hash = '';
  if (!url.pathname.endsWith('/')) url.pathname = `${url.pathname}/`;
  return { kind: 'ok', url: url.href };
}
