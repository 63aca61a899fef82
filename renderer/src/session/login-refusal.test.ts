import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.js';
import { textsFor } from '../i18n/texts.js';
import { loginRefusal } from './login-refusal.js';

describe('why a login from another computer failed (renderer/src/session/login-refusal.ts)', () => {
  const t = textsFor('ru').login;

  it('tells a wrong password and a lockout by their own words', () => {
    expect(loginRefusal(new ApiError(401, 'Неверный пароль администратора.', []), t)).toBe('Неверный пароль.');
    expect(loginRefusal(new ApiError(429, 'Слишком много попыток.', []), t)).toBe(t.locked);
  });

  it("gives the till's own words for any other refusal, never «Неверный пароль»", () => {
    const off = 'Вход в панель с других компьютеров выключен: пароль администратора не задан.';
    expect(loginRefusal(new ApiError(403, off, []), t)).toBe(off);
  });

  it('says the till did not answer for a network failure, never the browser\'s English «Failed to fetch»', () => {
    expect(loginRefusal(new TypeError('Failed to fetch'), t)).toBe('GetMeBack Till не ответил: проверьте сеть и попробуйте ещё раз.');
    expect(loginRefusal(new TypeError('Failed to fetch'), textsFor('en').login)).toBe('GetMeBack Till did not answer: check the network and try again.');
  });
});
