import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SettingsPatch } from '../../../shared/settings/schema.js';
import type { PublicSettings } from '../../../shared/admin/settings.js';
import { ru } from '../i18n/ru.js';
import { formFromSettings, isOverridden, patchFromForm } from './settings-form.js';
import { settingLabels } from './setting-labels.js';

const { adminPasswordHash: _hash, ...rest } = DEFAULT_SETTINGS;
const shown: PublicSettings = { ...rest, cloud: { ...rest.cloud, apiKey: '••••1234' }, adminPasswordSet: true };

describe('settings form ↔ patch', () => {
  it('sends nothing when nothing was touched (the masked API key included)', () => {
    const form = formFromSettings(shown);
    expect(patchFromForm(form, form)).toEqual({ patch: {}, problems: {} });
  });

  it('shows money thresholds in roubles and numbers as text the manager can edit', () => {
    const form = formFromSettings(shown);
    expect(form['server.port']).toBe('3000');
    expect(form['notifications.debtThreshold']).toBe('5000');
    expect(form.adminPassword).toBe('');
  });

  it('sends only changed fields, nested as the schema wants, with numbers and kopecks converted', () => {
    const initial = formFromSettings(shown);
    const form = {
      ...initial,
      'server.port': ' 3456 ',
      'server.path': '/Loyalty',
      bonusPaymentTypeId: ' 6f2c1f5e-0000-4000-8000-0000000000b0 ',
      cashToWaiter: false,
      'notifications.checkIn': false,
      'notifications.debtThreshold': '2 500,50',
      language: 'en' as const,
      adminPassword: ' pass word ',
    };
    const { patch, problems } = patchFromForm(form, initial);
    expect(problems).toEqual({});
    expect(patch).toEqual({
      server: { port: 3456, path: '/Loyalty' },
      bonusPaymentTypeId: '6f2c1f5e-0000-4000-8000-0000000000b0',
      cashToWaiter: false,
      language: 'en',
      notifications: { checkIn: false, debtThreshold: 250_050 },
      adminPassword: ' pass word ',
    });
    expect(SettingsPatch.safeParse(patch).success).toBe(true);
  });

  it('shows the limits in roubles and bonuses, the terminals one a line, and sends them back in kopecks and as a list', () => {
    const initial = formFromSettings({ ...shown, server: { ...shown.server, allowedRanges: ['192.168.0.21', '10.0.0.0/28'] } });
    expect(initial['limits.maxOrderSum']).toBe('1000000');
    expect(initial['limits.maxCashback']).toBe('50000');
    expect(initial.staleOrderHours).toBe('12');
    expect(initial['server.allowedRanges']).toBe('192.168.0.21\n10.0.0.0/28');
    const form = {
      ...initial,
      'limits.maxOrderSum': '250 000,50',
      'limits.maxCashback': '10000',
      staleOrderHours: ' 48 ',
      'cloud.anyHost': true,
      'server.allowedRanges': ' 192.168.0.21 \r\n\n192.168.0.22\n',
    };
    const { patch, problems } = patchFromForm(form, initial);
    expect(problems).toEqual({});
    expect(patch).toEqual({
      server: { allowedRanges: ['192.168.0.21', '192.168.0.22'] },
      cloud: { anyHost: true },
      limits: { maxOrderSum: 25_000_050, maxCashback: 1_000_000 },
      staleOrderHours: 48,
    });
    expect(SettingsPatch.safeParse(patch).success).toBe(true);
  });

  it('refuses a limit it cannot read or of zero, and hours that are not a whole number', () => {
    const initial = formFromSettings(shown);
    const { patch, problems } = patchFromForm({ ...initial, 'limits.maxOrderSum': '0', 'limits.maxCashback': 'сто', staleOrderHours: '1,5' }, initial);
    expect(problems).toEqual({ 'limits.maxOrderSum': 'notAboveZero', 'limits.maxCashback': 'notBonuses', staleOrderHours: 'notNumber' });
    expect(patch).toEqual({});
    expect(patchFromForm({ ...initial, 'limits.maxOrderSum': 'миллион' }, initial).problems).toEqual({ 'limits.maxOrderSum': 'notMoney' });
  });

  it('sends the autostart switch as the setting the desktop app registers at login', () => {
    const initial = formFromSettings(shown);
    expect(initial.autostart).toBe(false);
    const { patch } = patchFromForm({ ...initial, autostart: true }, initial);
    expect(patch).toEqual({ autostart: true });
    expect(SettingsPatch.safeParse(patch).success).toBe(true);
  });

  it('names the field of a number or sum it cannot read, and leaves it out of the patch', () => {
    const initial = formFromSettings(shown);
    const { patch, problems } = patchFromForm({ ...initial, 'server.port': '30 00', 'notifications.debtThreshold': 'много' }, initial);
    expect(problems).toEqual({ 'server.port': 'notNumber', 'notifications.debtThreshold': 'notMoney' });
    expect(patch).toEqual({});
  });

  it('shows large text as a tick box and sends it under display', () => {
    const initial = formFromSettings(shown);
    expect(initial['display.largeText']).toBe(false);
    const { patch } = patchFromForm({ ...initial, 'display.largeText': true }, initial);
    expect(patch).toEqual({ display: { largeText: true } });
    expect(SettingsPatch.safeParse(patch).success).toBe(true);
  });

  it('removes the admin password when asked, whatever was typed, and never otherwise', () => {
    const initial = formFromSettings(shown);
    expect(initial.adminPasswordRemove).toBe(false);
    expect(patchFromForm({ ...initial, adminPasswordRemove: true, adminPassword: 'typed' }, initial).patch).toEqual({ adminPassword: '' });
    expect(patchFromForm({ ...initial, adminPassword: '' }, initial).patch).toEqual({});
  });

  it('sends a new API key as typed, and an emptied one as empty', () => {
    const initial = formFromSettings(shown);
    expect(patchFromForm({ ...initial, 'cloud.apiKey': 'new-key ' }, initial).patch).toEqual({ cloud: { apiKey: 'new-key ' } });
    expect(patchFromForm({ ...initial, 'cloud.apiKey': '' }, initial).patch).toEqual({ cloud: { apiKey: '' } });
  });

  it('marks fields a command-line flag overrides, the password through its stored hash', () => {
    expect(isOverridden('server.port', ['server.host', 'server.port'])).toBe(true);
    expect(isOverridden('server.path', ['server.host', 'server.port'])).toBe(false);
    expect(isOverridden('adminPassword', ['adminPasswordHash'])).toBe(true);
  });
});

describe('settingLabels', () => {
  it('names the settings as the screen labels them, never by their internal keys', () => {
    expect(settingLabels(['server.port', 'server.host'], ru.settings)).toBe('Порт, Адрес, на котором слушать');
    expect(settingLabels(['bonusPaymentTypeId', 'notifications.checkIn'], ru.settings)).toBe(
      'ID типа оплаты GetMeBack (Bonus payment type), Уведомления: Чекин гостя',
    );
    expect(settingLabels(['cloud.apiVersion', 'someday.newKey'], ru.settings)).toBe('Версия API облака GetMeBack, другая настройка');
  });

  it('has a label for every stored setting', () => {
    const keys = (value: object, prefix = ''): string[] =>
      Object.entries(value).flatMap(([key, inner]) =>
        inner !== null && typeof inner === 'object' && !Array.isArray(inner) ? keys(inner, `${prefix}${key}.`) : [`${prefix}${key}`],
      );
    for (const key of keys(DEFAULT_SETTINGS)) expect(settingLabels([key], ru.settings), key).not.toBe(ru.settings.otherKeys.unknown);
  });
});
