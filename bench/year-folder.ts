import { cpSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { backupsIn } from '../main/core/backups/till-backups.js';
import { integrityOfFile, integrityOfFileOffLoop } from '../main/core/ledger/integrity.js';
import { VERIFIED_CLOSE_FILE } from '../main/core/ledger/verified-close.js';
import { tillHost } from './child-server.js';
import { coldStart } from './cold-start-timing.js';
import { median } from './rounds.js';

/**
 * `npm run bench:year -- --folder DIR` (issue 19, items 2 and 4, on a year's data): DIR is a data
 * folder a till closed cleanly, e.g. the one `npm run size-year -- 365 --keep DIR` leaves (110 MB).
 * In alternating rounds (`--rounds`, default 3), on a copy of it:
 * 1. the compiled host's start to its first answered check-in, after a clean close (the note of a
 *    verified close is there: the start skips its own integrity check) and after a crash (no note:
 *    the whole file is checked);
 * 2. the longest gap between 1 ms ticks of the event loop while the newest backup's copy is checked,
 *    on the event loop and in a worker (main/core/ledger/integrity.ts).
 */
const { values } = parseArgs({ options: { folder: { type: 'string' }, rounds: { type: 'string', default: '3' } } });
if (!values.folder) throw new Error('--folder: a data folder a till closed cleanly (npm run size-year -- 365 --keep DIR)');
const source = values.folder;
const rounds = Number(values.rounds);
const host = tillHost();
const work = path.join(tmpdir(), `gmb-year-${process.pid}`);

/** A copy of the folder, as a clean close or a crash left it; then the host's start to its first answer, in ms. */
async function startOnCopy(afterCrash: boolean): Promise<number> {
  rmSync(work, { recursive: true, force: true });
  cpSync(source, work, { recursive: true });
  if (afterCrash) rmSync(path.join(work, VERIFIED_CLOSE_FILE), { force: true });
  // Any answer of the check-in route: the year's book has its own waiters, so the bench's PIN may be refused.
  const { ms, till } = await coldStart(host.script, work, true);
  await till.stop();
  return ms;
}

/** The longest gap between 1 ms ticks of this event loop while `check` runs. */
async function longestGap(check: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let longest = 0;
  const tick = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  await new Promise((resolve) => setTimeout(resolve, 20));
  await check();
  await new Promise((resolve) => setTimeout(resolve, 20));
  clearInterval(tick);
  return Math.round(longest);
}

const backup = backupsIn(path.join(source, 'backups')).at(-1);
if (!backup) throw new Error(`${source} has no backup to check`);
const backupFile = path.join(source, 'backups', backup.name);
const figures = { clean: [] as number[], crash: [] as number[], onLoop: [] as number[], inWorker: [] as number[] };
try {
  for (let round = 0; round < rounds; round += 1) {
    const order = round % 2 === 0 ? [false, true] : [true, false];
    for (const afterCrash of order) (afterCrash ? figures.crash : figures.clean).push(await startOnCopy(afterCrash));
    figures.onLoop.push(await longestGap(async () => integrityOfFile(backupFile)));
    figures.inWorker.push(await longestGap(() => integrityOfFileOffLoop(backupFile)));
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
const list = (values: number[]) => `${values.join(', ')} (median ${median(values)})`;
console.log(`\nGetMeBack Till on a year's data folder — ${new Date().toISOString()} (${host.compiled ? 'the compiled host' : 'the sources through tsx'}), ${rounds} alternating rounds`);
console.log(`| figure | ms per round |\n|---|---|`);
console.log(`| start to the first answer after a clean close (check skipped) | ${list(figures.clean)} |`);
console.log(`| start to the first answer after a crash (the whole file checked) | ${list(figures.crash)} |`);
console.log(`| longest event-loop gap while a backup is checked, on the loop (${backup.name}) | ${list(figures.onLoop)} |`);
console.log(`| longest event-loop gap while a backup is checked, in a worker | ${list(figures.inWorker)} |`);
