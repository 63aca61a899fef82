import { execFileSync, spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';

/**
 * Which core the load generator and the servers of the throughput rounds run on. On these 2-core
 * machines, left to the scheduler, autocannon and the server under test sometimes share a core and
 * sometimes do not: the same server's CPU per request then swings by up to 2× from one round to the
 * next (measured: the Koa peer 54–114 µs a check-in in six rounds of one run). With the load
 * generator on one core and every server on the other, each ratio compares servers, not the
 * scheduler's placement. Needs Linux's `taskset` and at least two cores; otherwise nothing is pinned.
 */
export interface CorePinning {
  /** The core of this process (autocannon runs in it). */
  loadCore: number;
  /** The core every server is started on. */
  serverCore: number;
}

export const PINNED: CorePinning = { loadCore: 0, serverCore: 1 };

/** Whether this machine can pin: two cores or more, and `taskset` present. */
export function canPin(cores = availableParallelism(), hasTaskset = () => spawnSync('taskset', ['--version'], { stdio: 'ignore' }).status === 0): boolean {
  return cores >= 2 && hasTaskset();
}

/** The pinning to use: `PINNED` when asked for and possible, else null (the scheduler places everything). */
export function corePinning(wanted: boolean): CorePinning | null {
  return wanted && canPin() ? PINNED : null;
}

/** Moves every thread of this process to the load generator's core (threads started later inherit it). */
export function pinLoadGenerator(pinning: CorePinning | null): void {
  if (pinning) execFileSync('taskset', ['--all-tasks', '--cpu-list', '--pid', String(pinning.loadCore), String(process.pid)], { stdio: 'ignore' });
}

/** Gives this process every core again (the phases after the throughput rounds are not pinned). */
export function releaseLoadGenerator(pinning: CorePinning | null): void {
  if (pinning) execFileSync('taskset', ['--all-tasks', '--cpu-list', '--pid', `0-${availableParallelism() - 1}`, String(process.pid)], { stdio: 'ignore' });
}

/** The command that starts `file args` on the servers' core (taskset execs it: the pid stays the server's). */
export function onServerCore(pinning: CorePinning | null, file: string, args: readonly string[]): { file: string; args: string[] } {
  return pinning ? { file: 'taskset', args: ['--cpu-list', String(pinning.serverCore), file, ...args] } : { file, args: [...args] };
}

/** One line for the bench's header: where the load and the servers ran. */
export function pinningNote(pinning: CorePinning | null): string {
  return pinning
    ? `load generator on core ${pinning.loadCore}, every server on core ${pinning.serverCore} (taskset)`
    : 'not pinned to cores (one core, no taskset, or --unpinned): ratios swing more from round to round';
}

/**
 * The cores whose steal time the rounds read: the load generator's and the servers' when pinned
 * (the bare server's req/s is bounded by autocannon's core, the till's by its own), the whole
 * machine's (null) when not; undefined where /proc/stat does not exist (not Linux).
 */
export function stealCoresOf(pinning: CorePinning | null, platform: NodeJS.Platform = process.platform): (number | null)[] | undefined {
  if (platform !== 'linux') return undefined;
  return pinning ? [pinning.loadCore, pinning.serverCore] : [null];
}
