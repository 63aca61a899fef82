import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { tillHostCommand } from '../till-host-command.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The headless host as a child process (the bundled host, `npm run build:host`), started on a fresh
 * port each time over the same data directory, and killed the hard way: SIGKILL, no goodbye.
 */
export class HostProcess {
  private child: ChildProcess | null = null;
  private url: string | null = null;
  starts = 0;

  constructor(private readonly args: string[]) {}

  /** The waiter API's base URL once the host is listening (waits through a restart). */
  async baseUrl(): Promise<string> {
    while (this.url === null) await sleep(20);
    return this.url;
  }

  async start(): Promise<string> {
    const child = spawn(process.execPath, [...tillHostCommand('built'), '--host', '127.0.0.1', '--port', '0', ...this.args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.starts += 1;
    const url = await new Promise<string>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`host did not start in 30 s:\n${output}`)), 30_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString('utf8');
        const match = /listening on (http:\/\/\S+)/.exec(output);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(`${match[1]}/GetMeBack`);
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`host exited before listening (code ${code}, signal ${signal}):\n${output}`));
      });
    });
    this.url = url;
    return url;
  }

  /** SIGKILL: the process dies between any two instructions, mid-transaction or mid-answer. */
  async kill(): Promise<void> {
    await this.stop('SIGKILL');
  }

  /** SIGTERM by default: the clean stop, for the end of the run. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    this.url = null;
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill(signal);
    await exited;
  }
}
