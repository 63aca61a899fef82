import { describe, expect, it, vi } from 'vitest';
import { onShellStarted, shellStarted, type ShellParts } from './shell-started.js';

describe('the shell’s running parts', () => {
  it('reach a listener of another copy of this module (the e2e entry’s, beside the bundle’s own)', () => {
    // Another copy keeps its listeners where this one does: on globalThis, under the registered symbol.
    const otherCopy = (globalThis as Record<symbol, Set<(parts: ShellParts) => void> | undefined>)[Symbol.for('getmeback-till.shell-started.listeners')];
    expect(otherCopy).toBeInstanceOf(Set);
    const heardByOtherCopy = vi.fn();
    otherCopy?.add(heardByOtherCopy);
    const heardHere = vi.fn();
    const stop = onShellStarted(heardHere);
    const parts = {} as ShellParts;
    shellStarted(parts);
    expect(heardByOtherCopy).toHaveBeenCalledWith(parts);
    expect(heardHere).toHaveBeenCalledWith(parts);
    otherCopy?.delete(heardByOtherCopy);
    stop();
    shellStarted(parts);
    expect(heardHere).toHaveBeenCalledTimes(1);
  });
});
