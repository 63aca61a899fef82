import type { StorageTroubleKind } from '../events.js';
import type { Language } from './language.js';
import { formatDateTime } from './numbers.js';

/**
 * What the cashier reads when the disk under the data folder refuses writes (the feed and the tray
 * alike): what happened, that nothing is written meanwhile, and that the till carries on by itself.
 */
const TEXT = {
  ru: {
    full: { title: 'На диске главной кассы нет места', hint: 'Оплаты и чекины не записываются. Освободите место на диске с папкой данных: GetMeBack Till продолжит сам, без перезапуска.' },
    readOnly: { title: 'Папка данных GetMeBack Till только для чтения', hint: 'Оплаты и чекины не записываются. Верните папке данных запись: GetMeBack Till продолжит сам, без перезапуска.' },
    ioError: { title: 'Диск главной кассы не принимает запись', hint: 'Оплаты и чекины не записываются. Проверьте диск с папкой данных: GetMeBack Till продолжит сам, когда запись заработает.' },
    recovered: 'Запись на диск снова работает',
    since: (at: string) => `с ${at}`,
    refused: (count: number) => `отказов официантам: ${count}`,
  },
  en: {
    full: { title: "The main till's disk is full", hint: 'Payments and check-ins are not written. Free space on the disk of the data folder: GetMeBack Till carries on by itself, no restart needed.' },
    readOnly: { title: "GetMeBack Till's data folder is read-only", hint: 'Payments and check-ins are not written. Make the data folder writable again: GetMeBack Till carries on by itself, no restart needed.' },
    ioError: { title: "The main till's disk refuses writes", hint: 'Payments and check-ins are not written. Check the disk of the data folder: GetMeBack Till carries on by itself once writing works.' },
    recovered: 'Writing to the disk works again',
    since: (at: string) => `since ${at}`,
    refused: (count: number) => `waiters refused: ${count}`,
  },
} as const;

/** The title and the advice for a disk that refuses writes. */
export function storageTroubleText(kind: StorageTroubleKind, language: Language): { title: string; hint: string } {
  return TEXT[language][kind];
}

/** The end of an episode: its title and figures (since when, how many waiters were refused). */
export function storageRecoveredText(episode: { since: string; refused: number }, language: Language): { title: string; details: string[] } {
  const t = TEXT[language];
  return { title: t.recovered, details: [t.since(formatDateTime(new Date(episode.since), language)), t.refused(episode.refused)] };
}
