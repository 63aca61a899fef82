import { describe, expect, it } from 'vitest';
import { appOriginOf, dashboardUrl, isAppUrl, isSafeExternalUrl, isTrustedSender, navigationDecision } from './navigation-policy.js';

const origin = 'http://127.0.0.1:3000';

describe('isAppUrl', () => {
  it('accepts any page of the app’s own origin', () => {
    expect(isAppUrl('http://127.0.0.1:3000/', origin)).toBe(true);
    expect(isAppUrl('http://127.0.0.1:3000/#/settings', origin)).toBe(true);
    expect(isAppUrl('http://127.0.0.1:3000/api/events?limit=1', origin)).toBe(true);
  });

  it('refuses another port, host, scheme, a look-alike host or user-info trick, and anything when there is no origin', () => {
    for (const url of [
      'http://127.0.0.1:3001/',
      'https://127.0.0.1:3000/',
      'http://localhost:3000/',
      'http://127.0.0.1.evil.example:3000/',
      'http://127.0.0.1:3000@evil.example/',
      'file:///C:/Windows/system32/calc.exe',
      'javascript:alert(1)',
      'not a url',
      '',
    ]) {
      expect(isAppUrl(url, origin), url).toBe(false);
    }
    expect(isAppUrl('http://127.0.0.1:3000/', null)).toBe(false);
  });
});

describe('navigationDecision', () => {
  it('keeps the app in the window, sends web links to the browser and refuses other schemes', () => {
    expect(navigationDecision('http://127.0.0.1:3000/#/cash', origin)).toBe('allow');
    expect(navigationDecision('https://getmeback.ru/help', origin)).toBe('open-externally');
    expect(navigationDecision('http://192.168.1.10:3000/', origin)).toBe('open-externally');
    for (const url of ['file:///etc/passwd', 'smb://server/share', 'ms-settings:', 'javascript:void(0)', 'data:text/html,<b>x</b>', 'https://user:pw@evil.example/']) {
      expect(navigationDecision(url, origin), url).toBe('deny');
    }
  });

  it('lets nothing stay in the window before the server has an origin', () => {
    expect(navigationDecision('http://127.0.0.1:3000/', null)).toBe('open-externally');
  });
});

describe('isSafeExternalUrl', () => {
  it('accepts only http and https', () => {
    expect(isSafeExternalUrl('https://getmeback.ru')).toBe(true);
    expect(isSafeExternalUrl('http://example.com/a?b=c')).toBe(true);
    expect(isSafeExternalUrl('ftp://example.com')).toBe(false);
    expect(isSafeExternalUrl('C:\\Windows\\notepad.exe')).toBe(false);
  });
});

describe('isTrustedSender', () => {
  it('trusts the top frame of the app’s page only', () => {
    expect(isTrustedSender('http://127.0.0.1:3000/#/settings', origin)).toBe(true);
    expect(isTrustedSender('http://127.0.0.1:3000/#/settings', origin, false)).toBe(false);
    expect(isTrustedSender('https://evil.example/', origin)).toBe(false);
    expect(isTrustedSender(null, origin)).toBe(false);
    expect(isTrustedSender(undefined, origin)).toBe(false);
    expect(isTrustedSender('http://127.0.0.1:3000/', null)).toBe(false);
  });
});

describe('appOriginOf and dashboardUrl', () => {
  it('take the origin from the server’s local URL and build a screen’s address on it', () => {
    expect(appOriginOf('http://127.0.0.1:54321')).toBe('http://127.0.0.1:54321');
    expect(appOriginOf('http://[::1]:3000')).toBe('http://[::1]:3000');
    expect(appOriginOf('file:///x')).toBeNull();
    expect(appOriginOf('nonsense')).toBeNull();
    expect(dashboardUrl(origin, '#/settings')).toBe('http://127.0.0.1:3000/#/settings');
    expect(dashboardUrl(origin, '/cash')).toBe('http://127.0.0.1:3000/#/cash');
  });
});
