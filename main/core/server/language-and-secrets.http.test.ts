import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../ledger/database.js';
import { createLogger } from '../logger.js';
import { startTestTill } from '../testing/test-till.js';
import { expectRefusal, newOrderId, paymentBody, waiterSteps, type Refused } from '../testing/waiter-steps.js';

describe('the waiter’s language', () => {
  it('answers in English when the till is set to English', async () => {
    const till = await startTestTill({ settings: { language: 'en' } });
    try {
      const steps = waiterSteps(till);
      const order = newOrderId();
      expectRefusal(await steps.checkIn(order, 'GMB-G-9999'), /^Guest not found in GetMeBack/);
      await steps.checkIn(order, 'GMB-G-1001');
      expectRefusal(await steps.checkIn(order, 'GMB-G-1002'), /^Guest Иванов Иван Иванович is already bound.*Check that guest out/);
      expectRefusal(await steps.precheck(newOrderId(), 100, 10), /^No guest is bound/);
      const bad = await till.waiter<Refused>('POST', '/orders/x/checkin', { Value: 'a' });
      expect(bad.body.WaiterMessage).toMatch(/^GetMeBack Till did not understand iikoWaiter's request\..*request code [0-9a-f]{8}\.$/);
    } finally {
      await till.close();
    }
  });
});

/** Polls the log file until `done` says it has what the test waits for (pino writes from a worker). */
async function readLogWhen(file: string, done: (text: string) => boolean): Promise<string> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
    if (done(text)) return text;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`the log ${file} never got the expected lines`);
}

describe('the raw WaiterPin is a secret', () => {
  it('never reaches the database file, the WAL or the log', async () => {
    const pin = 'PIN-5719-secret';
    const dataDir = mkdtempSync(path.join(tmpdir(), 'gmb-pin-'));
    const logFile = path.join(dataDir, 'logs', 'till.log');
    const till = await startTestTill({ dataDir, logger: createLogger({ logDir: path.join(dataDir, 'logs') }) });
    try {
      // A waiter of the book (with the embedded book, an unknown PIN is refused).
      till.core.waiters.remember(till.core.waiters.idForPin(pin), 'Вера', new Date().toISOString());
      const steps = waiterSteps(till);
      const order = newOrderId();
      await steps.checkIn(order, 'GMB-V-5001', pin);
      await steps.addGift(order, 'v-1', pin);
      await till.waiter('POST', `/orders/${order}/precheck`, { OrderSum: 1200, BonusSum: 300, WaiterPin: pin });
      const paid = await steps.pay(order, paymentBody(1200, { bonus: 300, cash: 900 }, pin), 'pin-pay');
      expect(paid.body.WaiterDebt).toBe(900);
      await till.waiter('POST', `/orders/${order}/refund`, { WaiterPin: pin }, { 'Idempotency-Key': 'pin-refund' });
      await till.waiter('POST', `/orders/${order}/checkin`, { Value: 7, WaiterPin: pin });
      expect(till.core.db.prepare('SELECT id FROM waiters WHERE id = ?').get(till.core.waiters.idForPin(pin))).toBeDefined();

      const secret = Buffer.from(pin, 'utf8');
      const wal = path.join(dataDir, `${DATABASE_FILE}-wal`);
      expect(existsSync(wal)).toBe(true);
      expect(readFileSync(wal).includes(secret)).toBe(false);
      expect(readFileSync(path.join(dataDir, DATABASE_FILE)).includes(secret)).toBe(false);
      const log = await readLogWhen(logFile, (text) => (text.match(/"msg":"request"/g) ?? []).length >= 6);
      expect(log).toContain(order);
      expect(log).not.toContain(pin);
    } finally {
      await till.close();
    }
    expect(readFileSync(path.join(dataDir, DATABASE_FILE)).includes(Buffer.from(pin, 'utf8'))).toBe(false);
    rmSync(dataDir, { recursive: true, force: true });
  });
});
