import Database from 'better-sqlite3';
import { closeSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';

/** Damages an index page of the till's database in `dataDir` the way a torn write would: the file opens, its check fails. */
export function damageAnIndex(dataDir: string): void {
  const file = path.join(dataDir, 'till.db');
  const db = new Database(file);
  const page = (db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'cash_entries_time'").get() as { rootpage: number }).rootpage;
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(8, 0xff), 0, 8, (page - 1) * pageSize);
  closeSync(fd);
}
