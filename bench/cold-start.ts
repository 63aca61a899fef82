import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { hostVariantOf, tillHost, type HostVariant } from './child-server.js';
import { bareColdStart, coldStart } from './cold-start-timing.js';
import { median } from './rounds.js';

/**
 * `npm run bench:start` (issue 19, item 4): only the cold starts, in alternating rounds — plain node
 * starting bare node:http to its first 204 (the floor), then each host on a new data folder and
 * again on that same folder, to its first answered check-in. Reported: medians and their ratios to
 * the bare start of the same rounds (this VM is shared; a ratio moves less than milliseconds).
 *
 * `--starts N` rounds (default 7). `--variant 'label;node flags;ENV=value;host script'` (repeatable,
 * as bench/memory-breakdown.ts): the hosts to start in the same rounds instead of this build alone,
 * e.g. `--variant 'this build' --variant 'no compile cache;;GMB_COMPILE_CACHE_DIR=off'
 * --variant 'main;;;<copy>/dist/main/headless.js'` (main's dist/ copied aside with package.json and
 * a link to node_modules), to judge a change against the build before it in the same run.
 */
const { values } = parseArgs({
  options: {
    starts: { type: 'string', default: '7' },
    variant: { type: 'string', multiple: true, default: [] },
  },
});
const starts = Number(values.starts);
if (!Number.isInteger(starts) || starts < 1) throw new Error('--starts: a whole number ≥ 1');

interface Host {
  variant: HostVariant;
  newFolder: number[];
  existing: number[];
}
const own = tillHost();
const variants = values.variant.length > 0 ? values.variant.map(hostVariantOf) : [{ label: own.compiled ? 'this build' : 'this build (sources through tsx: not built)', flags: [], env: {}, script: own.script }];
const hosts: Host[] = variants.map((variant) => ({ variant, newFolder: [], existing: [] }));
const bare: number[] = [];
const dirs: string[] = [];

try {
  for (let round = 0; round < starts; round += 1) {
    bare.push(await bareColdStart());
    // The hosts' order turns every round: none always starts right after the bare server.
    for (let turn = 0; turn < hosts.length; turn += 1) {
      const host = hosts[(round + turn) % hosts.length] as Host;
      const dir = mkdtempSync(path.join(tmpdir(), 'gmb-cold-start-'));
      dirs.push(dir);
      const fresh = await coldStart(host.variant, dir);
      host.newFolder.push(fresh.ms);
      await fresh.till.stop();
      const again = await coldStart(host.variant, dir);
      host.existing.push(again.ms);
      await again.till.stop();
    }
  }
} finally {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}

const floor = median(bare);
const ratio = (ms: number) => (ms / floor).toFixed(2);
console.log(`\ncold start to the first 204, ${starts} alternating rounds, Node ${process.version}; medians (ms) and ÷ bare start`);
console.log(`| start | median ms | ÷ bare | every start, ms |`);
console.log(`|---|---|---|---|`);
console.log(`| bare node:http (plain node) | ${floor} | 1.00 | ${bare.join(', ')} |`);
for (const host of hosts) {
  console.log(`| ${host.variant.label}, existing data folder | ${median(host.existing)} | ${ratio(median(host.existing))} | ${host.existing.join(', ')} |`);
  console.log(`| ${host.variant.label}, new data folder | ${median(host.newFolder)} | ${ratio(median(host.newFolder))} | ${host.newFolder.join(', ')} |`);
}
