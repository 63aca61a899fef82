import { describe, expect, it } from 'vitest';
import { migrateSettings } from './migrations.js';
import { DEFAULT_SETTINGS } from './schema.js';

describe('migrateSettings', () => {
  it('gives the defaults for nothing stored, with waiter cash on and Russian', () => {
    const settings = migrateSettings(undefined);
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(settings.cashToWaiter).toBe(true);
    expect(settings.language).toBe('ru');
    expect(settings.server).toEqual({ host: '0.0.0.0', port: 3000, path: '/GetMeBack', allowedRanges: [] });
  });

  it('moves a version-1 flat server address and the iiko-named switch', () => {
    const settings = migrateSettings({ port: 3100, path: '/Loyalty', moneyToBeAccountedForByWaiter: false, language: 'en' });
    expect(settings.server.port).toBe(3100);
    expect(settings.server.path).toBe('/Loyalty');
    expect(settings.server.host).toBe('0.0.0.0');
    expect(settings.cashToWaiter).toBe(false);
    expect(settings.language).toBe('en');
    expect(settings.schemaVersion).toBe(3);
  });

  it('reads a version-2 file from before the large-text option with normal text, keeping the rest', () => {
    const settings = migrateSettings({ schemaVersion: 2, language: 'en', cashToWaiter: false });
    expect(settings.display).toEqual({ largeText: false });
    expect(settings.language).toBe('en');
    expect(settings.cashToWaiter).toBe(false);
    expect(migrateSettings({ schemaVersion: 2, display: { largeText: true } }).display.largeText).toBe(true);
  });

  it('keeps valid parts and resets only a broken one', () => {
    const settings = migrateSettings({ schemaVersion: 2, language: 'en', bonusPaymentTypeId: 'not-a-uuid' });
    expect(settings.language).toBe('en');
    expect(settings.bonusPaymentTypeId).toBe('');
  });

  it('version 2 → 3: the own-subnet trust is not carried over; listed terminals and a safe cloud account stay', () => {
    const cloud = { accountUrl: 'https://cafe.getmeback.ru', apiKey: 'key-1234', apiVersion: 'v33', branchId: '', branchName: '' };
    const settings = migrateSettings({ schemaVersion: 2, server: { host: '0.0.0.0', port: 3000, path: '/GetMeBack', allowedRanges: ['10.0.5.0/24'] }, cloud });
    expect(settings.schemaVersion).toBe(3);
    expect(settings.server.allowedRanges).toEqual(['10.0.5.0/24']);
    expect(settings.cloud).toMatchObject({ accountUrl: 'https://cafe.getmeback.ru', apiKey: 'key-1234', anyHost: false });
    expect(settings.limits).toEqual({ maxOrderSum: 100_000_000, maxCashback: 5_000_000 });
  });

  it('version 2 → 3: a cloud account the key may no longer be sent to is cleared together with the key', () => {
    for (const accountUrl of ['http://192.168.0.50:8080', 'https://evil.example.com']) {
      const settings = migrateSettings({ schemaVersion: 2, language: 'en', provider: 'cloud', cloud: { accountUrl, apiKey: 'key-1234' } });
      expect(settings.cloud.accountUrl, accountUrl).toBe('');
      expect(settings.cloud.apiKey, accountUrl).toBe('');
      expect(settings.language).toBe('en');
      expect(settings.provider).toBe('cloud');
    }
    expect(migrateSettings({ schemaVersion: 2, cloud: { accountUrl: 'http://127.0.0.1:4100', apiKey: 'k' } }).cloud.apiKey).toBe('k');
  });
});
