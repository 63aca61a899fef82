import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TillEvent } from '../../../shared/events.js';
import { manualClock } from '../clock.js';
import { EventBus } from '../events/event-bus.js';
import { heldCommit } from '../testing/held-commit.js';
import { walCommits } from '../testing/wal-commits.js';
import { DATABASE_FILE, openTillDatabase, type TillDatabase } from './database.js';
import { GroupCommit } from './group-commit.js';

let dir: string;
let db: TillDatabase;
let events: EventBus;
let heard: { keys: string[]; inTransaction: boolean }[];

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'gmb-group-commit-'));
  db = openTillDatabase(dir);
  db.exec(`CREATE TABLE paid (name TEXT PRIMARY KEY);
           CREATE TABLE parent (id INTEGER PRIMARY KEY);
           CREATE TABLE child (parent_id INTEGER REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED)`);
  events = new EventBus(db, manualClock());
  heard = [];
  events.subscribe((event: TillEvent) => {
    if (event.type === 'settings.changed') heard.push({ keys: event.data.keys, inTransaction: db.inTransaction });
  });
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const commits = () => walCommits(path.join(dir, `${DATABASE_FILE}-wal`));
const names = () => (db.prepare('SELECT name FROM paid ORDER BY name').pluck().all() as string[]).join(',');

/** A payment's work: its row and its event, then whatever `after` does. */
const pay = (name: string, after: () => void = () => undefined) => () => {
  db.prepare('INSERT INTO paid (name) VALUES (?)').run(name);
  events.record('settings.changed', { keys: [name], restartNeeded: false });
  after();
  return name;
};

describe('GroupCommit', () => {
  it('commits the payments of one turn of the event loop together: one commit on the disk, each answered after it', async () => {
    const group = new GroupCommit(db);
    const before = commits();
    const answered: { name: string; inTransaction: boolean; written: string }[] = [];
    const answers = ['a', 'b', 'c'].map((name) => group.run(events, pay(name)).then((result) => answered.push({ name: result, inTransaction: db.inTransaction, written: names() })));
    await Promise.all(answers);

    expect(commits() - before).toBe(1);
    expect(answered).toEqual(['a', 'b', 'c'].map((name) => ({ name, inTransaction: false, written: 'a,b,c' })));
    // The feed hears of them only once they are committed, in their order.
    expect(heard).toEqual([{ keys: ['a'], inTransaction: false }, { keys: ['b'], inTransaction: false }, { keys: ['c'], inTransaction: false }]);
  });

  it('writes and answers nothing before its commit runs', async () => {
    const hold = heldCommit();
    const group = new GroupCommit(db, hold.defer);
    let settled = false;
    const answer = group.run(events, pay('a')).finally(() => (settled = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(hold.held()).toBe(true);
    expect(settled).toBe(false);
    expect(names()).toBe('');
    hold.release();
    expect(await answer).toBe('a');
    expect(names()).toBe('a');
  });

  it('a refused payment rolls back only itself and its events; the others of its batch commit', async () => {
    const group = new GroupCommit(db);
    const before = commits();
    const refusal = new Error('bonusOverMax');
    const [a, b, c] = await Promise.allSettled([
      group.run(events, pay('a')),
      group.run(
        events,
        pay('b', () => {
          throw refusal;
        }),
      ),
      group.run(events, pay('c')),
    ]);
    expect(a).toEqual({ status: 'fulfilled', value: 'a' });
    expect(b).toEqual({ status: 'rejected', reason: refusal });
    expect(c).toEqual({ status: 'fulfilled', value: 'c' });
    expect(names()).toBe('a,c');
    expect(heard.map((event) => event.keys[0])).toEqual(['a', 'c']);
    expect(commits() - before).toBe(1);
  });

  it('a payment that breaks a constraint of its own statement is refused alone (its savepoint, not the batch)', async () => {
    const group = new GroupCommit(db);
    const results = await Promise.allSettled([group.run(events, pay('a')), group.run(events, pay('a')), group.run(events, pay('b'))]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toMatchObject({ code: 'SQLITE_CONSTRAINT_PRIMARYKEY' });
    expect(names()).toBe('a,b');
    expect(heard.map((event) => event.keys[0])).toEqual(['a', 'b']);
  });

  it('a commit that fails refuses every payment of its batch, writes nothing, tells nothing; the next batch commits', async () => {
    const group = new GroupCommit(db);
    const before = commits();
    const orphan = () => db.prepare('INSERT INTO child (parent_id) VALUES (42)').run();
    const results = await Promise.allSettled([group.run(events, pay('a')), group.run(events, pay('b', orphan))]);
    for (const result of results) expect(result).toMatchObject({ status: 'rejected', reason: { code: 'SQLITE_CONSTRAINT_FOREIGNKEY' } });
    expect(db.inTransaction).toBe(false);
    expect(names()).toBe('');
    expect(heard).toEqual([]);
    expect(commits() - before).toBe(0);

    expect(await group.run(events, pay('c'))).toBe('c');
    expect(names()).toBe('c');
    expect(heard.map((event) => event.keys[0])).toEqual(['c']);
  });

  it('a payment after which SQLite has given up the transaction takes the ones before it along; the ones after commit afresh', async () => {
    const group = new GroupCommit(db);
    const lost = new Error('disk I/O error');
    // As SQLite does on a full disk or an I/O error: the whole transaction is rolled back.
    const giveUp = () => {
      db.exec('ROLLBACK');
      throw lost;
    };
    const [a, b, c] = await Promise.allSettled([group.run(events, pay('a')), group.run(events, pay('b', giveUp)), group.run(events, pay('c'))]);
    expect(a).toEqual({ status: 'rejected', reason: lost });
    expect(b).toEqual({ status: 'rejected', reason: lost });
    expect(c).toEqual({ status: 'fulfilled', value: 'c' });
    expect(names()).toBe('c');
    expect(heard.map((event) => event.keys[0])).toEqual(['c']);
  });

  it('commits what waits when asked (the core before it closes), and refuses to run inside another transaction', async () => {
    const hold = heldCommit();
    const group = new GroupCommit(db, hold.defer);
    const waiting = group.run(events, pay('a'));
    group.commitWaiting();
    expect(await waiting).toBe('a');
    expect(names()).toBe('a');

    const inside = group.run(events, pay('b'));
    db.exec('BEGIN');
    hold.release();
    db.exec('ROLLBACK');
    await expect(inside).rejects.toThrow(/inside another transaction/);
    expect(names()).toBe('a');
  });
});
