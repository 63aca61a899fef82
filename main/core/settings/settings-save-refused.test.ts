import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/settings/schema.js';
import { SettingsService } from './settings-service.js';
import { memorySettingsStore } from './settings-store.js';

describe('a settings save the disk refuses (PUT /api/settings answers 503 «нет места»)', () => {
  it('leaves the settings as they were: not shown as saved, not saved later unannounced by another change', () => {
    const store = memorySettingsStore({ ...DEFAULT_SETTINGS });
    const service = new SettingsService(store);
    const announced: string[][] = [];
    service.onChange((change) => announced.push(change.changedKeys));
    const realSave = store.save;
    store.save = () => {
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    };
    expect(() => service.update({ cashToWaiter: false, server: { port: 3100 } })).toThrow(/ENOSPC/);
    store.save = realSave;
    const shownAfter503 = { cashToWaiter: service.getStored().cashToWaiter, port: service.getStored().server.port };
    const inForceAfter503 = { cashToWaiter: service.get().cashToWaiter, port: service.get().server.port };
    // Space is back; the manager changes something unrelated.
    const later = service.update({ language: 'en' });
    expect({
      shownAfter503,
      inForceAfter503,
      savedByTheLaterChange: { cashToWaiter: store.load().cashToWaiter, port: store.load().server.port },
      laterChangeSays: { changedKeys: later.changedKeys, restartNeeded: later.restartNeeded },
    }).toEqual({
      shownAfter503: { cashToWaiter: true, port: 3000 },
      inForceAfter503: { cashToWaiter: true, port: 3000 },
      savedByTheLaterChange: { cashToWaiter: true, port: 3000 },
      laterChangeSays: { changedKeys: ['language'], restartNeeded: false },
    });
  });
});
