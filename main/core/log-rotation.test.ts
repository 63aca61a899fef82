import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { rotateLogIfLarge } from './log-rotation.js';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('rotateLogIfLarge', () => {
  it('leaves a small log alone', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'gmb-logs-'));
    const file = path.join(dir, 'till.log');
    writeFileSync(file, 'small');
    expect(rotateLogIfLarge(file, { maxBytes: 100, keep: 2 })).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe('small');
  });

  it('moves a large log aside, shifts the older ones and drops the oldest', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'gmb-logs-'));
    const file = path.join(dir, 'till.log');
    writeFileSync(`${file}.1`, 'older');
    writeFileSync(`${file}.2`, 'oldest');
    writeFileSync(file, 'x'.repeat(200));
    expect(rotateLogIfLarge(file, { maxBytes: 100, keep: 2 })).toBe(true);
    expect(existsSync(file)).toBe(false);
    expect(readFileSync(`${file}.1`, 'utf8')).toBe('x'.repeat(200));
    expect(readFileSync(`${file}.2`, 'utf8')).toBe('older');
    expect(existsSync(`${file}.3`)).toBe(false);
  });
});
