import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach } from 'vitest';

/**
 * Temporary folders for one test file: call it once at the top of the file; each call of the
 * function it returns makes a new folder under the system's temporary folder (named `gmb-<prefix>-…`),
 * removed with everything in it after each test (`after: 'each'`, the default) or once the file's
 * tests are over (`'all'`, for folders a `beforeAll` shares).
 */
export function temporaryFolders(prefix: string, after: 'each' | 'all' = 'each'): () => string {
  const made: string[] = [];
  (after === 'each' ? afterEach : afterAll)(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(path.join(tmpdir(), `gmb-${prefix}-`));
    made.push(dir);
    return dir;
  };
}
