/**
 * `npm run restore -- <backup file> [--data-dir <folder>]`: puts a backup in place of the till's
 * database. Quit the till first; the current database is kept aside, never deleted.
 */
import path from 'node:path';
import { defaultDataDir } from '../main/core/data-dir.js';
import { restoreBackup } from '../main/core/ledger/restore.js';

const args = process.argv.slice(2);
const dirAt = args.indexOf('--data-dir');
const dataDir = dirAt >= 0 ? (args[dirAt + 1] ?? '') : defaultDataDir();
const file = args.filter((arg, index) => !arg.startsWith('--') && !(dirAt >= 0 && index === dirAt + 1))[0];
if (!file || !dataDir) {
  console.error('Usage: npm run restore -- <backup file> [--data-dir <folder>]');
  process.exit(2);
}
try {
  const setAside = restoreBackup(dataDir, path.resolve(file), new Date());
  console.log(`Restored ${file} into ${dataDir}${setAside ? `; the previous database is kept as ${setAside}` : ''}.`);
  console.log(`Восстановлено из ${file}${setAside ? `; прежняя база сохранена как ${setAside}` : ''}.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
