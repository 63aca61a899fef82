import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, Settings, SettingsPatch } from '../settings/schema.js';
import { validationErrors } from './validation-messages.js';

const messages = (result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]));

describe('settings validation in Russian', () => {
  it('says what is wrong in Russian, with numbers the Russian way, instead of zod’s English', () => {
    const result = SettingsPatch.safeParse(
      { server: { port: 99_999, host: '', path: 'GetMeBack' }, payInTypeId: 'x'.repeat(129), notifications: { debtThreshold: -1, enabled: 'да' }, language: 'de' },
      { error: validationErrors('ru') },
    );
    expect(messages(result)).toEqual({
      'server.port': 'Не больше 65\u00a0535',
      'server.host': 'Заполните поле',
      'server.path': 'Нужен путь вида /GetMeBack: латинские буквы, цифры, . _ ~ -; не /api и не /assets (они заняты панелью)',
      payInTypeId: 'Слишком длинно: максимум 128\u00a0символов',
      'notifications.debtThreshold': 'Не меньше 0',
      'notifications.enabled': 'Нужно «да» или «нет»',
      language: 'Выберите значение из списка',
    });
  });

  it('explains an ID and an address the way the settings screen asks for them', () => {
    const result = Settings.safeParse(
      { ...DEFAULT_SETTINGS, bonusPaymentTypeId: 'бонусы', cloud: { ...DEFAULT_SETTINGS.cloud, accountUrl: 'кабинет' }, server: { ...DEFAULT_SETTINGS.server, port: 'три' } },
      { error: validationErrors('ru') },
    );
    expect(messages(result)).toEqual({
      bonusPaymentTypeId: 'Нужен ID из iikoOffice: 32 шестнадцатеричные цифры через дефисы',
      'cloud.accountUrl': 'Нужен адрес вида https://…',
      'server.port': 'Нужно число',
    });
  });

  it('refuses a waiter path the dashboard lives under, in any case, and keeps the ones beside it', () => {
    for (const path of ['/api', '/API', '/api/waiter', '/Assets', '/assets/x', '/index.html', '/INDEX.HTML/x']) {
      expect(messages(SettingsPatch.safeParse({ server: { path } }, { error: validationErrors('ru') })), path).toEqual({
        'server.path': 'Нужен путь вида /GetMeBack: латинские буквы, цифры, . _ ~ -; не /api и не /assets (они заняты панелью)',
      });
    }
    for (const path of ['/GetMeBack', '/apis', '/api-waiter', '/my/api', '/assetsx', '/index.htm', '/Loyalty/v2']) {
      expect(SettingsPatch.safeParse({ server: { path } }).success, path).toBe(true);
    }
  });

  it('keeps zod’s own English for an English till', () => {
    const result = SettingsPatch.safeParse({ server: { port: 99_999 } }, { error: validationErrors('en') });
    expect(messages(result)['server.port']).toMatch(/^Too big/);
  });
});
