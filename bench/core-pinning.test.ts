import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startChildServer } from './child-server.js';
import { canPin, corePinning, onServerCore, PINNED, pinningNote, stealCoresOf } from './core-pinning.js';

describe('core pinning of the throughput rounds', () => {
  it('pins only with two cores or more and taskset present', () => {
    expect(canPin(2, () => true)).toBe(true);
    expect(canPin(8, () => true)).toBe(true);
    expect(canPin(1, () => true)).toBe(false);
    expect(canPin(2, () => false)).toBe(false);
  });

  it('starts a server through taskset on the servers\' core, its own command and arguments unchanged', () => {
    expect(onServerCore(PINNED, '/usr/bin/node', ['--import', 'tsx', 'bench/bare-http-server.ts'])).toEqual({
      file: 'taskset',
      args: ['--cpu-list', '1', '/usr/bin/node', '--import', 'tsx', 'bench/bare-http-server.ts'],
    });
    expect(onServerCore(null, '/usr/bin/node', ['x.js'])).toEqual({ file: '/usr/bin/node', args: ['x.js'] });
  });

  it('says in the bench heading where the load and the servers ran', () => {
    expect(pinningNote(PINNED)).toBe('load generator on core 0, every server on core 1 (taskset)');
    expect(pinningNote(null)).toMatch(/^not pinned/);
  });

  it("reads the steal of the load generator's core and the servers' when pinned, the machine's when not, nothing off Linux", () => {
    expect(stealCoresOf(PINNED, 'linux')).toEqual([0, 1]);
    expect(stealCoresOf(null, 'linux')).toEqual([null]);
    expect(stealCoresOf(PINNED, 'win32')).toBeUndefined();
  });

  it('a server started pinned may run on the servers\' core only (or nothing is pinned where the machine cannot)', async () => {
    const pinning = corePinning(true);
    if (!canPin()) {
      expect(pinning).toBeNull();
      return;
    }
    const server = await startChildServer('bench/bare-http-server.ts', [], { plainNode: true, pinning });
    try {
      const allowed = /Cpus_allowed_list:\s+(\S+)/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))?.[1];
      expect(allowed).toBe(String(PINNED.serverCore));
      expect((await fetch(server.url, { method: 'POST', body: '{}' })).status).toBe(204);
    } finally {
      await server.stop();
    }
  });
});
