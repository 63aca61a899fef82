import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cloudJournal, recordCloudCall, type CloudCallRecord } from './cloud-journal.js';
import { openTillDatabase, type TillDatabase } from './database.js';

let dir: string;
let db: TillDatabase;
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const call = (n: number, text = 'lookup:id_device'): CloudCallRecord => ({
  at: `2026-12-02T07:00:0${n}.000Z`,
  call: text,
  url: 'https://cafe.getmeback.ru/rest/base/v33/validator/',
  request: `{"id_device":"QR-${n}","api_key":"[secret]"}`,
  status: 200,
  answer: '{"result":"ok"}',
  error: null,
  ms: 12,
});

describe('the journal of cloud calls', () => {
  it('keeps only the newest calls, newest first, and filters by any text (LIKE wildcards taken literally)', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'gmb-journal-'));
    db = openTillDatabase(dir);
    for (let n = 1; n <= 5; n += 1) recordCloudCall(db, call(n, n === 4 ? 'bonus' : 'lookup:id_device'), 3);
    expect(cloudJournal(db, { limit: 10 }).map((line) => line.request)).toEqual([
      '{"id_device":"QR-5","api_key":"[secret]"}',
      '{"id_device":"QR-4","api_key":"[secret]"}',
      '{"id_device":"QR-3","api_key":"[secret]"}',
    ]);
    expect(cloudJournal(db, { text: 'bonus', limit: 10 }).map((line) => line.call)).toEqual(['bonus']);
    expect(cloudJournal(db, { text: '%', limit: 10 })).toEqual([]);
    expect(cloudJournal(db, { limit: 1 })).toHaveLength(1);
  });
});
