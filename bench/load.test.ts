import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');

/** Only that `npm run bench` runs end to end and reports every figure: its timings here mean nothing. */
describe('npm run bench --quick', () => {
  it('starts every server, runs every scenario and prints every figure with its target', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'bench/load.ts', '--quick'], { cwd: root, timeout: 300_000 });
    for (const line of [
      'bare node:http',
      'Koa peer of the check-in',
      'check-in, guest already bound',
      'order view (GET)',
      'pre-check, same sum',
      'durable cash payment',
      'check-in ÷ Koa peer',
      'check-in ÷ bare node:http',
      'check-in p99 at 32 connections',
      'cash payment p99 at 8 connections',
      'cold start to the first 204, existing data folder',
      'cold start to the first 204, new data folder',
      'idle CPU over',
      'RSS after 2000 mixed requests',
      'RSS growth over a second 2000',
      'RSS after those requests and 12 s without any',
      'RSS floor after the same 2000 mixed requests: bare node:http / the Koa peer',
      'RSS after those feed events and 12 s without requests',
      'RSS after 500 feed events with the dashboard\'s stream open',
      'outbox drain: 100 operations',
      'outbox: every operation applied once',
      "waiters' check-in p99 at 8 connections while the outbox drains",
      "waiters' check-in p99 at 8 connections, outbox empty",
    ]) {
      expect(stdout).toContain(line);
    }
    const verdicts = stdout.split('\n').filter((l) => /\| (met|\*\*missed\*\*) \|$/.test(l));
    expect(verdicts.length).toBeGreaterThanOrEqual(15);
  }, 330_000);
});
