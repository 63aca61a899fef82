import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { tillHostBuildOf, tillHostCommand } from '../../scripts/till-host-command.js';

export interface RunningTill {
  baseUrl: string;
  waiterUrl: string;
  dataDir: string;
  process: ChildProcess;
  /** Sets the till's clock (only a till started with `clock`). */
  setClock(at: Date): Promise<void>;
  /** SIGTERM, wait for a clean exit. */
  stop(): Promise<number | null>;
  /** Stop and remove the data directory. */
  dispose(): Promise<void>;
}

export const TEST_BONUS_PAYMENT_TYPE = '6f2c1f5e-0000-4000-8000-0000000000b0';

/**
 * Starts the headless host on a free port — in the e2e the bundled host, as installed
 * (GMB_TILL_HOST=built, set by playwright.config.ts; `npm run test:e2e` builds it), in vitest its
 * sources through tsx (scripts/till-host-command.ts) — and waits for its "listening on" line.
 */
export async function startTill(
  options: { dataDir?: string; args?: string[]; env?: Record<string, string>; clock?: { start: Date; timeZone: string } } = {},
): Promise<RunningTill> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'gmb-e2e-'));
  // With a clock: the e2e-only host on a clock the test moves (e2e/support/clock-till-host.ts), in the given time zone.
  // The clock host is e2e code on the core's sources (a manual clock is no part of the build).
  const command = options.clock
    ? ['--import', 'tsx', 'e2e/support/clock-till-host.ts', dataDir, options.clock.start.toISOString()]
    : [...tillHostCommand(tillHostBuildOf(process.env)), '--host', '127.0.0.1', '--port', '0', '--data-dir', dataDir, ...(options.args ?? [])];
  const child = spawn(process.execPath, command, {
    cwd: path.resolve(import.meta.dirname, '../..'),
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...options.env, ...(options.clock ? { TZ: options.clock.timeZone } : {}) },
  });
  const [baseUrl, clockUrl] = await new Promise<[string, string | null]>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`the till did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/[^\s]+)/.exec(output);
      const clockMatch = /clock on (http:\/\/[^\s]+)/.exec(output);
      if (match?.[1] && (!options.clock || clockMatch?.[1])) {
        clearTimeout(timer);
        resolve([match[1], clockMatch?.[1] ?? null]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the till exited with ${code}:\n${output}`));
    });
  });
  const stop = () =>
    new Promise<number | null>((resolve) => {
      if (child.exitCode !== null) return resolve(child.exitCode);
      child.once('exit', (code) => resolve(code));
      child.kill('SIGTERM');
    });
  return {
    baseUrl,
    setClock: async (at: Date) => {
      if (!clockUrl) throw new Error('this till runs on the system clock');
      const answer = await fetch(`${clockUrl}/clock?at=${encodeURIComponent(at.toISOString())}`, { method: 'POST' });
      if (answer.status !== 204) throw new Error(`the clock did not move: ${answer.status}`);
    },
    waiterUrl: `${baseUrl}/GetMeBack`,
    dataDir,
    process: child,
    stop,
    dispose: async () => {
      await stop();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
