import type { Texts } from '../i18n/texts.js';

type SettingsTexts = Texts['settings'];

/** A label without its note in brackets: «Порт» of «Порт (…)». */
const withoutNote = (label: string) => label.replace(/\s*\(.*\)$/, '');

/** Each stored setting's key ("server.port") and the label the manager knows it by. */
function labelsByKey(s: SettingsTexts): Record<string, string> {
  return {
    'server.host': withoutNote(s.host),
    'server.port': s.port,
    'server.path': s.path,
    'server.allowedRanges': withoutNote(s.allowedRanges),
    bonusPaymentTypeId: s.bonusPaymentType,
    cashToWaiter: s.cashToWaiter,
    payInTypeId: s.payInType,
    payOutTypeId: s.payOutType,
    provider: s.provider,
    'cloud.accountUrl': s.accountUrl,
    'cloud.apiKey': s.apiKey,
    'cloud.apiVersion': s.otherKeys.apiVersion,
    'cloud.branchId': s.otherKeys.branchId,
    'cloud.branchName': s.otherKeys.branchName,
    'cloud.refunds': s.refundsLabel,
    'cloud.deliveriesInFlight': s.otherKeys.deliveriesInFlight,
    language: s.language,
    businessDayStartHour: s.businessDayStartHour.replace(/,.*$/, ''),
    'notifications.enabled': s.notificationsEnabled,
    'notifications.checkIn': `${s.notifications}: ${s.notifyCheckIn}`,
    'notifications.giftAdded': `${s.notifications}: ${s.notifyGiftAdded}`,
    'notifications.bonusRequested': `${s.notifications}: ${s.notifyBonusRequested}`,
    'notifications.paymentCommitted': `${s.notifications}: ${s.notifyPaymentCommitted}`,
    'notifications.providerOffline': `${s.notifications}: ${s.notifyProviderOffline}`,
    'notifications.serverError': `${s.notifications}: ${s.notifyServerError}`,
    'notifications.debtThreshold': withoutNote(s.debtThreshold),
    'rules.maxBonusShare': s.otherKeys.maxBonusShare,
    'rules.cashbackPercent': s.otherKeys.cashbackPercent,
    adminPasswordHash: s.otherKeys.adminPassword,
    autostart: s.otherKeys.autostart,
    'updates.url': s.otherKeys.updatesUrl,
    'display.largeText': s.otherKeys.largeText,
    'cloud.anyHost': withoutNote(s.anyHost),
    'limits.maxOrderSum': s.maxOrderSum,
    'limits.maxCashback': s.maxCashback,
    staleOrderHours: s.staleOrderHours,
    schemaVersion: s.otherKeys.schemaVersion,
    'backups.keep': s.otherKeys.backupsKeep,
    'backups.secondFolder': s.otherKeys.backupsSecondFolder,
    'retention.feedDays': s.otherKeys.retentionFeedDays,
  };
}

/**
 * The settings named by their labels on the settings screen, never by their internal keys: for the
 * feed's «Настройки изменены» and for "takes effect after a restart". A key this version does not
 * know is told as «другая настройка».
 */
export function settingLabels(keys: readonly string[], s: SettingsTexts): string {
  const byKey = labelsByKey(s);
  return [...new Set(keys.map((key) => byKey[key] ?? s.otherKeys.unknown))].join(', ');
}
