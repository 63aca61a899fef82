import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomInt } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { writeCrashSeed } from './crash/crash-seed.js';
import { HostProcess } from './crash/host-process.js';
import { auditLedger } from './crash/ledger-audit.js';
import { runOrder, type Expectations } from './crash/payment-flow.js';
import { TillClient } from './crash/till-client.js';

/**
 * `npm run test:crash -- [--seconds 60] [--workers 4] [--keep]`: drives payments against the
 * headless host while killing it with SIGKILL at random moments, restarts it on the same data,
 * replays every request under its Idempotency-Key, and at the end proves that no payment was
 * lost or doubled. Exits non-zero on any violation.
 */
const BONUS_TYPE = '6f2c1f5e-0000-4000-8000-0000000000b0';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { seconds: { type: 'string', default: '60' }, workers: { type: 'string', default: '4' }, keep: { type: 'boolean', default: false } },
  });
  const seconds = Number(values.seconds);
  const workers = Number(values.workers);
  if (!(seconds > 0) || !Number.isInteger(workers) || workers < 1) throw new Error('--seconds must be > 0 and --workers a whole number ≥ 1');

  const dataDir = mkdtempSync(path.join(tmpdir(), 'gmb-crash-'));
  const seedFile = path.join(dataDir, 'seed.json');
  const guests = writeCrashSeed(seedFile);
  const host = new HostProcess(['--data-dir', dataDir, '--seed', seedFile, '--bonus-payment-type', BONUS_TYPE]);
  const client = new TillClient(host);
  const expect: Expectations = { guestDelta: new Map(), waiterDebt: new Map(), paidOrders: new Set(), refundedOrders: new Set() };
  const usedVouchers = new Set<string>();
  const started = Date.now();
  const deadline = started + seconds * 1000;
  let kills = 0;
  let sampledReplays = 0;

  await host.start();
  const drive = async () => {
    while (Date.now() < deadline) await runOrder(client, guests, usedVouchers, BONUS_TYPE, expect);
  };
  const killer = async () => {
    while (Date.now() < deadline) {
      await sleep(randomInt(300, 2_000));
      // Half the kills are aimed at a payment or refund in flight: a few milliseconds after it is sent.
      if (Math.random() < 0.5) {
        await Promise.race([new Promise<void>((resolve) => (client.onMoneySent = resolve)), sleep(2_000)]);
        client.onMoneySent = null;
        await sleep(randomInt(0, 12));
      }
      if (Date.now() >= deadline) break;
      await host.kill();
      kills += 1;
      await host.start();
      // Answers the client already has must come back the same after the crash.
      const committed = client.money.filter((record) => record.committed !== null);
      for (let i = 0; i < Math.min(5, committed.length); i += 1) {
        await client.replay(committed[randomInt(committed.length)] as (typeof committed)[number]);
        sampledReplays += 1;
      }
    }
  };
  await Promise.all([killer(), ...Array.from({ length: workers }, drive)]);

  // One last crash, then every committed key must still replay its first answer.
  await host.kill();
  kills += 1;
  await host.start();
  const committed = client.money.filter((record) => record.committed !== null);
  for (const record of committed) await client.replay(record);
  await host.stop();

  const problems = [...client.violations, ...auditLedger(dataDir, guests, expect, client.money)];
  const payments = client.money.filter((record) => record.key.startsWith('pay-'));
  const summary = {
    seconds: Math.round((Date.now() - started) / 100) / 10,
    kills,
    hostStarts: host.starts,
    requests: client.counts.requests,
    answersLost: client.counts.lostAnswers,
    replays: client.counts.replays,
    committedButUnanswered: client.counts.committedButUnanswered,
    replaysOfAnsweredKeys: sampledReplays + committed.length,
    paymentsCommitted: payments.filter((record) => record.committed !== null).length,
    refundsCommitted: client.money.filter((record) => record.key.startsWith('refund-') && record.committed !== null).length,
    moneyRequestsRefused: client.counts.refusals,
    violations: problems.length,
  };
  console.log(JSON.stringify(summary, null, 2));
  for (const problem of problems.slice(0, 50)) console.error(`VIOLATION ${problem}`);
  if (values.keep || problems.length > 0) console.log(`data kept in ${dataDir}`);
  else rmSync(dataDir, { recursive: true, force: true });
  return problems.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`crash test could not run: ${error instanceof Error ? error.stack : String(error)}`);
    process.exit(2);
  },
);
