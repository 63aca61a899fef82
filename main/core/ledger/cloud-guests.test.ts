import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryFolders } from '../testing/temporary-folders.js';
import { walCommits } from '../testing/wal-commits.js';
import { lastCloudGuest, rememberCloudGuest, type StoredCloudGuest } from './cloud-guests.js';
import { DATABASE_FILE, openTillDatabase } from './database.js';

const freshDir = temporaryFolders('cloud-guests');
const guest: StoredCloudGuest = { id: 'g-1', fullName: 'Иванов Иван Иванович', baseBalance: 150_000, cashbackBp: 500, maxBonusShareBp: null };
const seenAt = (db: ReturnType<typeof openTillDatabase>) => (db.prepare('SELECT seen_at FROM cloud_guests WHERE guest_id = ?').get('g-1') as { seen_at: string }).seen_at;

describe("the cloud's last profile of a guest (rememberCloudGuest, issue 19)", () => {
  it('commits nothing when the cloud gives the profile the till already has, and keeps every change', () => {
    const dir = freshDir();
    const db = openTillDatabase(dir);
    const wal = path.join(dir, `${DATABASE_FILE}-wal`);
    rememberCloudGuest(db, guest, '2026-12-03T10:00:00.000Z');
    const commits = walCommits(wal);

    // Every check-in reads the guest from the cloud: the same profile again is no commit, no fsync.
    for (let n = 0; n < 5; n += 1) rememberCloudGuest(db, { ...guest }, `2026-12-03T10:0${n + 1}:00.000Z`);
    expect(walCommits(wal)).toBe(commits);
    expect(seenAt(db)).toBe('2026-12-03T10:00:00.000Z');

    // Any field the cloud changes is written (a null rule that becomes a number too).
    rememberCloudGuest(db, { ...guest, baseBalance: 140_000 }, '2026-12-03T11:00:00.000Z');
    rememberCloudGuest(db, { ...guest, baseBalance: 140_000, maxBonusShareBp: 5_000 }, '2026-12-03T11:01:00.000Z');
    rememberCloudGuest(db, { ...guest, baseBalance: 140_000, maxBonusShareBp: 5_000, fullName: 'Иванов И. И.' }, '2026-12-03T11:02:00.000Z');
    expect(walCommits(wal)).toBe(commits + 3);
    expect(lastCloudGuest(db, 'g-1')).toEqual({ ...guest, baseBalance: 140_000, maxBonusShareBp: 5_000, fullName: 'Иванов И. И.' });
    expect(seenAt(db)).toBe('2026-12-03T11:02:00.000Z');
    db.close();
  });
});
