import Database from 'better-sqlite3';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BackupDoneEvent, BackupFailedEvent, BackupProgressEvent } from '../../../shared/admin/backups.js';
import { readEventStream, type StreamedEvent } from '../../../shared/admin/event-stream.js';
import { BACKUP_PAGES_PER_STEP } from '../ledger/backup.js';
import { startTestTill, type TestTill } from '../testing/test-till.js';

let till: TestTill;
afterEach(async () => {
  await till.close();
});

/** Feed events with 2 KB payloads, written straight into the book: a database of several MB. */
function makeLarge(rows: number): void {
  till.core.db
    .prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
       INSERT INTO events (at, type, payload) SELECT '2026-11-29T12:00:00.000Z', 'settings.changed', hex(randomblob(1000)) FROM n`,
    )
    .run(rows);
}

const start = () => fetch(`${till.baseUrl}/api/backups`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });

function streamOf(answer: Response): ReadableStream<Uint8Array> {
  if (!answer.body) throw new Error(`POST /api/backups answered ${answer.status} without a body`);
  return answer.body;
}

describe('POST /api/backups: a backup from the dashboard, its progress streamed', () => {
  it('streams each step, serves other requests meanwhile, refuses a second start, and ends with a whole backup', async () => {
    till = await startTestTill();
    makeLarge(6_000);
    const seen: StreamedEvent[] = [];
    let statusAnsweredAfter = -1;
    let secondStart: { status: number; message: string } | null = null;

    const answer = await start();
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^text\/event-stream/);
    await readEventStream(streamOf(answer), (event) => {
      seen.push(event);
      if (seen.length !== 2) return;
      // While the copy runs: the till answers another request, and a second start is refused.
      void (async () => {
        const status = await till.http('GET', '/api/status');
        expect(status.status).toBe(200);
        statusAnsweredAfter = seen.length;
        const second = await till.http<{ Message: string }>('POST', '/api/backups', {});
        secondStart = { status: second.status, message: second.body.Message };
      })();
    });

    const progress = seen.filter((event) => event.event === 'progress').map((event) => event.data as BackupProgressEvent);
    const copying = progress.filter((step) => step.phase === 'copying');
    const total = copying[0]?.totalPages ?? 0;
    expect(total).toBeGreaterThan(BACKUP_PAGES_PER_STEP * 5);
    expect(copying.length).toBeGreaterThanOrEqual(Math.floor(total / BACKUP_PAGES_PER_STEP) - 1);
    expect(copying.map((step) => step.pages)).toEqual([...copying.map((step) => step.pages)].sort((a, b) => a - b));
    expect(progress.at(-1)).toEqual({ phase: 'checking', pages: total, totalPages: total });
    expect(statusAnsweredAfter).toBeGreaterThan(1);
    expect(statusAnsweredAfter).toBeLessThan(seen.length);
    expect(secondStart).toEqual({ status: 409, message: 'Резервная копия уже делается. Дождитесь её окончания.' });

    const last = seen.at(-1);
    expect(last?.event).toBe('done');
    const done = last?.data as BackupDoneEvent;
    expect(done.file).toMatch(/till-\d{8}-\d{6}-n\d{6}-manual\.db$/);
    expect(done.sizeBytes).toBe(total * 4096);
    const copy = new Database(done.file, { readonly: true, fileMustExist: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect((copy.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n).toBeGreaterThanOrEqual(6_000);
    } finally {
      copy.close();
    }
    // The setup screen shows it as the last backup; a new start is accepted once it is done.
    expect((await till.http<{ backup: { last: BackupDoneEvent } }>('GET', '/api/setup')).body.backup.last).toEqual(done);
    const again = await start();
    expect(again.status).toBe(200);
    await again.text();
  });

  it('ends with a Russian message when the backup cannot be written', async () => {
    till = await startTestTill();
    const folder = path.join(till.dataDir, 'backups');
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(path.dirname(folder), { recursive: true });
    writeFileSync(folder, 'not a folder');
    const seen: StreamedEvent[] = [];
    await readEventStream(streamOf(await start()), (event) => seen.push(event));
    expect(seen.at(-1)).toEqual({
      event: 'failed',
      data: { message: 'Резервная копия не сделана: проверьте место на диске и папку резервных копий; подробности в журнале.' } satisfies BackupFailedEvent,
    });
  });
});
