import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface RunningTill {
  baseUrl: string;
  waiterUrl: string;
  dataDir: string;
  process: ChildProcess;
  /** SIGTERM, wait for a clean exit. */
  stop(): Promise<number | null>;
  /** Stop and remove the data directory. */
  dispose(): Promise<void>;
}

export const TEST_BONUS_PAYMENT_TYPE = '6f2c1f5e-0000-4000-8000-0000000000b0';

/**
 * Starts `npm run server` exactly as a user would (`tsx main/headless.ts`), on a free port, and
 * waits for its "listening on" line.
 */
export async function startTill(options: { dataDir?: string; args?: string[]; env?: Record<string, string> } = {}): Promise<RunningTill> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'gmb-e2e-'));
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'main/headless.ts', '--host', '127.0.0.1', '--port', '0', '--data-dir', dataDir, ...(options.args ?? [])],
    { cwd: path.resolve(import.meta.dirname, '../..'), stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...options.env } },
  );
  const baseUrl = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`the till did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/[^\s]+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
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
