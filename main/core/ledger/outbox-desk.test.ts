import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openTillDatabase, type TillDatabase } from './database.js';
import { Outbox } from './outbox.js';
import { outboxLines } from './outbox-desk.js';

let dir: string;
let db: TillDatabase;
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the outbox screen’s listing of a long backlog', () => {
  it('lists the oldest pending operations with the count of all, every refund to reconcile, and every uncertain guest', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'gmb-outbox-desk-'));
    db = openTillDatabase(dir);
    const outbox = new Outbox(db);
    const at = '2026-12-02T12:00:00.000Z';
    for (let n = 0; n < 30; n += 1) outbox.add({ key: `op-${n}`, kind: 'bonus', guestId: `g-${n % 3}`, body: { n } }, at);
    outbox.add({ key: 'refund-1', kind: 'refund', guestId: 'g-1', body: {} }, at, true);
    // The courier's next call of a guest other than g-0 and g-1 is g-2's oldest.
    expect(outbox.next(['g-0', 'g-1'])?.key).toBe('op-2');
    // op-29 (id 30), far behind the oldest shown, was sent without an answer.
    outbox.markSending([30]);

    const listing = outboxLines(db, 100, 5);
    expect(listing.openTotal).toBe(30);
    expect(listing.lines.map((line) => line.invoiceNum)).toEqual(['op-0', 'op-1', 'op-2', 'op-3', 'op-4', 'refund-1']);
    expect(listing.uncertainGuests).toEqual([{ guestId: 'g-2', invoiceNums: ['op-29'] }]);
  });
});
