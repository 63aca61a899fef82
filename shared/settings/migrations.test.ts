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
    expect(settings.schemaVersion).toBe(2);
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
});
