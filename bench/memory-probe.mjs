import { readFileSync, writeFileSync } from 'node:fs';
import { getHeapSpaceStatistics, getHeapStatistics, setFlagsFromString, writeHeapSnapshot } from 'node:v8';

/**
 * Loaded into the host with `node --import bench/memory-probe.mjs` by `bench/memory-breakdown.ts`:
 * on SIGUSR2 it writes where the process's memory is (process.memoryUsage, V8's heap and its spaces,
 * /proc/self/smaps_rollup) as JSON to the file named by GMB_MEMORY_PROBE, and, when
 * GMB_MEMORY_SNAPSHOT names a folder, a heap snapshot there. GMB_MEMORY_V8_FLAGS are given to
 * `v8.setFlagsFromString` before the host's first module loads: what a host could do at run time,
 * unlike flags on node's command line. Never part of the app.
 */
if (process.env.GMB_MEMORY_V8_FLAGS) setFlagsFromString(process.env.GMB_MEMORY_V8_FLAGS);
const out = process.env.GMB_MEMORY_PROBE;
const snapshots = process.env.GMB_MEMORY_SNAPSHOT;
let count = 0;

const mib = (bytes) => Math.round((bytes / 1024 / 1024) * 10) / 10;

function rollup() {
  const figures = {};
  for (const line of readFileSync('/proc/self/smaps_rollup', 'utf8').split('\n')) {
    const match = /^(\w+):\s+(\d+) kB/.exec(line);
    if (match?.[1] && match[2]) figures[match[1]] = Math.round((Number(match[2]) / 1024) * 10) / 10;
  }
  return figures;
}

/** The ten mappings holding the most resident memory: the main malloc heap is `[heap]`, other arenas and V8's pages are anonymous. */
function largestMappings() {
  const mappings = [];
  let name = '';
  for (const line of readFileSync('/proc/self/smaps', 'utf8').split('\n')) {
    const header = /^([0-9a-f]+)-([0-9a-f]+) \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (header) {
      name = `${header[3] || 'anon'} (${Math.round((parseInt(header[2] ?? '0', 16) - parseInt(header[1] ?? '0', 16)) / 1024 / 1024)} MiB mapped)`;
      continue;
    }
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (rss) mappings.push({ name, rss: Number(rss[1]) / 1024 });
  }
  return mappings.sort((a, b) => b.rss - a.rss).slice(0, 10).map((m) => `${mib(m.rss * 1024 * 1024)} ${m.name}`);
}

if (out) {
  process.on('SIGUSR2', () => {
    count += 1;
    const usage = process.memoryUsage();
    const heap = getHeapStatistics();
    const report = {
      memoryUsage: Object.fromEntries(Object.entries(usage).map(([key, value]) => [key, mib(value)])),
      heap: {
        total: mib(heap.total_heap_size),
        used: mib(heap.used_heap_size),
        physical: mib(heap.total_physical_size),
        malloced: mib(heap.malloced_memory),
        peakMalloced: mib(heap.peak_malloced_memory),
        external: mib(heap.external_memory),
        nativeContexts: heap.number_of_native_contexts,
      },
      spaces: Object.fromEntries(getHeapSpaceStatistics().map((space) => [space.space_name, { size: mib(space.space_size), used: mib(space.space_used_size), physical: mib(space.physical_space_size) }])),
      smapsRollup: rollup(),
      largestMappings: largestMappings(),
      snapshot: snapshots ? writeHeapSnapshot(`${snapshots}/probe-${count}.heapsnapshot`) : null,
    };
    writeFileSync(out, JSON.stringify(report, null, 1));
  });
}
