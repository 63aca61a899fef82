import { readFileSync } from 'node:fs';

/** Linux clock ticks per second (USER_HZ): 100 on every kernel Node supports here. */
const TICKS_PER_SECOND = 100;

/** CPU seconds a process has used so far (user + system), from /proc/<pid>/stat. */
export function cpuSecondsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the name.
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/** Resident memory of a process, in MiB, from /proc/<pid>/status. */
export function rssMiBOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round((kb / 1024) * 10) / 10;
}

/** A core's clock ticks from /proc/stat: those its guests' host took (steal) and all of them. */
export interface CoreTicks {
  steal: number;
  total: number;
}

/**
 * The ticks of one core (`cpu1`), or of all (`cpu`) when `core` is null, read from /proc/stat's
 * text. Its fields: user nice system idle iowait irq softirq steal guest guest_nice; guest time is
 * already counted in user, so the total is the first eight.
 */
export function coreTicksIn(procStat: string, core: number | null): CoreTicks {
  const name = core === null ? 'cpu' : `cpu${core}`;
  const line = procStat.split('\n').find((row) => row.startsWith(`${name} `));
  if (!line) throw new Error(`no ${name} line in /proc/stat`);
  const ticks = line.trim().split(/\s+/).slice(1, 9).map(Number);
  return { steal: ticks[7] ?? 0, total: ticks.reduce((sum, n) => sum + n, 0) };
}

export function coreTicksOf(core: number | null): CoreTicks {
  return coreTicksIn(readFileSync('/proc/stat', 'utf8'), core);
}

/**
 * The share of a core's time its virtual machine's host gave to others between two readings, in
 * percent (one decimal): a round measured while the host ran other guests says so.
 */
export function stealPercent(before: CoreTicks, after: CoreTicks): number {
  const total = after.total - before.total;
  return total <= 0 ? 0 : Math.round(((after.steal - before.steal) / total) * 1000) / 10;
}

/** The ticks of several cores at once (one read of /proc/stat). */
export function coresTicksOf(cores: readonly (number | null)[]): CoreTicks[] {
  const procStat = readFileSync('/proc/stat', 'utf8');
  return cores.map((core) => coreTicksIn(procStat, core));
}

/**
 * The worst steal among several cores between two readings: a round is as disturbed as its most
 * disturbed core (the load generator's bounds the bare server's req/s, the servers' core the till's).
 */
export function worstStealPercent(before: readonly CoreTicks[], after: readonly CoreTicks[]): number {
  return Math.max(0, ...before.map((ticks, i) => stealPercent(ticks, after[i] ?? ticks)));
}
