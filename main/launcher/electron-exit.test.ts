import { constants } from 'node:os';
import { describe, expect, it } from 'vitest';
import { afterElectron, sandboxFailed } from './electron-exit.js';

const end = { code: 0, signal: null, stderr: '', platform: 'linux' as const, withoutSandbox: false, signals: constants.signals };

const UBUNTU_2404 =
  '[12345:1202/061500.123456:FATAL:setuid_sandbox_host.cc(163)] The SUID sandbox helper binary was found, but is not configured correctly. ' +
  'Rather than run without sandboxing I\'m aborting now. You need to make sure that /home/dev/till/node_modules/electron/dist/chrome-sandbox is owned by root and has mode 4755.';
const NO_USERNS = '[1:1:FATAL:zygote_host_impl_linux.cc(128)] No usable sandbox! If you are running on Ubuntu 23.10+ ... you can try using --no-sandbox.';

describe('afterElectron', () => {
  it('passes a normal exit code on', () => {
    expect(afterElectron(end)).toEqual({ action: 'exit', code: 0, message: null });
    expect(afterElectron({ ...end, code: 3 })).toEqual({ action: 'exit', code: 3, message: null });
  });

  it('counts a death by signal as a failure (SIGTRAP is a crash, not success), naming the signal', () => {
    const trap = afterElectron({ ...end, code: null, signal: 'SIGTRAP', platform: 'win32' });
    expect(trap).toMatchObject({ action: 'exit', code: 128 + constants.signals.SIGTRAP });
    expect(trap.action === 'exit' && trap.code).not.toBe(0);
    expect(trap.message).toContain('signal SIGTRAP');
  });

  it('on Linux, when Chromium’s sandbox cannot start, says so plainly and retries once with --no-sandbox', () => {
    for (const stderr of [UBUNTU_2404, NO_USERNS]) {
      const first = afterElectron({ ...end, code: null, signal: 'SIGTRAP', stderr });
      expect(first).toMatchObject({ action: 'retry', extraArgs: ['--no-sandbox'] });
      expect(first.message).toContain('AppArmor');
      expect(first.message).toContain('from the repository only');
      const again = afterElectron({ ...end, code: null, signal: 'SIGTRAP', stderr, withoutSandbox: true });
      expect(again).toMatchObject({ action: 'exit', code: 1 });
    }
  });

  it('does not take another platform’s crash, or ordinary output, for a sandbox failure', () => {
    expect(afterElectron({ ...end, platform: 'win32', code: null, signal: 'SIGTRAP', stderr: UBUNTU_2404 }).action).toBe('exit');
    expect(sandboxFailed('GPU process exited unexpectedly')).toBe(false);
  });
});
