// The loopback LAN first: the till's modules below load the two it stands in for.
import { onlyLocalhostIsThisMachine, ownSubnetsAre } from '../../testing/lan-on-loopback.js';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../shared/settings/schema.js';
import { createLogger, type Logger } from '../../logger.js';
import { callFrom } from '../../testing/call-from.js';
import { startTestTill, type TestTill } from '../../testing/test-till.js';

// As in hardening.http.test.ts: other loopback addresses stand for hosts on the LAN.
vi.mock('./network-guard.js', (importOriginal) => onlyLocalhostIsThisMachine(importOriginal));
vi.mock('./own-subnets.js', () => ownSubnetsAre('127.0.0.0/8')());

const STRANGER = '127.0.0.2';
const TERMINAL = '127.0.0.3';
const LONG_PATH = `/GetMeBack/${'a'.repeat(14_000)}`;

let till: TestTill;
let logger: Logger;
let dataDir = '';
afterEach(async () => {
  await till.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function startLogged(): Promise<{ logFile: string }> {
  dataDir = mkdtempSync(path.join(tmpdir(), 'gmb-flood-'));
  logger = createLogger({ logDir: path.join(dataDir, 'logs') });
  till = await startTestTill({ dataDir: path.join(dataDir, 'till'), logger, settings: { server: { ...DEFAULT_SETTINGS.server, allowedRanges: [TERMINAL] } } });
  return { logFile: path.join(dataDir, 'logs', 'till.log') };
}

const flushed = () => new Promise<void>((resolve) => logger.flush(() => resolve()));

/** `count` requests from `from`, `parallel` at a time over keep-alive connections; their statuses. */
async function flood(from: string, count: number, route: string, parallel = 32): Promise<Map<number, number>> {
  const started = performance.now();
  const agent = new Agent({ keepAlive: true, maxSockets: parallel, localAddress: from });
  const statuses = new Map<number, number>();
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < count) {
        next += 1;
        const answer = await callFrom(from, till, 'GET', route, { agent });
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      }
    }),
  );
  agent.destroy();
  floodSeconds = (performance.now() - started) / 1000;
  return statuses;
}

/** Seconds the last flood took: a loaded machine floods slower, and the bucket refills meanwhile. */
let floodSeconds = 0;
/** The production bucket (bursts of 100, 50 a second) lets at most this many through during the flood. */
const mostLetThrough = () => Math.ceil(100 + 50 * floodSeconds);

describe('a request flood cannot fill the log (production settings: 50/s, bursts of 100)', () => {
  it('logs no line per refused request: 1 000 requests with 14 KB paths from a stranger add one summary line', async () => {
    const { logFile } = await startLogged();
    await flushed();
    const before = statSync(logFile).size;
    const statuses = await flood(STRANGER, 1_000, LONG_PATH);
    expect((statuses.get(403) ?? 0) + (statuses.get(429) ?? 0)).toBe(1_000);
    expect(statuses.get(403) ?? 0).toBeLessThanOrEqual(mostLetThrough());
    expect(statuses.get(429)).toBeGreaterThan(0);
    await flushed();
    expect(statSync(logFile).size - before).toBe(0);

    till.core.activity.refusals.flush();
    await flushed();
    const lines = readFileSync(logFile, 'utf8').trim().split('\n').map((text) => JSON.parse(text) as Record<string, unknown>);
    const summary = lines.filter((line) => line.msg === 'refused requests');
    expect(summary).toHaveLength(1);
    expect(summary[0]?.refused).toEqual({ '403': statuses.get(403), '429': statuses.get(429) });
    expect(summary[0]?.top).toEqual({ [STRANGER]: 1_000 });
    expect(statSync(logFile).size - before).toBeLessThan(1_000);
  }, 30_000);

  it('an allowed terminal past its rate: only the served requests are logged, each path cut to 200 characters', async () => {
    const { logFile } = await startLogged();
    await flushed();
    const before = statSync(logFile).size;
    const statuses = await flood(TERMINAL, 1_000, LONG_PATH);
    const served = statuses.get(404) ?? 0;
    expect(served).toBeGreaterThanOrEqual(100);
    expect(served).toBeLessThanOrEqual(mostLetThrough());
    expect(statuses.get(429)).toBe(1_000 - served);
    await flushed();
    const added = readFileSync(logFile, 'utf8').slice(before).trim().split('\n').map((text) => JSON.parse(text) as Record<string, unknown>);
    const requests = added.filter((line) => line.msg === 'request');
    expect(requests).toHaveLength(served);
    for (const line of requests) expect(String(line.path).length).toBeLessThanOrEqual(200 + '…(14011)'.length);
    expect(statSync(logFile).size - before).toBeLessThan(served * 500);
  }, 30_000);
});
