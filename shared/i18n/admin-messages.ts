import type { Language } from './language.js';

/**
 * What the manager and the cashier read when the dashboard's API refuses a request: the `Message`
 * of the admin API's one error body (shared/admin/problem.ts). Never a field name (those are in
 * `Errors`, for the screen to mark its inputs); never iikoWaiter's words (that is the waiter's API).
 */
interface Code {
  code: string;
}

const ru = {
  unreadable: (_: Code) => 'GetMeBack Till не смог прочитать запрос панели. Обновите страницу и повторите.',
  checkHighlighted: (_: Code) => 'Проверьте выделенные поля.',
  tooLarge: (_: Code) => 'Запрос панели слишком большой. Уменьшите текст и повторите.',
  forbidden: (p: Code) => `GetMeBack Till не принимает запросы панели с этого устройства. Сообщите администратору, код запроса ${p.code}.`,
  networkOff: (_: Code) => 'Вход в панель с других компьютеров выключен: задайте пароль администратора на главной кассе.',
  loginRequired: (_: Code) => 'Войдите в панель: нужен пароль администратора.',
  wrongPassword: (_: Code) => 'Неверный пароль администратора.',
  tooManyPasswords: (_: Code) => 'Слишком много неверных паролей. Подождите пять минут и повторите.',
  tooManyRequests: (_: Code) => 'Слишком много запросов. Подождите несколько секунд и повторите.',
  internal: (p: Code) => `Ошибка в GetMeBack Till. Повторите действие; если не помогает, сообщите администратору, код запроса ${p.code}.`,
  noSuchApi: (_: Code) => 'Такого адреса нет в GetMeBack Till. Обновите страницу панели.',
  onlyAtTill: (_: Code) =>
    'Адрес и порт сервера, папку обновлений и вторую папку резервных копий можно изменить только на самой главной кассе.',
  onlyAtTillField: (_: Code) => 'Только на главной кассе',
  thisMachineOnlyAtTill: (_: Code) => 'Адрес этого компьютера (127.0.0.1) в адресе облака можно задать и проверить только на самой главной кассе.',
} as const;

type Catalogue = { [K in keyof typeof ru]: (typeof ru)[K] };

const en: Catalogue = {
  unreadable: () => 'GetMeBack Till could not read the dashboard’s request. Reload the page and try again.',
  checkHighlighted: () => 'Check the highlighted fields.',
  tooLarge: () => 'The dashboard’s request is too large. Shorten the text and try again.',
  forbidden: (p) => `GetMeBack Till does not accept dashboard requests from this device. Tell the administrator, request code ${p.code}.`,
  networkOff: () => 'Dashboard access from other computers is off: set an admin password on the main till.',
  loginRequired: () => 'Log in to the dashboard: the admin password is required.',
  wrongPassword: () => 'Wrong admin password.',
  tooManyPasswords: () => 'Too many wrong passwords. Wait five minutes and try again.',
  tooManyRequests: () => 'Too many requests. Wait a few seconds and try again.',
  internal: (p) => `Error in GetMeBack Till. Try again; if that does not help, tell the administrator, request code ${p.code}.`,
  noSuchApi: () => 'GetMeBack Till has no such address. Reload the dashboard page.',
  onlyAtTill: () => 'The server’s address and port, the update folder and the second backup folder can be changed only on the main till itself.',
  onlyAtTillField: () => 'Only on the main till',
  thisMachineOnlyAtTill: () => 'An address of this computer (127.0.0.1) as the cloud’s address can be set and checked only on the main till itself.',
};

export type AdminMessageKey = keyof Catalogue;

export const ADMIN_MESSAGE_KEYS = Object.keys(ru) as AdminMessageKey[];

const catalogues: Record<Language, Catalogue> = { ru, en };

/** The admin error's `Message` for `key`; `code` is the request's id (its RequestId). */
export function adminMessage(language: Language, key: AdminMessageKey, code: string): string {
  return catalogues[language][key]({ code });
}
