import { describe, expect, it } from 'vitest';
import { chooseHost } from './choose-host.js';

const desktop = { electronBinaryInstalled: true, platform: 'win32' as const, display: undefined, waylandDisplay: undefined, forceHeadless: false };

describe('chooseHost', () => {
  it('opens the desktop app where Electron is installed', () => {
    expect(chooseHost(desktop)).toEqual({ host: 'electron' });
    expect(chooseHost({ ...desktop, platform: 'linux', display: ':0' })).toEqual({ host: 'electron' });
  });
  it('runs headless, saying why, without the Electron binary', () => {
    const choice = chooseHost({ ...desktop, electronBinaryInstalled: false });
    expect(choice.host).toBe('headless');
    expect(choice).toHaveProperty('reason', expect.stringContaining('binary is not installed'));
  });
  it('tells a download that timed out during npm ci as such, with the command that finishes it', () => {
    const choice = chooseHost({ ...desktop, electronBinaryInstalled: false, electronDownload: { outcome: 'timed-out', seconds: 120 } });
    expect(choice).toEqual({ host: 'headless', reason: expect.stringContaining('did not finish within 120 s') });
    expect(choice).toHaveProperty('reason', expect.stringContaining('node scripts/install-electron-binary.mjs'));
  });
  it('runs headless on a Linux machine without a display', () => {
    const choice = chooseHost({ ...desktop, platform: 'linux' });
    expect(choice).toHaveProperty('reason', expect.stringContaining('no display'));
  });
  it('runs headless when asked to', () => {
    expect(chooseHost({ ...desktop, forceHeadless: true }).host).toBe('headless');
  });
});
