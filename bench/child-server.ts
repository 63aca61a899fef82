import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { onServerCore, type CorePinning } from './core-pinning.js';
import { rssMiBOf } from './process-stats.js';
import { BONUS_TYPE } from './mixed-requests.js';

export interface ChildServer {
  url: string;
  /** What the server printed up to its `listening on` line. */
  banner: string;
  pid: number;
  /** Resident memory of the server process, in MiB (Linux /proc). */
  rssMiB(): number;
  stop(): Promise<void>;
}

const root = path.resolve(import.meta.dirname, '..');

/** Waits for a started server's `listening on <url>` line; rejects with what it printed if it exits first. */
export function listeningUrl(child: ChildProcess, name: string): Promise<{ url: string; output: string }> {
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/[^\s]+)/.exec(output);
      if (match?.[1]) resolve({ url: match[1], output });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code}: ${output}`)));
  });
}
export const COMPILED_HOST = path.join(root, 'dist', 'main', 'headless.js');

/** A host to start: a label, node flags, environment and script (`--variant` of the bench scripts). */
export interface HostVariant {
  label: string;
  flags: string[];
  env: Record<string, string>;
  script: string;
}

/** `'label;node flags;ENV=value ENV=value;host script'` (each part may be empty; the script defaults to the compiled host). */
export function hostVariantOf(spec: string): HostVariant {
  const [label = spec, flags = '', env = '', script = ''] = spec.split(';');
  return {
    label,
    flags: flags.split(' ').filter(Boolean),
    env: Object.fromEntries(env.split(' ').filter(Boolean).map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)])),
    script: script ? path.resolve(script) : COMPILED_HOST,
  };
}

/** The till's host as the bench starts it: compiled (`tsc -p tsconfig.build.json`) if built, else its sources. */
export function tillHost(): { script: string; compiled: boolean } {
  const compiled = existsSync(COMPILED_HOST);
  return { script: compiled ? COMPILED_HOST : 'main/headless.ts', compiled };
}

/** The host's arguments: loopback, any free port, its own data folder, a bonus payment type. */
export function tillHostArgs(dataDir: string): string[] {
  return ['--host', '127.0.0.1', '--port', '0', '--data-dir', dataDir, '--bonus-payment-type', BONUS_TYPE];
}

/** Starts a server script in its own process (so the load generator does not share its event loop). */
export async function startChildServer(
  script: string,
  args: string[] = [],
  options: { plainNode?: boolean; flags?: string[]; env?: Record<string, string>; pinning?: CorePinning | null } = {},
): Promise<ChildServer> {
  // A compiled script (dist/…/*.js) runs in plain node, as the installed app does; sources through
  // tsx, unless Node's own type stripping is enough (`plainNode`: a script that imports no .ts file).
  const loader = script.endsWith('.js') || options.plainNode === true ? [] : ['--import', 'tsx'];
  const command = onServerCore(options.pinning ?? null, process.execPath, [...(options.flags ?? []), ...loader, script, ...args]);
  const child: ChildProcess = spawn(command.file, command.args, {
    cwd: root,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const { url, output } = await listeningUrl(child, script);
  const pid = child.pid as number;
  return {
    url,
    banner: output,
    pid,
    rssMiB: () => rssMiBOf(pid),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
