import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { UpdateState } from '../../shared/update-state.js';
import { failureStage, TICK_MS, TillUpdater, type UpdateFailure, type UpdaterPort } from './till-updater.js';
import { CHECK_EVERY_MS } from './update-policy.js';

/** electron-updater's updater as the till drives it: what it was asked, and its events played by the test. */
class FakeUpdater extends EventEmitter {
  autoDownload = false;
  autoInstallOnAppQuit = false;
  feeds: unknown[] = [];
  checks = 0;
  installs: [boolean | undefined, boolean | undefined][] = [];

  setFeedURL(options: unknown): void {
    this.feeds.push(options);
  }
  checkForUpdates(): Promise<unknown> {
    this.checks += 1;
    return Promise.resolve({});
  }
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void {
    this.installs.push([isSilent, isForceRunAfter]);
  }
}

const FEED = 'https://updates.getmeback.ru/till';
let fake: FakeUpdater;
let states: UpdateState[];
let failures: UpdateFailure[];

function updater(installed = true): TillUpdater {
  return new TillUpdater(fake as unknown as UpdaterPort, {
    installed,
    now: () => Date.now(),
    onState: (state) => states.push(state),
    onFailure: (failure) => failures.push(failure),
  });
}

const checksumError = () => Object.assign(new Error('sha512 checksum mismatch, expected abc, got def'), { code: 'ERR_CHECKSUM_MISMATCH' });

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-12-02T09:00:00Z') });
  fake = new FakeUpdater();
  states = [];
  failures = [];
});
afterEach(() => {
  vi.useRealTimers();
});

describe('TillUpdater', () => {
  it('sets the generic provider on the folder, downloads in the background, installs at the next quit, checks at start', () => {
    const till = updater();
    till.start(FEED);
    expect(fake.feeds).toEqual([{ provider: 'generic', url: `${FEED}/` }]);
    expect(fake.autoDownload).toBe(true);
    expect(fake.autoInstallOnAppQuit).toBe(true);
    expect(fake.checks).toBe(1);
    till.stop();
  });

  it('with no folder, or in `npm start`, never checks and says why', () => {
    const off = updater();
    off.start('');
    expect(fake.checks).toBe(0);
    expect(fake.autoInstallOnAppQuit).toBe(false);
    expect(off.state).toEqual({ kind: 'off', reason: 'no-url' });
    off.stop();
    const dev = updater(false);
    dev.start(FEED);
    expect(fake.checks).toBe(0);
    expect(dev.state).toEqual({ kind: 'off', reason: 'not-installed' });
    dev.stop();
  });

  it('checks again once a day on an unref’d timer, never while a check is under way', async () => {
    const till = updater();
    const unref = vi.spyOn(globalThis, 'setInterval');
    till.start(FEED);
    const timer = unref.mock.results[0]?.value as NodeJS.Timeout;
    expect(timer.hasRef()).toBe(false);
    fake.emit('update-not-available', { version: '0.1.0' });
    await vi.advanceTimersByTimeAsync(CHECK_EVERY_MS - TICK_MS);
    expect(fake.checks).toBe(1);
    await vi.advanceTimersByTimeAsync(TICK_MS);
    expect(fake.checks).toBe(2);
    // The second check has not answered yet: the timer waits for it rather than piling checks up.
    await vi.advanceTimersByTimeAsync(2 * CHECK_EVERY_MS);
    expect(fake.checks).toBe(2);
    fake.emit('update-not-available', { version: '0.1.0' });
    await vi.advanceTimersByTimeAsync(TICK_MS);
    expect(fake.checks).toBe(3);
    till.stop();
  });

  it('shows the download and, once verified, installs only on the manager’s word — silently, starting the till again', () => {
    const till = updater();
    till.start(FEED);
    expect(till.installNow()).toBe(false);
    fake.emit('checking-for-update');
    fake.emit('update-available', { version: '0.2.0' });
    fake.emit('download-progress', { percent: 41.7 });
    expect(till.state).toEqual({ kind: 'downloading', version: '0.2.0', percent: 41 });
    expect(fake.installs).toEqual([]);
    fake.emit('update-downloaded', { version: '0.2.0', downloadedFile: 'x.exe' });
    expect(till.state).toEqual({ kind: 'downloaded', version: '0.2.0' });
    // Nothing restarts by itself, whatever the timer does.
    vi.advanceTimersByTime(3 * CHECK_EVERY_MS);
    expect(fake.installs).toEqual([]);
    expect(till.installNow()).toBe(true);
    expect(fake.installs).toEqual([[true, true]]);
    expect(states.map((state) => state.kind)).toContain('checking');
    till.stop();
  });

  it('a file whose sha512 does not match is refused: a failure of the "verify" step, reported once', () => {
    const till = updater();
    till.start(FEED);
    fake.emit('update-available', { version: '0.2.0' });
    fake.emit('error', checksumError());
    expect(till.state).toMatchObject({ kind: 'failed', stage: 'verify', version: '0.2.0' });
    expect(failures).toEqual([{ stage: 'verify', version: '0.2.0', message: 'sha512 checksum mismatch, expected abc, got def' }]);
    expect(till.installNow()).toBe(false);
    till.stop();
  });

  it('a new folder from the settings is used and checked at once; clearing it turns updates off', () => {
    const till = updater();
    till.start('');
    till.setUrl(FEED);
    expect(fake.checks).toBe(1);
    till.setUrl(FEED);
    expect(fake.checks).toBe(1);
    till.setUrl('');
    expect(till.state).toEqual({ kind: 'off', reason: 'no-url' });
    expect(fake.autoInstallOnAppQuit).toBe(false);
    till.stop();
  });

  it('when the computer’s session ends, a downloaded update is not installed at that quit, and no check starts any more', () => {
    const till = updater();
    till.start(FEED);
    fake.emit('update-downloaded', { version: '0.2.0', downloadedFile: 'x.exe' });
    expect(fake.autoInstallOnAppQuit).toBe(true);
    till.noInstallAtThisQuit();
    expect(fake.autoInstallOnAppQuit).toBe(false);
    vi.advanceTimersByTime(3 * CHECK_EVERY_MS);
    expect(fake.checks).toBe(1);
    expect(fake.installs).toEqual([]);
  });
});

describe('failureStage', () => {
  it('tells a refused file from a broken download and an unreachable folder', () => {
    expect(failureStage(checksumError(), 'downloading')).toBe('verify');
    expect(failureStage(Object.assign(new Error('bad signature'), { code: 'ERR_UPDATER_INVALID_SIGNATURE' }), 'downloading')).toBe('verify');
    expect(failureStage(new Error('socket hang up'), 'downloading')).toBe('download');
    expect(failureStage(new Error('net::ERR_NAME_NOT_RESOLVED'), 'checking')).toBe('check');
  });
});
