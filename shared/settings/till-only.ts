import { isThisMachineUrl } from './cloud-account-url.js';

/**
 * Settings a dashboard on another computer may not change, whatever its session: where the server
 * listens (a wrong address or port takes the till off the network, with no way back from there),
 * where the desktop app takes its updates from (it installs what it finds there), and the second
 * backup folder (a copy of the whole database goes there at once). They change at the till itself,
 * which the dashboard reaches over loopback.
 */
export const TILL_ONLY_SETTINGS = [
  ['server', 'host'],
  ['server', 'port'],
  ['updates', 'url'],
  ['backups', 'secondFolder'],
] as const;

/** The till-only settings a patch would change (`server.host`, …): those it names with a value other than the stored one. */
export function tillOnlyChanges(patch: unknown, stored: Record<string, unknown>): string[] {
  if (patch === null || typeof patch !== 'object') return [];
  const given = patch as Record<string, unknown>;
  // The value the patch gives `section.field` if it changes it — as the settings will hold it: a
  // value sent again unchanged but as text (a port "3000") or with the spaces the schema trims is not
  // a change; else undefined.
  const changedTo = (section: string, field: string): unknown => {
    const part = given[section];
    if (part === null || typeof part !== 'object' || !(field in part)) return undefined;
    const value = (part as Record<string, unknown>)[field];
    const current = (stored[section] as Record<string, unknown> | undefined)?.[field];
    return String(value).trim() !== String(current).trim() ? value : undefined;
  };
  const changed = TILL_ONLY_SETTINGS.filter(([section, field]) => changedTo(section, field) !== undefined).map(([section, field]) => `${section}.${field}`);
  // The cloud's address pointed at this machine: calls (and their answers, shown on «Облако») would
  // reach whatever else listens on the till.
  const accountUrl = changedTo('cloud', 'accountUrl');
  if (typeof accountUrl === 'string' && isThisMachineUrl(accountUrl.trim())) changed.push('cloud.accountUrl');
  return changed;
}
