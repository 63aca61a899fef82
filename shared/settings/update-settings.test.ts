import { describe, expect, it } from 'vitest';
import { validationErrors } from '../i18n/validation-messages.js';
import { DEFAULT_SETTINGS, Settings, SettingsPatch } from './schema.js';

describe('settings.updates.url (the desktop app’s update folder)', () => {
  it('is empty (updates off) by default, and older settings without it still load', () => {
    expect(DEFAULT_SETTINGS.updates).toEqual({ url: '' });
    const { updates: _dropped, ...older } = DEFAULT_SETTINGS;
    expect(Settings.parse(older).updates.url).toBe('');
  });

  it('takes an https folder, or http on this machine only', () => {
    expect(Settings.parse({ updates: { url: ' https://updates.getmeback.ru/till/ ' } }).updates.url).toBe('https://updates.getmeback.ru/till/');
    expect(Settings.safeParse({ updates: { url: 'http://127.0.0.1:8080/' } }).success).toBe(true);
  });

  it('refuses plain http on the network and credentials, saying why in Russian on the field', () => {
    const http = Settings.safeParse({ updates: { url: 'http://updates.example.ru/' } }, { error: validationErrors('ru') });
    expect(http.error?.issues).toEqual([expect.objectContaining({ path: ['updates', 'url'], message: expect.stringContaining('https://') })]);
    expect(Settings.safeParse({ updates: { url: 'https://user:secret@updates.example.ru/' } }).success).toBe(false);
    expect(SettingsPatch.safeParse({ updates: { url: 'https://updates.example.ru/' } }).success).toBe(true);
  });
});
