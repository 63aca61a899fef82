import { pino, type Logger } from 'pino';
import path from 'node:path';
import { ensurePrivateFile, ensurePrivateFolder, makePrivateIfPresent } from './ledger/private-files.js';
import { LOG_FILE_LIMITS, RotatingLogFile, type LogFileLimits } from './log-file.js';
import { rotateLogIfLarge } from './log-rotation.js';

export type { Logger };

/** Secrets that must never reach a log line, wherever they appear in an object. */
const REDACTED = [
  'WaiterPin',
  '*.WaiterPin',
  'apiKey',
  '*.apiKey',
  'api_key',
  '*.api_key',
  'adminPassword',
  '*.adminPassword',
  'req.headers.authorization',
  'headers.authorization',
];

/**
 * JSON log lines to `<logDir>/till.log` (what an engineer reads later) and, when asked, to stdout.
 * Written from the main thread asynchronously by RotatingLogFile: lines gather behind the write on
 * its way, the file rotates by size while running, and the queue is bounded. (pino's worker-thread
 * transport cost the waiter API about a quarter of its throughput.)
 */
export function createLogger(options: { logDir?: string; level?: string; stdout?: boolean; limits?: LogFileLimits }): Logger {
  const streams: pino.StreamEntry[] = [];
  let logFile: RotatingLogFile | null = null;
  if (options.logDir) {
    ensurePrivateFolder(options.logDir);
    const file = path.join(options.logDir, 'till.log');
    const limits = options.limits ?? LOG_FILE_LIMITS;
    rotateLogIfLarge(file, limits);
    ensurePrivateFile(file);
    for (let n = 1; n <= limits.keep; n += 1) makePrivateIfPresent(`${file}.${n}`);
    logFile = new RotatingLogFile(file, limits);
    streams.push({ stream: logFile });
  }
  if (options.stdout) streams.push({ stream: pino.destination({ dest: 1, sync: false }) });
  const level = options.level ?? 'info';
  if (streams.length === 0) return pino({ level: 'silent' });
  const destination = streams.length === 1 ? (streams[0] as pino.StreamEntry).stream : pino.multistream(streams.map((entry) => ({ ...entry, level: level as pino.Level })));
  const logger = pino({ level, redact: { paths: REDACTED, censor: '[secret]' } }, destination);
  if (logFile) logFiles.set(logger, logFile);
  if (logFile && streams.length === 1) onlyToFile.set(logger, logFile);
  return logger;
}

const logFiles = new WeakMap<Logger, RotatingLogFile>();
/** Loggers whose one destination is their file (no stdout): lines may be written to it directly. */
const onlyToFile = new WeakMap<Logger, RotatingLogFile>();

/** Info lines whose fields are JSON text already (`"key":value,…`), for `infoLineWriter`. */
export type InfoLineWriter = (fields: string, msg: string) => void;

/**
 * Writes info lines straight to the logger's file, as pino writes them (level, time, pid,
 * hostname, then the fields, then msg) but with no object built and walked per line: the access
 * log's one line per request (issue 19). null for a logger that `createLogger` did not make with a
 * file as its only destination (a test's own pino, or stdout too): the caller logs through pino then.
 * The fields must carry no secret: nothing is redacted here.
 */
export function infoLineWriter(logger: Logger): InfoLineWriter | null {
  const file = onlyToFile.get(logger);
  if (!file) return null;
  // pino's own text of the logger's bindings: `,"pid":…,"hostname":"…"`.
  const bindings = (logger as unknown as Record<symbol, string>)[pino.symbols.chindingsSym] ?? '';
  return (fields, msg) => {
    if (!logger.isLevelEnabled('info')) return;
    file.write(`{"level":30,"time":${Date.now()}${bindings},${fields},"msg":${JSON.stringify(msg)}}\n`);
  };
}

/** Hears each write the disk refuses to the logger's file (nothing for a logger without one). */
export function whenLogWriteFails(logger: Logger, listener: (error: NodeJS.ErrnoException) => void): void {
  logFiles.get(logger)?.onWriteFailed(listener);
}

/**
 * Resolves once every line logged so far is on disk: a normal shutdown waits for it before the
 * process exits (lines waiting for their batch are written at once, not at the batch's end).
 */
export function logWritten(logger: Logger): Promise<void> {
  return new Promise((resolve) => logger.flush(() => resolve()));
}

/** A logger that drops everything: for tests that do not read logs. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
