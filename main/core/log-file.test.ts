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
