import type { z } from 'zod';
import { validationErrors } from '../../../shared/i18n/validation-messages.js';
import { migrateSettings } from '../../../shared/settings/migrations.js';
import { Settings, SettingsPatch } from '../../../shared/settings/schema.js';
import { parseCidr } from '../server/middleware/cidr.js';
import { hashAdminPassword } from './admin-password.js';
import type { SettingsStore } from './settings-store.js';
import { isMaskedSecret } from './secret-mask.js';

/** Settings that only take effect when the server is started again. */
const RESTART_KEYS = new Set(['server.host', 'server.port', 'provider', 'cloud.accountUrl', 'cloud.apiKey', 'cloud.apiVersion']);

export interface SettingsChange {
  settings: Settings;
  changedKeys: string[];
  restartNeeded: boolean;
  /** The changed keys that take effect only after a restart. */
  restartKeys: string[];
}

export class SettingsValidationError extends Error {
  constructor(readonly issues: { field: string; message: string }[]) {
    super(issues.map((issue) => `${issue.field}: ${issue.message}`).join('; '));
    this.name = 'SettingsValidationError';
  }
}

type Overrides = { [K in keyof Settings]?: Settings[K] extends object ? Partial<Settings[K]> : Settings[K] };

/**
 * The settings in force: what the store holds, under this run's command-line overrides.
 * Changes are validated against the one schema, saved whole, and announced to listeners.
 */
export class SettingsService {
  private stored: Settings;
  /** The settings in force, computed once per change: read on every request. */
  private effective: Settings;
  private readonly listeners = new Set<(change: SettingsChange) => void>();

  constructor(
    private readonly store: SettingsStore,
    private readonly overrides: Overrides = {},
  ) {
    this.stored = migrateSettings(store.load());
    store.save(this.stored);
    this.effective = this.computeEffective();
  }

  /** Stored settings under this run's overrides; a bad override (a command-line flag) is named plainly. */
  private computeEffective(): Settings {
    const parsed = Settings.safeParse(mergeDeep(this.stored, this.overrides), { error: this.errorMessages() });
    if (!parsed.success) {
      throw problemsOf(parsed.error);
    }
    return Object.freeze(parsed.data) as Settings;
  }

  /** Validation messages in the language the settings screen is shown in (the stored one). */
  private errorMessages() {
    return validationErrors(this.stored.language);
  }

  get location(): string {
    return this.store.location;
  }

  /** The settings in force for this run. */
  get(): Settings {
    return this.effective;
  }

  /** What is saved, without this run's overrides: what the settings screen edits. */
  getStored(): Settings {
    return structuredClone(this.stored);
  }

  overriddenKeys(): string[] {
    return flattenKeys(this.overrides);
  }

  update(patch: unknown): SettingsChange {
    const parsed = SettingsPatch.safeParse(patch, { error: this.errorMessages() });
    if (!parsed.success) {
      throw problemsOf(parsed.error);
    }
    // zod fills a partial object's missing fields with their defaults: keep only what was sent,
    // so saving the port alone does not reset the host and the path.
    const { adminPassword, ...rest } = onlyGiven(parsed.data, patch) as SettingsPatch;
    const merged = mergeDeep(this.stored, rest) as Record<string, unknown>;
    if (adminPassword !== undefined) merged.adminPasswordHash = adminPassword === '' ? '' : hashAdminPassword(adminPassword);
    // Keep the stored API key when the screen sends back the masked one it was shown.
    const typedKey = rest.cloud?.apiKey !== undefined && !isMaskedSecret(rest.cloud.apiKey);
    if (rest.cloud?.apiKey !== undefined && !typedKey) {
      (merged.cloud as Record<string, unknown>).apiKey = this.stored.cloud.apiKey;
    }
    // A new account address must be given the key again: whoever can change the address must not
    // be able to have the stored key sent to a listener of their own.
    if (rest.cloud?.accountUrl !== undefined && rest.cloud.accountUrl !== this.stored.cloud.accountUrl && !typedKey) {
      (merged.cloud as Record<string, unknown>).apiKey = '';
    }
    const rangeIssues = badRanges(rest.server?.allowedRanges, this.stored.language);
    if (rangeIssues.length > 0) throw new SettingsValidationError(rangeIssues);
    const next = Settings.safeParse(merged, { error: this.errorMessages() });
    if (!next.success) {
      throw problemsOf(next.error);
    }
    const changedKeys = diffKeys(this.stored, next.data);
    // Saved first: a save the disk refuses leaves the settings in force as they were.
    this.store.save(next.data);
    this.stored = next.data;
    this.effective = this.computeEffective();
    const restartKeys = changedKeys.filter((key) => RESTART_KEYS.has(key));
    const change = { settings: this.get(), changedKeys, restartNeeded: restartKeys.length > 0, restartKeys };
    if (changedKeys.length > 0) for (const listener of this.listeners) listener(change);
    return change;
  }

  onChange(listener: (change: SettingsChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** Each iikoWaiter terminal must be an IPv4/IPv6 address or a CIDR range; a wrong one is named. */
function badRanges(ranges: readonly string[] | undefined, language: Settings['language']): { field: string; message: string }[] {
  return (ranges ?? []).flatMap((range, index) => {
    if (parseCidr(range) !== null) return [];
    const entry = range.slice(0, 64);
    const message =
      language === 'ru'
        ? `«${entry}» — не адрес и не диапазон (нужно вида 192.168.0.21 или 192.168.0.0/24)`
        : `"${entry}" is not an address or a range (write it as 192.168.0.21 or 192.168.0.0/24)`;
    return [{ field: `server.allowedRanges.${index}`, message }];
  });
}

function onlyGiven(parsed: unknown, given: unknown): unknown {
  if (!isPlainObject(parsed) || !isPlainObject(given)) return parsed;
  return Object.fromEntries(Object.entries(parsed).filter(([key]) => key in given).map(([key, value]) => [key, onlyGiven(value, given[key])]));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function mergeDeep(base: object, patch: object): object {
  const result: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    result[key] = isPlainObject(value) && isPlainObject(result[key]) ? mergeDeep(result[key] as object, value) : value;
  }
  return result;
}

function flattenKeys(value: object, prefix = ''): string[] {
  return Object.entries(value).flatMap(([key, inner]) =>
    isPlainObject(inner) ? flattenKeys(inner, `${prefix}${key}.`) : inner === undefined ? [] : [`${prefix}${key}`],
  );
}

function diffKeys(before: object, after: object, prefix = ''): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const changed: string[] = [];
  for (const key of keys) {
    const a = (before as Record<string, unknown>)[key];
    const b = (after as Record<string, unknown>)[key];
    if (isPlainObject(a) && isPlainObject(b)) changed.push(...diffKeys(a, b, `${prefix}${key}.`));
    else if (JSON.stringify(a) !== JSON.stringify(b)) changed.push(`${prefix}${key}`);
  }
  return changed;
}

function problemsOf(error: z.ZodError): SettingsValidationError {
  return new SettingsValidationError(error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message })));
}
