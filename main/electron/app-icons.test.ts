import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TRAY_ICONS } from './tray-model.js';

const assets = path.resolve(import.meta.dirname, '../../assets');

/** Width and height from a PNG's IHDR, after checking the signature. */
function pngSize(file: string): { width: number; height: number; rgba: boolean } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), rgba: bytes[25] === 6 };
}

describe('the icons the shell loads', () => {
  it('has a 16 px and a 32 px (@2x) transparent PNG for every tray state', () => {
    for (const icon of TRAY_ICONS) {
      expect(pngSize(path.join(assets, 'tray', `${icon}.png`))).toEqual({ width: 16, height: 16, rgba: true });
      expect(pngSize(path.join(assets, 'tray', `${icon}@2x.png`))).toEqual({ width: 32, height: 32, rgba: true });
    }
  });

  it('has the 512 px app icon electron-builder makes the installer’s icon from', () => {
    expect(pngSize(path.join(assets, 'icon.png'))).toEqual({ width: 512, height: 512, rgba: true });
  });
});
