import { closeSync, fstatSync, mkdirSync, openSync, write, writeSync } from 'node:fs';
import path from 'node:path';
import { LOG_ROTATION, rotateLog } from './log-rotation.js';

export interface LogFileLimits {
  /** A file is moved aside before it would grow past this. */
  maxBytes: number;
  /** Older files kept: till.log.1 … till.log.<keep>. On disk at most (keep + 1) × maxBytes. */
  keep: number;
  /** Characters waiting for the disk at most; past this new lines are dropped and counted. */
  maxQueuedChars: number;
  /**
   * Info lines (the access log) wait up to this long to go out together: one write a batch, not one
   * per request (issue 19). Warnings and errors, and a batch of 64 KiB, go out at once. 0: all at once.
   */
  batchMs?: number;
}

export const LOG_FILE_LIMITS: LogFileLimits = { ...LOG_ROTATION, maxQueuedChars: 1024 * 1024, batchMs: 100 };

/** A batch this large is written without waiting for the rest of `batchMs`. */
const BATCH_CHARS = 64 * 1024;

/** Files with lines still in memory: written synchronously when the process exits (a normal quit, process.exit, an uncaught error). */
const openFiles = new Set<RotatingLogFile>();
let exitHookSet = false;

function writeAllAtExit(file: RotatingLogFile): void {
  openFiles.add(file);
  if (exitHookSet) return;
  exitHookSet = true;
  process.once('exit', () => {
    for (const open of openFiles) open.flushSync();
  });
}

/**
 * Whether a line may wait for its batch: pino's lines begin `{"level":NN,`; trace, debug and info
 * (10–30) may, warn, error and fatal (40–60) and anything else go out at once.
 */
function mayWait(line: string): boolean {
  if (!line.startsWith('{"level":') || line.charCodeAt(10) !== 48 /* 0 */ || line.charCodeAt(11) !== 44 /* , */) return false;
  const tens = line.charCodeAt(9) - 48;
  return tens >= 1 && tens <= 3;
}

/**
 * The till's log file, as pino's destination: lines gather in memory, info lines for up to
 * `batchMs` and while one write is on its way (a busy evening costs ten writes a second, not one
 * per request), warnings and errors go out at once; the file is rotated by size while the till
 * runs, and the queue is bounded: when the disk cannot keep up, new lines are dropped and counted
 * (one line says how many) rather than growing memory. What is queued is written synchronously at
 * `end()` and when the process exits; a process killed outright (SIGKILL, power cut) loses at most
 * the info lines of its last `batchMs`.
 */
export class RotatingLogFile {
  private fd: number;
  /** False after a rotation that could not open the new file: the next write tries again. */
  private fdOpen = true;
  private size: number;
  private queue: string[] = [];
  private queuedChars = 0;
  private writing = false;
  /** A line that must not wait is queued: the next write goes at once. */
  private urgent = false;
  private batchTimer: NodeJS.Timeout | null = null;
  private closed = false;
  private droppedSince = 0;
  /** Lines dropped since the file was opened. */
  dropped = 0;
  /** Times the file was rotated while running. */
  rotations = 0;
  /** Writes the disk refused (full, read-only): their lines are lost, the till is not. */
  failedWrites = 0;
  private failedSince = 0;
  /** A write that stopped mid-line: the next text starts on a line of its own. */
  private torn = false;
  private readonly failureListeners: ((error: NodeJS.ErrnoException) => void)[] = [];
  private readonly idle: (() => void)[] = [];

  constructor(
    readonly file: string,
    private readonly limits: LogFileLimits = LOG_FILE_LIMITS,
  ) {
    mkdirSync(path.dirname(file), { recursive: true });
    this.fd = openSync(file, 'a', 0o600);
    this.size = fstatSync(this.fd).size;
    writeAllAtExit(this);
  }

  /** Hears each write the disk refuses (the till's storage watch: a full disk is told to the cashier). */
  onWriteFailed(listener: (error: NodeJS.ErrnoException) => void): void {
    this.failureListeners.push(listener);
  }

  /** pino calls this with each line (newline included). */
  write(line: string): boolean {
    if (this.closed) return false;
    if (this.queuedChars + line.length > this.limits.maxQueuedChars) {
      this.dropped += 1;
      this.droppedSince += 1;
      return true;
    }
    this.queue.push(line);
    this.queuedChars += line.length;
    if (!mayWait(line)) this.urgent = true;
    if (!this.writing) this.writeNowOrSoon();
    return true;
  }

  /** Writes what is queued now (not at the end of its batch) and calls back when it is on disk. */
  flush(callback?: (error?: Error) => void): void {
    if (!this.writing && this.queue.length === 0) {
      callback?.();
      return;
    }
    this.idle.push(() => callback?.());
    if (!this.writing) this.writeQueued();
  }

  /** Writes what is queued synchronously (at exit) and closes the file. */
  flushSync(): void {
    if (this.closed) return;
    this.stopBatchTimer();
    const chunk = this.takeQueued();
    if (chunk.length > 0) {
      this.rotateIfFull(chunk.length);
      if (!this.fdOpen) return;
      try {
        writeSync(this.fd, chunk);
        this.size += chunk.length;
      } catch (error) {
        this.failed(error as NodeJS.ErrnoException);
      }
    }
  }

  end(): void {
    this.flushSync();
    this.closed = true;
    this.stopBatchTimer();
    openFiles.delete(this);
    if (!this.writing) this.closeFile();
  }

  /** The next write: at once for a warning or an error, a full batch or someone waiting on `flush`; else at the end of the batch. */
  private writeNowOrSoon(): void {
    const batchMs = this.limits.batchMs ?? 0;
    if (this.urgent || batchMs <= 0 || this.idle.length > 0 || this.queuedChars >= Math.min(BATCH_CHARS, this.limits.maxQueuedChars / 2)) {
      this.writeQueued();
      return;
    }
    if (this.batchTimer) return;
    // Unref'd: a quiet till is not woken by it, and the exit hook writes what it would have.
    this.batchTimer = setTimeout(() => {
      this.batchTimer = null;
      if (!this.writing) this.writeQueued();
    }, batchMs).unref();
  }

  private stopBatchTimer(): void {
    if (this.batchTimer) clearTimeout(this.batchTimer);
    this.batchTimer = null;
  }

  private takeQueued(): Buffer {
    // The notes below ride with real lines only: a failed write must not loop on its own note.
    if (this.queue.length === 0) return Buffer.alloc(0);
    let text = (this.torn ? '\n' : '') + this.queue.join('');
    this.torn = false;
    this.queue = [];
    this.queuedChars = 0;
    if (this.droppedSince > 0) {
      text += `${JSON.stringify({ level: 40, time: Date.now(), msg: 'log lines dropped: the disk did not keep up', dropped: this.droppedSince })}\n`;
      this.droppedSince = 0;
    }
    if (this.failedSince > 0) {
      text += `${JSON.stringify({ level: 40, time: Date.now(), msg: 'log lines lost: the disk refused them', failedWrites: this.failedSince })}\n`;
      this.failedSince = 0;
    }
    return Buffer.from(text, 'utf8');
  }

  private writeQueued(): void {
    this.stopBatchTimer();
    this.urgent = false;
    const chunk = this.takeQueued();
    if (chunk.length === 0) {
      this.writing = false;
      for (const done of this.idle.splice(0)) done();
      return;
    }
    this.writing = true;
    this.rotateIfFull(chunk.length);
    if (!this.fdOpen) {
      this.failedSince += 1;
      this.writing = false;
      for (const done of this.idle.splice(0)) done();
      return;
    }
    this.writeFrom(chunk, 0);
  }

  /** Writes the chunk from `offset` on: a disk nearly full takes part of it, and the rest is tried again. */
  private writeFrom(chunk: Buffer, offset: number): void {
    write(this.fd, chunk, offset, chunk.length - offset, null, (error, written) => {
      if (this.closed) {
        this.closeFile();
        return;
      }
      // A failed write (disk full) loses its lines, never the till; a line tells of it once the disk takes them again.
      this.size += error ? 0 : written;
      if (error) {
        this.torn = offset > 0;
        this.failed(error);
      } else if (written > 0 && offset + written < chunk.length) {
        this.writeFrom(chunk, offset + written);
        return;
      }
      this.writing = false;
      if (this.queue.length === 0) this.writeQueued();
      else this.writeNowOrSoon();
    });
  }

  private closeFile(): void {
    if (this.fdOpen) closeSync(this.fd);
    this.fdOpen = false;
  }

  private failed(error: NodeJS.ErrnoException): void {
    this.failedWrites += 1;
    this.failedSince += 1;
    for (const listener of this.failureListeners) listener(error);
  }

  private rotateIfFull(incoming: number): void {
    if (this.fdOpen) {
      if (this.size === 0 || this.size + incoming <= this.limits.maxBytes) return;
      // Closed before the rename: Windows renames no open file.
      this.closeFile();
      try {
        rotateLog(this.file, this.limits.keep);
        this.size = 0;
        this.rotations += 1;
      } catch (error) {
        this.failed(error as NodeJS.ErrnoException);
      }
    }
    try {
      this.fd = openSync(this.file, 'a', 0o600);
      this.fdOpen = true;
    } catch (error) {
      // A disk that takes no new file: lines are lost (and counted) until a later write opens it.
      this.failed(error as NodeJS.ErrnoException);
    }
  }
}
