import { describe, expect, it } from 'vitest';
import { CHECK_EVERY_MS, updateAction, updateFeed, type UpdateSituation } from './update-policy.js';

const base: UpdateSituation = { installed: true, url: 'https://updates.getmeback.ru/till/', trigger: 'timer', now: 10 * CHECK_EVERY_MS, lastCheckAt: null, busy: false, downloaded: null };

describe('updateAction', () => {
  it('does nothing at all while the update folder is empty or invalid', () => {
    for (const trigger of ['start', 'timer', 'manager-install', 'quit'] as const) {
      expect(updateAction({ ...base, url: '', trigger, downloaded: '0.2.0' })).toBe('off');
      expect(updateAction({ ...base, url: 'http://updates.example.ru/', trigger })).toBe('off');
      // `npm start` runs no installer: nothing to update.
      expect(updateAction({ ...base, installed: false, trigger, downloaded: '0.2.0' })).toBe('off');
    }
  });

  it('checks at start and then once a day, never twice at once', () => {
    expect(updateAction({ ...base, trigger: 'start' })).toBe('check');
    expect(updateAction({ ...base, trigger: 'start', busy: true })).toBe('wait');
    expect(updateAction({ ...base, lastCheckAt: base.now - CHECK_EVERY_MS + 1 })).toBe('wait');
    expect(updateAction({ ...base, lastCheckAt: base.now - CHECK_EVERY_MS })).toBe('check');
    expect(updateAction({ ...base, lastCheckAt: null, busy: true })).toBe('wait');
  });

  it('never installs during service: a downloaded update waits for the manager or the next quit', () => {
    const ready = { ...base, downloaded: '0.2.0', lastCheckAt: base.now };
    expect(updateAction({ ...ready, trigger: 'timer' })).toBe('wait');
    expect(updateAction({ ...ready, trigger: 'start' })).toBe('check');
    expect(updateAction({ ...ready, trigger: 'manager-install' })).toBe('install-now');
    expect(updateAction({ ...ready, trigger: 'quit' })).toBe('install-at-quit');
    expect(updateAction({ ...base, trigger: 'manager-install' })).toBe('wait');
    expect(updateAction({ ...base, trigger: 'quit' })).toBe('wait');
  });
});

describe('updateFeed', () => {
  it('accepts an https folder and writes it with a trailing slash, without query or fragment', () => {
    expect(updateFeed(' https://updates.getmeback.ru/till ')).toEqual({ kind: 'ok', url: 'https://updates.getmeback.ru/till/' });
    expect(updateFeed('https://updates.getmeback.ru/till/?x=1#y')).toEqual({ kind: 'ok', url: 'https://updates.getmeback.ru/till/' });
    expect(updateFeed('')).toEqual({ kind: 'off' });
  });

  it('refuses plain http on the network, credentials and non-URLs; http only for this machine', () => {
    expect(updateFeed('http://updates.getmeback.ru/till/')).toEqual({ kind: 'invalid', reason: 'notHttps' });
    expect(updateFeed('https://user:pw@updates.getmeback.ru/')).toEqual({ kind: 'invalid', reason: 'malformed' });
    expect(updateFeed('updates')).toEqual({ kind: 'invalid', reason: 'malformed' });
    expect(updateFeed('ftp://updates.getmeback.ru/')).toEqual({ kind: 'invalid', reason: 'notHttps' });
    expect(updateFeed('http://[::1]:8080/feed')).toEqual({ kind: 'ok', url: 'http://[::1]:8080/feed/' });
    expect(updateFeed('http://127.0.0.1:8080/feed')).toEqual({ kind: 'ok', url: 'http://127.0.0.1:8080/feed/' });
  });
});
