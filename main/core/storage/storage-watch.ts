import { statfsSync } from 'node:fs';
import type { Clock } from '../clock.js';
import type { EventBus } from '../events/event-bus.js';
import { storageTroubleOf, type StorageTroubleKind } from '../ledger/storage-trouble.js';
import type { Logger } from '../logger.js';

export interface StorageWatchDeps {
  events: EventBus;
  clock: Clock;
  logger: Logger;
  /** The data folder, whose free space ends an episode of a full disk. */
  dataDir: string;
  /** How often the till tries to write again while the disk refuses (default 5 s). */
  probeEveryMs?: number;
}

interface Episode {
  kind: StorageTroubleKind;
  since: string;
  refused: number;
}

/** Free space that ends a full disk's episode: room for a WAL checkpoint (1 000 pages of 4 KB) and then some. */
export const MIN_FREE_BYTES = 8 * 1024 * 1024;

function freeBytes(folder: string): number {
  try {
    const disk = statfsSync(folder);
    return disk.bavail * disk.bsize;
  } catch {
    return 0;
  }
}

/**
 * The disk under the data folder, as the till lives with it. The first write the disk refuses (full,
 * read-only, failing) opens an episode: one `storage.failed` event for the feed and the tray, one log
 * line. Nothing is blocked — each request simply tries, and a refused one rolled back all it did —
 * so the till serves again the moment the disk accepts writes. A probe every few seconds (an
 * unref'd timer) writes the `storage.recovered` event; when that write succeeds, the episode ends.
 */
export class StorageWatch {
  private episode: Episode | null = null;
  private timer: NodeJS.Timeout | null = null;
  /** When the log writer last failed: the log's disk counts as well while it keeps failing. */
  private logFailedAt = 0;
  private readonly probeEveryMs: number;

  constructor(private readonly deps: StorageWatchDeps) {
    this.probeEveryMs = deps.probeEveryMs ?? 5_000;
  }

  /** The trouble of the episode under way, if any. */
  trouble(): StorageTroubleKind | null {
    return this.episode?.kind ?? null;
  }

  /**
   * Tells the watch about an error; returns its kind when it is the disk's (else null, and nothing
   * happens). `refused` counts a waiter's request that the disk turned away.
   */
  report(error: unknown, source: 'request' | 'work' | 'log'): StorageTroubleKind | null {
    const kind = storageTroubleOf(error);
    if (kind === null) return null;
    if (source === 'log') this.logFailedAt = this.deps.clock.now().getTime();
    if (this.episode) {
      if (source === 'request') this.episode.refused += 1;
      return kind;
    }
    this.episode = { kind, since: this.deps.clock.now().toISOString(), refused: source === 'request' ? 1 : 0 };
    const code = String((error as { code?: unknown }).code);
    const message = error instanceof Error ? error.message : String(error);
    this.deps.logger.error({ err: error, kind, code, source }, 'the disk refuses writes: nothing is written until it accepts them again');
    this.deps.events.tell('storage.failed', { kind, code, message });
    this.timer = setInterval(() => this.probe(), this.probeEveryMs);
    this.timer.unref();
    return kind;
  }

  /**
   * Tries to end the episode by writing its `storage.recovered` event; true when the disk takes
   * writes again (or there was no episode). A log that failed within the last probe period keeps it open.
   */
  probe(): boolean {
    const episode = this.episode;
    if (!episode) return true;
    if (this.deps.clock.now().getTime() - this.logFailedAt < this.probeEveryMs) return false;
    // A small event still fits in a nearly full disk where a payment does not: a full disk ends with room to work.
    if (episode.kind === 'full' && freeBytes(this.deps.dataDir) < MIN_FREE_BYTES) return false;
    try {
      this.deps.events.record('storage.recovered', { kind: episode.kind, since: episode.since, refused: episode.refused });
    } catch (error) {
      if (storageTroubleOf(error) === null) throw error;
      return false;
    }
    this.episode = null;
    this.stop();
    this.deps.logger.info({ kind: episode.kind, since: episode.since, refused: episode.refused }, 'the disk accepts writes again');
    return true;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
