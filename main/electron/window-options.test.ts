import { describe, expect, it } from 'vitest';
import { secureWebPreferences, windowOptions } from './window-options.js';

describe('secureWebPreferences', () => {
  it('isolates and sandboxes the page, with no Node and web security on (Electron’s security checklist)', () => {
    const preferences = secureWebPreferences('/app/dist/main/electron/preload.cjs');
    expect(preferences).toMatchObject({
      preload: '/app/dist/main/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
  });
});

describe('windowOptions', () => {
  it('gives both windows the secure preferences, opens them hidden until painted, and titles them in the till’s language', () => {
    const dashboard = windowOptions('dashboard', 'ru', '/p.cjs', '/icon.png');
    const settings = windowOptions('settings', 'en', '/p.cjs', '/icon.png');
    for (const options of [dashboard, settings]) {
      expect(options.webPreferences).toEqual(secureWebPreferences('/p.cjs'));
      expect(options.show).toBe(false);
      expect(options.icon).toBe('/icon.png');
    }
    expect(dashboard.title).toBe('GetMeBack Till');
    expect(settings.title).toBe('GetMeBack Till — settings');
  });
});
