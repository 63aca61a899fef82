import type { SettingsPatch } from '../../../shared/settings/schema.js';
import type { PublicSettings } from '../../../shared/admin/settings.js';
import { parseRoublesInput, roublesInputValue } from '../format/money.js';

/**
 * The settings screen's fields, keyed by the server's own field paths ("server.port"), so an error
 * the server names and a key overridden by a command-line flag land on the right input.
 */
export interface SettingsForm {
  'server.host': string;
  'server.port': string;
  'server.path': string;
  /** The iikoWaiter terminals allowed to call the waiter API: one address or CIDR range a line. */
  'server.allowedRanges': string;
  bonusPaymentTypeId: string;
  cashToWaiter: boolean;
  payInTypeId: string;
  payOutTypeId: string;
  provider: 'local' | 'cloud';
  'cloud.accountUrl': string;
  'cloud.apiKey': string;
  /** Refunds: listed for reconciliation by hand (the default) or sent to the cloud. */
  'cloud.refunds': 'manual' | 'send';
  /** Lets the API key go to an https account address outside getmeback.ru (a reseller's own). */
  'cloud.anyHost': boolean;
  /** Sanity caps, typed in roubles (the order) and bonuses (the cashback), stored in kopecks. */
  'limits.maxOrderSum': string;
  'limits.maxCashback': string;
  staleOrderHours: string;
  language: 'ru' | 'en';
  /** Start at login: the desktop app registers it with the OS (shown only inside the desktop app). */
  autostart: boolean;
  /** The hour the business day starts, 0–23 (an hour, typed as digits). */
  businessDayStartHour: string;
  /** The installed desktop app's update folder (shown only inside the desktop app). */
  'updates.url': string;
  'notifications.enabled': boolean;
  'notifications.checkIn': boolean;
  'notifications.giftAdded': boolean;
  'notifications.bonusRequested': boolean;
  'notifications.paymentCommitted': boolean;
  'notifications.providerOffline': boolean;
  'notifications.serverError': boolean;
  'notifications.debtThreshold': string;
  'display.largeText': boolean;
  /** Write-only: empty leaves the stored password as it is. */
  adminPassword: string;
  /** Ticked: remove the password, which turns access from the network off. */
  adminPasswordRemove: boolean;
}

export type SettingsField = keyof SettingsForm;
export type FormProblem = 'notNumber' | 'notMoney' | 'notBonuses' | 'notAboveZero';

export function formFromSettings(settings: PublicSettings): SettingsForm {
  const n = settings.notifications;
  return {
    'server.host': settings.server.host,
    'server.port': String(settings.server.port),
    'server.path': settings.server.path,
    'server.allowedRanges': settings.server.allowedRanges.join('\n'),
    bonusPaymentTypeId: settings.bonusPaymentTypeId,
    cashToWaiter: settings.cashToWaiter,
    payInTypeId: settings.payInTypeId,
    payOutTypeId: settings.payOutTypeId,
    provider: settings.provider,
    'cloud.accountUrl': settings.cloud.accountUrl,
    'cloud.apiKey': settings.cloud.apiKey,
    'cloud.refunds': settings.cloud.refunds,
    'cloud.anyHost': settings.cloud.anyHost,
    'limits.maxOrderSum': roublesInputValue(settings.limits.maxOrderSum, settings.language),
    'limits.maxCashback': roublesInputValue(settings.limits.maxCashback, settings.language),
    staleOrderHours: String(settings.staleOrderHours),
    language: settings.language,
    autostart: settings.autostart,
    businessDayStartHour: String(settings.businessDayStartHour),
    'updates.url': settings.updates.url,
    'notifications.enabled': n.enabled,
    'notifications.checkIn': n.checkIn,
    'notifications.giftAdded': n.giftAdded,
    'notifications.bonusRequested': n.bonusRequested,
    'notifications.paymentCommitted': n.paymentCommitted,
    'notifications.providerOffline': n.providerOffline,
    'notifications.serverError': n.serverError,
    'notifications.debtThreshold': roublesInputValue(n.debtThreshold, settings.language),
    'display.largeText': settings.display.largeText,
    adminPassword: '',
    adminPasswordRemove: false,
  };
}

/** A form value as the schema wants it, or a problem the screen shows next to the field. */
function wireValue(field: SettingsField, value: string | boolean): { value: unknown } | { problem: FormProblem } {
  if (field === 'server.port' || field === 'businessDayStartHour' || field === 'staleOrderHours') {
    const text = String(value).trim();
    return /^\d{1,5}$/.test(text) ? { value: Number(text) } : { problem: 'notNumber' };
  }
  if (field === 'notifications.debtThreshold') {
    const kopecks = parseRoublesInput(String(value));
    return kopecks === null ? { problem: 'notMoney' } : { value: kopecks };
  }
  if (field === 'limits.maxOrderSum' || field === 'limits.maxCashback') {
    const kopecks = parseRoublesInput(String(value));
    if (kopecks === null) return { problem: field === 'limits.maxOrderSum' ? 'notMoney' : 'notBonuses' };
    return kopecks > 0 ? { value: kopecks } : { problem: 'notAboveZero' };
  }
  if (field === 'server.allowedRanges') {
    return { value: String(value).split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '') };
  }
  return { value: typeof value === 'string' && field !== 'adminPassword' && field !== 'cloud.apiKey' ? value.trim() : value };
}

/**
 * The patch for what the manager changed, and nothing else: untouched fields (the masked API key
 * among them) are not sent, so saving never overwrites a value by accident.
 */
export function patchFromForm(form: SettingsForm, initial: SettingsForm): { patch: SettingsPatch; problems: Partial<Record<SettingsField, FormProblem>> } {
  const patch: Record<string, unknown> = {};
  const problems: Partial<Record<SettingsField, FormProblem>> = {};
  for (const field of Object.keys(form) as SettingsField[]) {
    if (form[field] === initial[field]) continue;
    if (field === 'adminPassword' && (form.adminPassword === '' || form.adminPasswordRemove)) continue;
    if (field === 'adminPasswordRemove') {
      if (form.adminPasswordRemove) patch.adminPassword = '';
      continue;
    }
    const converted = wireValue(field, form[field]);
    if ('problem' in converted) {
      problems[field] = converted.problem;
      continue;
    }
    const [group, key] = field.split('.') as [string, string | undefined];
    if (key === undefined) patch[group] = converted.value;
    else patch[group] = { ...(patch[group] as Record<string, unknown> | undefined), [key]: converted.value };
  }
  return { patch: patch as SettingsPatch, problems };
}

/** Whether a field is overridden by a command-line flag for this run (the flag wins over the form). */
export function isOverridden(field: SettingsField, overridden: readonly string[]): boolean {
  // The password flag overrides the stored hash, which the form knows as its write-only password.
  return overridden.includes(field === 'adminPassword' ? 'adminPasswordHash' : field);
}
