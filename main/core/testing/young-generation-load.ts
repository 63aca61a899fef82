import { getHeapSpaceStatistics } from 'node:v8';
import { YoungGenerationCap } from '../young-generation-cap.js';

/**
 * Run in a child process by young-generation-cap.test.ts (`node --import tsx <this file> capped|free`):
 * a load whose survivors make V8 double its young generation, in "requests" of 1 000 objects of
 * which a ring of 20 000 outlives a few scavenges. `capped` tells a YoungGenerationCap of each
 * request (looking every 8); prints the largest young generation seen, in bytes, as JSON.
 */
const capped = process.argv[2] === 'capped';
const young = () => getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? 0;
const cap = new YoungGenerationCap({ lookEvery: 8 });
const ring: object[] = new Array<object>(20_000);
let largest = young();
let held = 0;
for (let request = 0; request < 1_500; request += 1) {
  for (let i = 0; i < 1_000; i += 1) {
    const n = request * 1_000 + i;
    ring[n % ring.length] = { n, text: `guest ${n % 997}`, items: [n, n + 1] };
  }
  if (capped) cap.requested();
  if (cap.holding) held += 1;
  largest = Math.max(largest, young());
}
process.stdout.write(JSON.stringify({ largest, held, ring: ring.length }));
