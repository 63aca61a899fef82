import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/settings/schema.js';
import { checkAdminPassword } from './admin-password.js';
import { SettingsService, SettingsValidationError } from './settings-service.js';
import { memorySettingsStore } from './settings-store.js';

const started = () => {
  const store = memorySettingsStore({ ...DEFAULT_SETTINGS, server: { ...DEFAULT_SETTINGS.server, host: '127.0.0.1', path: '/Loyalty' } });
  return { store, service: new SettingsService(store) };
};

describe('SettingsService', () => {
  it('changes only what a patch sends: saving the port keeps the host and the path', () => {
    const { service } = started();
    const change = service.update({ server: { port: 4000 } });
    expect(service.get().server).toEqual({ host: '127.0.0.1', port: 4000, path: '/Loyalty', allowedRanges: [] });
    expect(change.changedKeys).toEqual(['server.port']);
    expect(change.restartNeeded).toBe(true);
    expect(change.restartKeys).toEqual(['server.port']);
    expect(service.update({ language: 'en', server: { host: '0.0.0.0' } }).restartKeys).toEqual(['server.host']);
  });

  it('names each iikoWaiter terminal that is not an address or a range, in the screen\'s language, and saves none of them', () => {
    const { store, service } = started();
    const issues = (ranges: string[]) => {
      try {
        service.update({ server: { allowedRanges: ranges } });
      } catch (error) {
        return (error as SettingsValidationError).issues;
      }
      return [];
    };
    expect(issues(['192.168.0.21', 'касса 2', '10.0.0.0/33'])).toEqual([
      { field: 'server.allowedRanges.1', message: '«касса 2» — не адрес и не диапазон (нужно вида 192.168.0.21 или 192.168.0.0/24)' },
      { field: 'server.allowedRanges.2', message: '«10.0.0.0/33» — не адрес и не диапазон (нужно вида 192.168.0.21 или 192.168.0.0/24)' },
    ]);
    expect(service.get().server.allowedRanges).toEqual([]);
    service.update({ language: 'en' });
    expect(issues(['till-2'])[0]?.message).toBe('"till-2" is not an address or a range (write it as 192.168.0.21 or 192.168.0.0/24)');
    service.update({ server: { allowedRanges: ['192.168.0.21', 'fd00::/64'] } });
    expect(store.saved.at(-1)?.server.allowedRanges).toEqual(['192.168.0.21', 'fd00::/64']);
  });

  it('keeps other notification switches when one is turned off', () => {
    const { service } = started();
    service.update({ notifications: { debtThreshold: 0 } });
    service.update({ notifications: { checkIn: false } });
    expect(service.get().notifications).toMatchObject({ checkIn: false, debtThreshold: 0, giftAdded: true });
  });

  it('takes large text at once (no restart), refusing anything but true or false', () => {
    const { store, service } = started();
    const change = service.update({ display: { largeText: true } });
    expect(change).toMatchObject({ changedKeys: ['display.largeText'], restartNeeded: false });
    expect(store.saved.at(-1)?.display).toEqual({ largeText: true });
    expect(() => service.update({ display: { largeText: 'yes' } })).toThrow(SettingsValidationError);
    expect(service.get().display.largeText).toBe(true);
  });

  it('saves every accepted change and announces it', () => {
    const { store, service } = started();
    const heard: string[][] = [];
    service.onChange((change) => heard.push(change.changedKeys));
    service.update({ cashToWaiter: false, language: 'en' });
    expect(store.saved.at(-1)).toMatchObject({ cashToWaiter: false, language: 'en' });
    expect(heard).toEqual([['language', 'cashToWaiter']]);
    expect(service.update({ language: 'en' }).changedKeys).toEqual([]);
    expect(heard).toHaveLength(1);
  });

  it('refuses invalid values, naming the field, and changes nothing', () => {
    const { store, service } = started();
    const saves = store.saved.length;
    expect(() => service.update({ bonusPaymentTypeId: 'not-a-uuid' })).toThrow(SettingsValidationError);
    const refusal = (() => {
      try {
        service.update({ server: { port: 70_000 } });
        return null;
      } catch (error) {
        return error as SettingsValidationError;
      }
    })();
    expect(refusal?.issues.map((issue) => issue.field)).toEqual(['server.port']);
    expect(() => service.update({ unknownSetting: true })).toThrow(SettingsValidationError);
    expect(store.saved.length).toBe(saves);
    expect(service.get().server.port).toBe(3000);
  });

  it('keeps the admin password as a hash and the API key when the masked one comes back', async () => {
    const { service } = started();
    service.update({ adminPassword: 'кассир-2026', cloud: { apiKey: 'secret-key-123' } });
    const stored = service.getStored();
    expect(stored.adminPasswordHash).not.toContain('кассир');
    expect(await checkAdminPassword('кассир-2026', stored.adminPasswordHash)).toBe(true);
    service.update({ cloud: { apiKey: '••••-123' } });
    expect(service.getStored().cloud.apiKey).toBe('secret-key-123');
  });

  it('sends the cloud key only to an https GetMeBack account: a new address clears the stored key', () => {
    const { service } = started();
    service.update({ cloud: { accountUrl: 'https://cafe.getmeback.ru', apiKey: 'secret-key-123' } });
    expect(service.getStored().cloud.apiKey).toBe('secret-key-123');
    const field = (patch: unknown) => {
      try {
        service.update(patch);
        return null;
      } catch (error) {
        return (error as SettingsValidationError).issues.map((issue) => issue.field);
      }
    };
    expect(field({ cloud: { accountUrl: 'http://192.168.0.66:8080', apiKey: '••••-123' } })).toEqual(['cloud.accountUrl']);
    expect(field({ cloud: { accountUrl: 'https://evil.example.com', apiKey: '••••-123' } })).toEqual(['cloud.accountUrl']);
    expect(service.getStored().cloud).toMatchObject({ accountUrl: 'https://cafe.getmeback.ru', apiKey: 'secret-key-123' });

    // Another GetMeBack account, with the masked key sent back: the key must be typed again.
    service.update({ cloud: { accountUrl: 'https://other.getmeback.ru', apiKey: '••••-123' } });
    expect(service.getStored().cloud.apiKey).toBe('');
    // A reseller's own https host only with "any host" on; http only for this machine (the fake cloud).
    service.update({ cloud: { accountUrl: 'https://loyalty.reseller.example', anyHost: true, apiKey: 'typed-again' } });
    expect(service.getStored().cloud.apiKey).toBe('typed-again');
    expect(field({ cloud: { accountUrl: 'http://127.0.0.1:4100' } })).toBeNull();
    expect(service.getStored().cloud.apiKey).toBe('');
  });

  it('lets command-line overrides win for this run without saving them', () => {
    const store = memorySettingsStore(DEFAULT_SETTINGS);
    const service = new SettingsService(store, { server: { port: 0 } });
    expect(service.get().server.port).toBe(0);
    expect(service.getStored().server.port).toBe(3000);
    expect(service.overriddenKeys()).toEqual(['server.port']);
    service.update({ language: 'en' });
    expect(store.saved.at(-1)?.server.port).toBe(3000);
  });
});
