import { existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryFolders } from './temporary-folders.js';

const folder = temporaryFolders('kit');
const kept: string[] = [];

describe('temporaryFolders', () => {
  it('makes a new, empty folder each time, under the temporary folder, named by its prefix', () => {
    const [one, two] = [folder(), folder()];
    expect(one).not.toBe(two);
    expect(path.dirname(one)).toBe(tmpdir());
    expect(path.basename(one)).toMatch(/^gmb-kit-/);
    writeFileSync(path.join(one, 'till.db'), 'x');
    kept.push(one, two);
  });

  it('has removed the folders of the test before, with what was in them', () => {
    expect(kept).toHaveLength(2);
    for (const dir of kept) expect(existsSync(dir)).toBe(false);
  });
});
