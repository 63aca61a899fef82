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
}

export const LOG_FILE_LIMITS: LogFileLimits = { ...LOG_ROTATION, maxQueuedChars: 1024 * 1024 };

/**
 * The till's log file, as pino's destination: lines gather in memory while one write is on its way
 * (a busy evening costs a few writes a second, not one per line), the file is rotated by size while
 * the till runs, and the queue is bounded: when the disk cannot keep up, new lines are dropped and
 * counted (one line says how many) rather than growing memory.
 */
export class RotatingLogFile {
  private fd: number;
  private size: number;
  private queue: string[] = [];
  private queuedChars = 0;
  private writing = false;
  private closed = false;
  private droppedSince = 0;
  /** Lines dropped since the file was opened. */
  dropped = 0;
  /** Times the file was rotated while running. */
  rotations = 0;
  private readonly idle: (() => void)[] = [];

  constructor(
    readonly file: string,
    private readonly limits: LogFileLimits = LOG_FILE_LIMITS,
  ) {
    mkdirSync(path.dirname(file), { recursive: true });
    this.fd = openSync(file, 'a', 0o600);
    this.size = fstatSync(this.fd).size;
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
    if (!this.writing) this.writeQueued();
    return true;
  }

  /** Resolves when everything queued so far is on disk. */
  flush(callback?: (error?: Error) => void): void {
    if (!this.writing && this.queue.length === 0) {
      callback?.();
      return;
    }
    this.idle.push(() => callback?.());
  }

  /** Writes what is queued synchronously (at exit) and closes the file. */
  flushSync(): void {
    if (this.closed) return;
    const chunk = this.takeQueued();
    if (chunk.length > 0) {
      this.rotateIfFull(chunk.length);
      writeSync(this.fd, chunk);
      this.size += chunk.length;
    }
  }

  end(): void {
    this.flushSync();
    this.closed = true;
    if (!this.writing) closeSync(this.fd);
  }

  private takeQueued(): Buffer {
    let text = this.queue.join('');
    this.queue = [];
    this.queuedChars = 0;
    if (this.droppedSince > 0) {
      text += `${JSON.stringify({ level: 40, time: Date.now(), msg: 'log lines dropped: the disk did not keep up', dropped: this.droppedSince })}\n`;
      this.droppedSince = 0;
    }
    return Buffer.from(text, 'utf8');
  }

  private writeQueued(): void {
    const chunk = this.takeQueued();
    if (chunk.length === 0) {
      this.writing = false;
      for (const done of this.idle.splice(0)) done();
      return;
    }
    this.writing = true;
    this.rotateIfFull(chunk.length);
    write(this.fd, chunk, 0, chunk.length, null, (error, written) => {
      if (this.closed) {
        closeSync(this.fd);
        return;
      }
      // A failed write (disk full) loses its lines, never the till.
      this.size += error ? 0 : written;
      this.writeQueued();
    });
  }

  private rotateIfFull(incoming: number): void {
    if (this.size === 0 || this.size + incoming <= this.limits.maxBytes) return;
    closeSync(this.fd);
    rotateLog(this.file, this.limits.keep);
    this.fd = openSync(this.file, 'a', 0o600);
    this.size = 0;
    this.rotations += 1;
  }
}
