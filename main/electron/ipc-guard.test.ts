import { describe, expect, it } from 'vitest';
import { MAX_CLIPBOARD_TEXT, SHELL_CHANNELS, isShellChannel, type ShellChannel } from '../../shared/ipc.js';
import { checkShellCall } from './ipc-guard.js';

const origin = 'http://127.0.0.1:3000';
const app = { frameUrl: 'http://127.0.0.1:3000/#/settings', isMainFrame: true };

describe('checkShellCall', () => {
  it('passes a well-formed call from the app’s top frame, with its arguments', () => {
    expect(checkShellCall('shell:set-notifications-paused', app, [true], origin)).toEqual({ ok: true, args: [true] });
    expect(checkShellCall('shell:copy-text', app, ['http://192.168.1.10:3000/GetMeBack'], origin)).toEqual({
      ok: true,
      args: ['http://192.168.1.10:3000/GetMeBack'],
    });
    expect(checkShellCall('shell:app-version', app, [], origin)).toEqual({ ok: true, args: [] });
  });

  it('refuses a sender that is not the app: another site, an iframe, a gone frame, or before the server has an origin', () => {
    const refused = (sender: { frameUrl: string | null; isMainFrame: boolean }, at: string | null = origin) =>
      checkShellCall('shell:set-autostart', sender, [true], at).ok;
    expect(refused({ frameUrl: 'https://evil.example/', isMainFrame: true })).toBe(false);
    expect(refused({ frameUrl: 'http://127.0.0.1:3000/', isMainFrame: false })).toBe(false);
    expect(refused({ frameUrl: null, isMainFrame: true })).toBe(false);
    expect(refused(app, null)).toBe(false);
  });

  it('refuses arguments of the wrong type, count or size, naming the channel for the log', () => {
    const wrongType = checkShellCall('shell:set-autostart', app, ['yes'], origin);
    expect(wrongType.ok).toBe(false);
    if (!wrongType.ok) expect(wrongType.reason).toContain('shell:set-autostart');
    expect(checkShellCall('shell:set-autostart', app, [], origin).ok).toBe(false);
    expect(checkShellCall('shell:app-version', app, ['extra'], origin).ok).toBe(false);
    expect(checkShellCall('shell:copy-text', app, ['x'.repeat(MAX_CLIPBOARD_TEXT + 1)], origin).ok).toBe(false);
    expect(checkShellCall('shell:copy-text', app, [{ toString: () => 'x' }], origin).ok).toBe(false);
  });

  it('refuses a channel outside the map even if it reaches the guard', () => {
    expect(checkShellCall('shell:run-command' as ShellChannel, app, [], origin)).toEqual({ ok: false, reason: 'unknown channel shell:run-command' });
    expect(isShellChannel('toString')).toBe(false);
    expect(isShellChannel('__proto__')).toBe(false);
  });

  it('knows exactly the shell actions of the channel map', () => {
    expect(SHELL_CHANNELS.sort()).toEqual([
      'shell:app-version',
      'shell:copy-text',
      'shell:get-autostart',
      'shell:get-notifications-paused',
      'shell:install-update',
      'shell:open-settings-window',
      'shell:set-autostart',
      'shell:set-notifications-paused',
      'shell:update-state',
    ]);
  });
});
