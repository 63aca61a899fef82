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
  const changed: string[] = [];
  for (const [section, field] of TILL_ONLY_SETTINGS) {
    const part = (patch as Record<string, unknown>)[section];
    if (part === null || typeof part !== 'object' || !(field in part)) continue;
    const value = (part as Record<string, unknown>)[field];
    const current = (stored[section] as Record<string, unknown> | undefined)?.[field];
    // As the settings will hold it: a value sent again unchanged but as text (a port "3000") or with
    // the spaces the schema trims is not a change.
    if (String(value).trim() !== String(current).trim()) changed.push(`${section}.${field}`);
  }
  // The cloud's address pointed at this machine: calls (and their answers, shown on «Облако») would
  // reach whatever else listens on the till.
  const cloud = (patch as Record<string, unknown>).cloud;
  const accountUrl = cloud !== null && typeof cloud === 'object' ? (cloud as Record<string, unknown>).accountUrl : undefined;
  const storedUrl = (stored.cloud as Record<string, unknown> | undefined)?.accountUrl;
  if (typeof accountUrl === 'string' && accountUrl.trim() !== String(storedUrl).trim() && isThisMachineUrl(accountUrl.trim())) changed.push('cloud.accountUrl');
  return changed;
}
