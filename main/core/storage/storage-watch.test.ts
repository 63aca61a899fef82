import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { TillEvent } from '../../../shared/events.js';
import { manualClock } from '../clock.js';
import { EventBus } from '../events/event-bus.js';
import { openTillDatabase, type TillDatabase } from '../ledger/database.js';
import { silentLogger } from '../logger.js';
import { StorageWatch } from './storage-watch.js';

let db: TillDatabase | null = null;
let dir = '';
afterEach(() => {
  db?.close();
  db = null;
  rmSync(dir, { recursive: true, force: true });
});

function watched() {
  dir = mkdtempSync(path.join(tmpdir(), 'gmb-storage-'));
  db = openTillDatabase(dir);
  const clock = manualClock();
  const events = new EventBus(db, clock);
  const told: TillEvent[] = [];
  events.subscribe((event) => told.push(event));
  const watch = new StorageWatch({ events, clock, logger: silentLogger(), dataDir: dir, probeEveryMs: 5_000 });
  return { db, clock, events, told, watch };
}

const readOnlyError = Object.assign(new Error('attempt to write a readonly database'), { code: 'SQLITE_READONLY' });

describe('StorageWatch', () => {
  it('opens one episode for many refused writes, and ends it when a write passes', () => {
    const { db, told, watch } = watched();
    db.pragma('query_only = ON');
    expect(watch.report(readOnlyError, 'request')).toBe('readOnly');
    expect(watch.report(readOnlyError, 'request')).toBe('readOnly');
    expect(watch.report(readOnlyError, 'work')).toBe('readOnly');
    expect(told.map((event) => event.type)).toEqual(['storage.failed']);
    expect(watch.probe()).toBe(false);

    db.pragma('query_only = OFF');
    expect(watch.probe()).toBe(true);
    expect(watch.trouble()).toBeNull();
    expect(told.map((event) => event.type)).toEqual(['storage.failed', 'storage.recovered']);
    expect(told[1]?.data).toEqual({ kind: 'readOnly', since: '2026-11-29T12:00:00.000Z', refused: 2 });
    // A new refusal after the end is a new episode, told again.
    watch.report(readOnlyError, 'request');
    expect(told.filter((event) => event.type === 'storage.failed')).toHaveLength(2);
    watch.stop();
  });

  it('ignores errors that are not the disk', () => {
    const { told, watch } = watched();
    expect(watch.report(Object.assign(new Error('constraint'), { code: 'SQLITE_CONSTRAINT_UNIQUE' }), 'request')).toBeNull();
    expect(watch.report(new Error('plain'), 'request')).toBeNull();
    expect(watch.trouble()).toBeNull();
    expect(told).toHaveLength(0);
  });

  it('keeps an episode open while the log keeps failing, and ends it a probe period after its last failure', () => {
    const { clock, told, watch } = watched();
    const enospc = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    watch.report(enospc, 'log');
    expect(watch.trouble()).toBe('full');
    clock.advance(4_000);
    watch.report(enospc, 'log');
    clock.advance(4_000);
    expect(watch.probe()).toBe(false);
    clock.advance(1_000);
    // The database takes writes and the disk has room (a temporary folder): the episode ends.
    expect(watch.probe()).toBe(true);
    expect(told.map((event) => event.type)).toEqual(['storage.failed', 'storage.recovered']);
    expect(told[1]?.data).toMatchObject({ kind: 'full', refused: 0 });
  });
});
