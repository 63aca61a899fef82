import { pino, type Logger } from 'pino';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

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
 */
export function createLogger(options: { logDir?: string; level?: string; stdout?: boolean }): Logger {
  const targets: pino.TransportTargetOptions[] = [];
  if (options.logDir) {
    mkdirSync(options.logDir, { recursive: true });
    targets.push({ target: 'pino/file', options: { destination: path.join(options.logDir, 'till.log'), mkdir: true } });
  }
  if (options.stdout) targets.push({ target: 'pino/file', options: { destination: 1 } });
  const level = options.level ?? 'info';
  if (targets.length === 0) return pino({ level: 'silent' });
  return pino({ level, redact: { paths: REDACTED, censor: '[secret]' } }, pino.transport({ targets }));
}

/** A logger that drops everything: for tests that do not read logs. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
