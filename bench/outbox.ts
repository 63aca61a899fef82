import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_SETTINGS } from '../shared/settings/schema.js';
import { tillHost, tillHostArgs } from './child-server.js';
import { corePinning, pinLoadGenerator, pinningNote } from './core-pinning.js';
import { outboxDrain } from './outbox-drain.js';
import { figuresTable, outboxFigures } from './targets.js';

/**
 * `npm run bench:outbox`: only the cloud outbox's part of `npm run bench` (bench/outbox-drain.ts),
 * with its rows as the whole bench prints them. `--outbox-operations` (default 10 000),
 * `--in-flight` (the courier's bound, default the setting's), `--compare-with` (the same backlog
 * drained with this bound first, default 1; 0: not), `--guests` (default 100). Pinned as the whole
 * bench is (the till on one core, this process and the fake cloud on the other) unless `--unpinned`.
 */
const { values } = parseArgs({
  options: {
    'outbox-operations': { type: 'string' },
    'in-flight': { type: 'string' },
    'compare-with': { type: 'string' },
    guests: { type: 'string' },
    'quiet-seconds': { type: 'string' },
    unpinned: { type: 'boolean', default: false },
  },
});
const compareWith = Number(values['compare-with'] ?? 1);
const dir = mkdtempSync(path.join(tmpdir(), 'gmb-bench-outbox-'));
const host = tillHost();
const pinning = corePinning(!values.unpinned);
pinLoadGenerator(pinning);
mkdirSync(path.join(dir, 'till'));
try {
  const outbox = await outboxDrain({
    hostScript: host.script,
    hostArgs: tillHostArgs,
    dataDir: path.join(dir, 'till'),
    appliedFile: (drain) => path.join(dir, `applied-${drain}.json`),
    operations: Number(values['outbox-operations'] ?? 10_000),
    guests: Number(values.guests ?? 100),
    connections: 8,
    quietSeconds: Number(values['quiet-seconds'] ?? 4),
    inFlight: Number(values['in-flight'] ?? DEFAULT_SETTINGS.cloud.deliveriesInFlight),
    compareWith: compareWith > 0 ? compareWith : null,
    pinning,
  });
  console.log(`\nGetMeBack Till outbox benchmark — ${new Date().toISOString()} (${host.compiled ? 'the compiled host' : 'the sources through tsx'}; ${pinningNote(pinning)})\n`);
  console.log(figuresTable(outboxFigures(outbox)));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
