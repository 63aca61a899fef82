import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RotatingLogFile } from './log-file.js';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const flushed = (log: RotatingLogFile) => new Promise<void>((resolve) => log.flush(() => resolve()));
const line = (n: number) => `${JSON.stringify({ level: 30, msg: 'request', n, pad: 'x'.repeat(80) })}\n`;

describe('RotatingLogFile', () => {
  it('rotates by size while running, keeps N files and bounds the total on disk', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'gmb-logfile-'));
    const file = path.join(dir, 'till.log');
    const log = new RotatingLogFile(file, { maxBytes: 10_000, keep: 3, maxQueuedChars: 5_000 });
    for (let n = 0; n < 2_000; n += 1) {
      log.write(line(n));
      // Let the writes go out now and then, as requests would.
      if (n % 20 === 0) await flushed(log);
    }
    await flushed(log);
    log.end();
    const files = readdirSync(dir).sort();
    expect(files).toEqual(['till.log', 'till.log.1', 'till.log.2', 'till.log.3']);
    const sizes = files.map((name) => statSync(path.join(dir, name)).size);
    for (const size of sizes) expect(size).toBeLessThanOrEqual(10_000);
    expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(4 * 10_000);
    expect(log.rotations).toBeGreaterThan(15);
    expect(log.dropped).toBe(0);
    // The newest line is in till.log, whole.
    expect(readFileSync(file, 'utf8').trim().split('\n').at(-1)).toBe(line(1_999).trim());
  });

  it('drops and counts lines when the disk cannot keep up, instead of growing memory', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'gmb-logfile-'));
    const file = path.join(dir, 'till.log');
    const log = new RotatingLogFile(file, { maxBytes: 10_000_000, keep: 2, maxQueuedChars: 10_000 });
    // All at once, with no turn of the event loop: only what fits the queue (plus the write under way) waits.
    for (let n = 0; n < 5_000; n += 1) log.write(line(n));
    expect(log.dropped).toBeGreaterThan(4_800);
    await flushed(log);
    log.end();
    const lines = readFileSync(file, 'utf8').trim().split('\n').map((text) => JSON.parse(text) as { msg: string; dropped?: number });
    const note = lines.find((entry) => entry.msg.startsWith('log lines dropped'));
    expect(note?.dropped).toBe(log.dropped);
    expect(lines.length - 1 + log.dropped).toBe(5_000);
    expect(existsSync(`${file}.1`)).toBe(false);
  });
});

describe('RotatingLogFile batches info lines (issue 19)', () => {
  const info = (n: number) => `${JSON.stringify({ level: 30, time: n, msg: 'request', n })}\n`;
  const warn = (n: number) => `${JSON.stringify({ level: 40, time: n, msg: 'bad request', n })}\n`;
  const error = (n: number) => `${JSON.stringify({ level: 50, time: n, msg: 'unexpected error', n })}\n`;
  const onDisk = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8') : '');
  const turns = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const open = (batchMs: number) => {
    dir = mkdtempSync(path.join(tmpdir(), 'gmb-logfile-'));
    const file = path.join(dir, 'till.log');
    return { file, log: new RotatingLogFile(file, { maxBytes: 10_000_000, keep: 2, maxQueuedChars: 1024 * 1024, batchMs }) };
  };

  it('keeps info lines for their batch, then writes them in one go, in order', async () => {
    const { file, log } = open(1_000);
    for (let n = 0; n < 50; n += 1) log.write(info(n));
    await turns(50);
    expect(onDisk(file)).toBe('');
    await turns(1_500);
    expect(onDisk(file)).toBe(Array.from({ length: 50 }, (_, n) => info(n)).join(''));
    log.end();
  });

  it('writes a warning or an error at once, with the info lines queued before it, in order', async () => {
    const { file, log } = open(60_000);
    log.write(info(1));
    log.write(info(2));
    log.write(warn(3));
    await turns(100);
    expect(onDisk(file)).toBe(info(1) + info(2) + warn(3));
    log.write(info(4));
    log.write(error(5));
    await turns(100);
    expect(onDisk(file)).toBe(info(1) + info(2) + warn(3) + info(4) + error(5));
    log.end();
  });

  it('writes a queue at once when someone flushes it, and does not wait for a full batch', async () => {
    const { file, log } = open(60_000);
    log.write(info(1));
    await flushed(log);
    expect(onDisk(file)).toBe(info(1));
    const big = `${JSON.stringify({ level: 30, msg: 'request', pad: 'x'.repeat(70 * 1024) })}\n`;
    log.write(big);
    await turns(100);
    expect(onDisk(file)).toBe(info(1) + big);
    log.end();
  });

  it('writes what waits for its batch at end() and when the process exits, also on an uncaught error', async () => {
    const { file, log } = open(60_000);
    log.write(info(1));
    log.end();
    expect(onDisk(file)).toBe(info(1));
    const logFile = new URL('./log-file.ts', import.meta.url).pathname;
    for (const [how, code] of [
      ['process.exit(0)', 0],
      ["throw new Error('boom')", 1],
    ] as const) {
      const child = path.join(dir, `till-${code}.log`);
      const script =
        `import { RotatingLogFile } from ${JSON.stringify(logFile)};` +
        `const log = new RotatingLogFile(${JSON.stringify(child)}, { maxBytes: 1e7, keep: 1, maxQueuedChars: 1e6, batchMs: 60000 });` +
        `for (let n = 0; n < 3; n += 1) log.write(JSON.stringify({ level: 30, msg: 'request', n }) + '\\n');` +
        `setTimeout(() => { ${how}; }, 10);`;
      const exit = await runNode(['--import', 'tsx', '--input-type=module', '-e', script]);
      expect(exit).toBe(code);
      expect(readFileSync(child, 'utf8').trim().split('\n').map((text) => (JSON.parse(text) as { n: number }).n)).toEqual([0, 1, 2]);
    }
  }, 30_000);
});

function runNode(args: string[]): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    child.once('error', reject);
    child.once('exit', (code) => resolve(code));
  });
}
