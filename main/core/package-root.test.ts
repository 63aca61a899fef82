import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { packageRootOf } from './package-root.js';

const root = path.resolve(import.meta.dirname, '../..');

describe('the package root', () => {
  it('is found from a source module, a type-checked build module and a bundle at another depth', () => {
    const at = (...parts: string[]) => pathToFileURL(path.join('/app', ...parts)).href;
    const exists = (file: string) => file === path.join('/app', 'package.json');
    expect(packageRootOf(at('main', 'core', 'create-core.ts'), exists)).toBe('/app');
    expect(packageRootOf(at('dist', 'main', 'core', 'server', 'create-app.js'), exists)).toBe('/app');
    expect(packageRootOf(at('dist', 'main', 'headless-host.js'), exists)).toBe('/app');
    expect(packageRootOf(at('dist', 'main', 'electron', 'desktop-app.js'), exists)).toBe('/app');
  });

  it('is this repository from this file, and an error where there is none', () => {
    expect(packageRootOf(import.meta.url)).toBe(root);
    expect(() => packageRootOf(pathToFileURL('/nowhere/a/b.js').href, () => false)).toThrow(/no package.json above/);
  });
});
