import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** How long no waiter may have called before the till gives memory back (issue 19, item 5). */
export const QUIET_MS = 10_000;
/**
 * Waiter requests since the last release, at least, for the next one: a till that has just started
 * and answered a few calls keeps its heap (nothing to give back but a pause).
 */
export const BUSY_REQUESTS = 1_000;
/**
 * V8's heap committed beyond what it uses, at least, for a release to be worth its pause: after a
 * busy spell the young generation holds its cap (16 MiB, young-generation-cap.ts) and old space
 * the pages a full collection freed; V8 shrinks neither unless told to reduce memory.
 */
export const SLACK_BYTES = 8 * 1024 * 1024;

/** What V8 holds: committed (resident) and used bytes of its heap. */
export interface HeapFigures {
  physical: number;
  used: number;
}

export interface QuietMemoryOptions {
  quietMs?: number;
  busyRequests?: number;
  slackBytes?: number;
  now?: () => number;
  heap?: () => HeapFigures;
  /** A full, memory-reducing collection that gives freed pages back to the system; null: none available. */
  collect?: (() => void) | null;
  /** Told after each release: the heap before and after, for the log. */
  released?: (before: HeapFigures, after: HeapFigures, ms: number) => void;
}

const v8Heap = (): HeapFigures => {
  const heap = getHeapStatistics();
  return { physical: heap.total_physical_size, used: heap.used_heap_size };
};

type Gc = (options: object) => void;

/** V8's `gc`, exposed to a new context only and the flag turned off again: no script of the till sees it. */
function gcOfNewContext(): Gc | null {
  setFlagsFromString('--expose-gc');
  try {
    const gc = runInNewContext('gc') as unknown;
    return typeof gc === 'function' ? (gc as Gc) : null;
  } finally {
    setFlagsFromString('--no-expose-gc');
  }
}

/**
 * V8's "last resort" collection: several full collections that shrink the young generation and
 * return free pages to the system. Each call takes `gc` from a context of its own, left to the
 * collector afterwards (a context kept for it would cost memory for the process's life). Node and
 * Electron's main process both leave V8's flags writable after start (Electron starts V8 with
 * --no-freeze-flags-after-init). null where V8 refuses.
 */
export function memoryReducingCollection(): (() => void) | null {
  try {
    if (!gcOfNewContext()) return null;
  } catch {
    return null;
  }
  return () => gcOfNewContext()?.({ type: 'major', execution: 'sync', flavor: 'last-resort' });
}

/**
 * Gives memory back once the waiters go quiet after a busy spell (`busyRequests` or more). Under load V8 grows its young
 * generation (up to its cap, young-generation-cap.ts; 64 MiB and more without it) and old space, and
 * keeps them for the process's life unless asked to reduce memory; nothing else in a quiet till asks. So once no waiter has
 * called for `quietMs`, and V8 holds more than `slackBytes` it does not use, one memory-reducing
 * collection runs (a pause: 0.4 s once on the loaded 2-core bench VM; a waiter who calls just then
 * waits that much longer, once). No timer runs while the till is idle: the first
 * request after a release arms one, which re-arms at most once per `quietMs` while requests come.
 */
export class QuietMemoryRelease {
  private lastRequestAt = 0;
  private requestsSince = 0;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  private readonly quietMs: number;
  private readonly busyRequests: number;
  private readonly slackBytes: number;
  private readonly now: () => number;
  private readonly heap: () => HeapFigures;
  /** Resolved when the first release is due, not at start-up. */
  private collect: (() => void) | null | undefined;
  /** Releases done so far. */
  releases = 0;

  constructor(private readonly options: QuietMemoryOptions = {}) {
    this.quietMs = options.quietMs ?? QUIET_MS;
    this.busyRequests = options.busyRequests ?? BUSY_REQUESTS;
    this.slackBytes = options.slackBytes ?? SLACK_BYTES;
    this.now = options.now ?? (() => performance.now());
    this.heap = options.heap ?? v8Heap;
    this.collect = options.collect;
  }

  /** A waiter called: costs one clock read, and a timer only when none is armed and the spell is busy. */
  requested(): void {
    if (this.closed || this.collect === null) return;
    this.lastRequestAt = this.now();
    this.requestsSince += 1;
    if (!this.timer && this.requestsSince >= this.busyRequests) this.arm(this.quietMs);
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private arm(ms: number): void {
    this.timer = setTimeout(() => this.check(), ms);
    this.timer.unref();
  }

  private check(): void {
    this.timer = null;
    if (this.closed) return;
    const quietFor = this.now() - this.lastRequestAt;
    if (quietFor < this.quietMs) {
      this.arm(this.quietMs - quietFor);
      return;
    }
    this.requestsSince = 0;
    const before = this.heap();
    if (before.physical - before.used < this.slackBytes) return;
    if (this.collect === undefined) this.collect = memoryReducingCollection();
    if (this.collect === null) return;
    const began = this.now();
    this.collect();
    this.releases += 1;
    this.options.released?.(before, this.heap(), Math.round(this.now() - began));
  }
}
