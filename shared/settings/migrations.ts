import { checkAccountUrl } from './cloud-account-url.js';
import { Settings } from './schema.js';

type Stored = Record<string, unknown>;

/**
 * Stored settings from older versions of the app, brought to the current shape. Each step takes
 * version N to N+1; unknown or broken values fall back to the defaults rather than stopping the till.
 */
const steps: Record<number, (old: Stored) => Stored> = {
  // Version 1 kept the server address flat and the waiter-cash switch under its iiko label.
  1: (old) => {
    const { port, path, host, moneyToBeAccountedForByWaiter, ...rest } = old;
    return {
      ...rest,
      schemaVersion: 2,
      server: { ...(typeof old.server === 'object' ? old.server : {}), port, path, host },
      cashToWaiter: moneyToBeAccountedForByWaiter,
    };
  },
  // Version 2 let every host on the till's own subnets call the waiter API. Version 3 does not: only
  // this machine and `server.allowedRanges`. The old trust is deliberately NOT carried over (anyone
  // on the restaurant's Wi-Fi is on those subnets). What an existing install sees after the update:
  // the plugin on this till keeps working; a plugin on another iikoFront terminal gets, at its first
  // request, a WaiterMessage naming the address and the setting, the cashier's feed gets a refusal
  // line, and the setup screen shows "a terminal at X tried to connect — allow it" as one click.
  // Ranges the manager had listed stay. A cloud account address the key may no longer be sent to
  // (plain http to another machine, or not a getmeback.ru host) is cleared with the key.
  2: (old) => {
    const cloud = typeof old.cloud === 'object' && old.cloud !== null ? (old.cloud as Stored) : {};
    const url = typeof cloud.accountUrl === 'string' ? cloud.accountUrl : '';
    const unsafe = checkAccountUrl(url, { anyHost: false }) !== 'ok';
    return { ...old, schemaVersion: 3, ...(unsafe ? { cloud: { ...cloud, accountUrl: '', apiKey: '' } } : {}) };
  },
  // Version 3 began "today" at midnight; version 4 has a business day, from 06:00 unless set.
  3: (old) => ({ ...old, schemaVersion: 4, businessDayStartHour: old.businessDayStartHour ?? 6 }),
};

/**
 * What a settings file holds, brought to the current version and checked. A value that is broken (a
 * hand edit out of range, a wrong type) falls back to its default alone — the smallest part of the
 * file that holds it, never its whole section: one bad number under `cloud` must not wipe the
 * account's key. `onReset` hears the paths that were reset (the file store keeps the file aside).
 */
export function migrateSettings(stored: unknown, onReset?: (paths: string[]) => void): Settings {
  let current: Stored = typeof stored === 'object' && stored !== null ? { ...(stored as Stored) } : {};
  let version = typeof current.schemaVersion === 'number' ? current.schemaVersion : current.port !== undefined ? 1 : 4;
  for (let step = steps[version]; step; step = steps[version]) {
    current = step(current);
    version += 1;
  }
  let candidate = dropUndefined(current);
  const reset: string[] = [];
  // Each broken value is dropped alone; one still broken after that (a required part, now missing)
  // drops its parent the next time, and so on up. Counted per path: a problem first seen late (a
  // section's own check runs only once its fields parse) starts at its own leaf.
  const tries = new Map<string, number>();
  for (let round = 0; ; round += 1) {
    const parsed = Settings.safeParse(candidate);
    if (parsed.success) {
      if (reset.length > 0) onReset?.([...new Set(reset)]);
      return parsed.data;
    }
    // A file no part of which holds together (an issue of the whole object) is the defaults.
    if (round > MAX_ROUNDS) candidate = {};
    const paths = parsed.error.issues.map((issue) => {
      const key = issue.path.join('.');
      const lift = tries.get(key) ?? 0;
      tries.set(key, lift + 1);
      return issue.path.slice(0, Math.max(1, issue.path.length - lift));
    });
    reset.push(...paths.map((path) => path.join('.')));
    candidate = withoutPaths(candidate, paths);
  }
}

/** More rounds than any file's problems need (each drops at least one part): past it, the defaults. */
const MAX_ROUNDS = 32;

/** A copy of `value` without the parts at `paths` (an array's element is taken out of its array). */
function withoutPaths(value: Stored, paths: readonly PropertyKey[][]): Stored {
  const copy = dropUndefined(value);
  const REMOVED = Symbol('removed');
  const arrays = new Set<unknown[]>();
  for (const path of paths) {
    let parent: unknown = copy;
    for (const key of path.slice(0, -1)) parent = typeof parent === 'object' && parent !== null ? (parent as Record<PropertyKey, unknown>)[key] : undefined;
    const last = path.at(-1);
    if (typeof parent !== 'object' || parent === null || last === undefined) continue;
    if (Array.isArray(parent)) {
      parent[Number(last)] = REMOVED;
      arrays.add(parent);
    } else Reflect.deleteProperty(parent, last);
  }
  for (const array of arrays) {
    const kept = array.filter((item) => item !== REMOVED);
    array.length = 0;
    array.push(...kept);
  }
  return copy;
}

function dropUndefined(value: Stored): Stored {
  return JSON.parse(JSON.stringify(value)) as Stored;
}
