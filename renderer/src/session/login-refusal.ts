import { ApiError } from '../api/client.js';

/**
 * Why a login failed, for the person at the other computer: a wrong password, too many of them, or
 * the till's own words for anything else (e.g. «Вход в панель с других компьютеров выключен…» once
 * the password is removed), and the catalogue's when the till did not answer at all.
 */
export function loginRefusal(failure: unknown, t: { wrong: string; locked: string; noAnswer: string }): string {
  if (!(failure instanceof ApiError)) return t.noAnswer;
  if (failure.status === 401) return t.wrong;
  if (failure.status === 429) return t.locked;
  return failure.message;
}
