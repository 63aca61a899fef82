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
};

export function migrateSettings(stored: unknown): Settings {
  let current: Stored = typeof stored === 'object' && stored !== null ? { ...(stored as Stored) } : {};
  let version = typeof current.schemaVersion === 'number' ? current.schemaVersion : current.port !== undefined ? 1 : 3;
  for (let step = steps[version]; step; step = steps[version]) {
    current = step(current);
    version += 1;
  }
  const parsed = Settings.safeParse(dropUndefined(current));
  if (parsed.success) return parsed.data;
  // Keep every valid part; replace only what is broken.
  const broken = new Set(parsed.error.issues.map((issue) => issue.path[0]));
  const repaired = Object.fromEntries(Object.entries(dropUndefined(current)).filter(([key]) => !broken.has(key)));
  return Settings.parse(repaired);
}

function dropUndefined(value: Stored): Stored {
  return JSON.parse(JSON.stringify(value)) as Stored;
}
