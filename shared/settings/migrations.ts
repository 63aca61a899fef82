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
  // Version 2 began "today" at midnight; version 3 has a business day, from 06:00 unless set.
  2: (old) => ({ ...old, schemaVersion: 3, businessDayStartHour: old.businessDayStartHour ?? 6 }),
};

export function migrateSettings(stored: unknown): Settings {
  let current: Stored = typeof stored === 'object' && stored !== null ? { ...(stored as Stored) } : {};
  let version = typeof current.schemaVersion === 'number' ? current.schemaVersion : current.port !== undefined ? 1 : 2;
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
