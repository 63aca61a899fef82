import Database from 'better-sqlite3';
import { createHash, createHmac } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../ledger/database.js';
import { DEMO_BOOK } from '../providers/demo-book.js';
import { canonicalJson, HASHES_KEYED, unkeyedRequestHash } from '../ledger/idempotency-keys.js';
import { startTestTill, type TestTill } from '../testing/test-till.js';
import { newOrderId, paymentBody, waiterSteps } from '../testing/waiter-steps.js';
import { TILL_KEY_FILE } from './till-key.js';

/**
 * The attack of issue 13 against a copy of till.db (no key file): for every stored request and
 * every waiter id, try every PIN of 4 to 6 digits, with an unkeyed hash and with every value the
 * database keeps in `meta` as the key. The attacker knows each request's body except the PIN.
 */
interface Paid {
  key: string;
  route: string;
  body: Record<string, unknown>;
}

const tills: TestTill[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const till of tills.splice(0)) await till.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function ownDataDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'gmb-pins-'));
  dirs.push(dir);
  return dir;
}

/**
 * The demo book with a waiter for every PIN these tests use: with the embedded book a PIN the till
 * does not know is refused (nothing stored), and an attack on a database without the PIN in it
 * would prove nothing.
 */
function bookWithWaiters(dir: string): string {
  const file = path.join(dir, 'book-with-waiters.json');
  const pins = ['4825', '0042', '913562', '2580', '7391'];
  writeFileSync(file, JSON.stringify({ ...DEMO_BOOK, waiters: [...(DEMO_BOOK.waiters ?? []), ...pins.map((pin, n) => ({ name: `Официант ${n + 1}`, pin }))] }));
  return file;
}

function pinsOf(digits: number): string[] {
  return Array.from({ length: 10 ** digits }, (_, n) => String(n).padStart(digits, '0'));
}

function copyOfDatabase(dataDir: string): string {
  const copy = mkdtempSync(path.join(tmpdir(), 'gmb-stolen-'));
  dirs.push(copy);
  copyFileSync(path.join(dataDir, DATABASE_FILE), path.join(copy, DATABASE_FILE));
  if (existsSync(path.join(dataDir, `${DATABASE_FILE}-wal`))) copyFileSync(path.join(dataDir, `${DATABASE_FILE}-wal`), path.join(copy, `${DATABASE_FILE}-wal`));
  return path.join(copy, DATABASE_FILE);
}

const HOLE = 'PIN-HOLE';

/** The old version's hashed text for this request, with HOLE where the PIN goes (checked against the real function). */
function unkeyedTemplate(request: Paid): string {
  const text = `POST ${request.route}\n${canonicalJson({ ...request.body, WaiterPin: HOLE })}`;
  const sample = { ...request.body, WaiterPin: '1234' };
  if (createHash('sha256').update(text.replace(HOLE, '1234')).digest('hex') !== unkeyedRequestHash('POST', request.route, sample)) {
    throw new Error('the attacker’s template does not reproduce the old hash');
  }
  return text;
}

/** Every PIN the copy gives away; `guesses` lists the PIN lengths tried per stored request. */
function bruteForce(file: string, paid: Paid[], digits: number[]): string[] {
  const db = new Database(file, { readonly: true });
  try {
    const stored = db.prepare('SELECT key, request_hash FROM idempotency_keys').all() as { key: string; request_hash: string }[];
    const metaKeys = (db.prepare('SELECT value FROM meta').all() as { value: string }[]).map(({ value }) => Buffer.from(value, 'hex'));
    const waiterIds = (db.prepare("SELECT id FROM waiters WHERE id LIKE 'pin:%'").all() as { id: string }[]).map(({ id }) => id);
    const found = new Set<string>();
    const candidates = digits.flatMap(pinsOf);
    for (const row of stored) {
      const request = paid.find((one) => one.key === row.key);
      if (!request) continue;
      // The request's canonical text with a hole for the PIN, hashed the way the old version did.
      const template = unkeyedTemplate(request);
      for (const pin of candidates) {
        const guess = createHash('sha256').update(template.replace(HOLE, pin)).digest('hex');
        if (row.request_hash.includes(guess)) found.add(pin);
        for (const key of metaKeys) {
          if (row.request_hash.includes(createHmac('sha256', key).update(guess).digest('hex'))) found.add(pin);
        }
      }
    }
    for (const id of waiterIds) {
      for (const pin of pinsOf(4)) {
        if (id === `pin:${createHash('sha256').update(pin).digest('hex').slice(0, 20)}`) found.add(pin);
        for (const key of metaKeys) if (id === `pin:${createHmac('sha256', key).update(pin).digest('hex').slice(0, 20)}`) found.add(pin);
      }
    }
    return [...found].sort();
  } finally {
    db.close();
  }
}

async function payWithPins(till: TestTill, pins: string[]): Promise<Paid[]> {
  const steps = waiterSteps(till);
  const paid: Paid[] = [];
  for (const [n, pin] of pins.entries()) {
    const orderId = newOrderId();
    const body = paymentBody(1000 + n, { cash: 1000 + n }, pin);
    const key = `pins-at-rest-${n}`;
    const answer = await steps.pay(orderId, body, key);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ OrderId: orderId });
    paid.push({ key, route: `/orders/${orderId}/payments`, body });
  }
  const refunded = paid[0] as Paid;
  const refundRoute = refunded.route.replace('/payments', '/refund');
  const refund = await till.waiter('POST', refundRoute, { WaiterPin: '7391' }, { 'Idempotency-Key': 'pins-at-rest-refund' });
  expect(refund.status).toBe(200);
  expect(refund.body).toMatchObject({ OrderId: refunded.route.split('/')[2] });
  paid.push({ key: 'pins-at-rest-refund', route: refundRoute, body: { WaiterPin: '7391' } });
  return paid;
}

describe('PINs stay secret at rest (issue 13)', () => {
  it('a copy of till.db made by a till of this version gives no PIN to 10^4..10^6 guesses', async () => {
    const dataDir = ownDataDir();
    const till = await startTestTill({ dataDir, seedFile: bookWithWaiters(dataDir) });
    tills.push(till);
    const paid = await payWithPins(till, ['1111', '4825', '0042', '913562']);
    await till.close();
    tills.splice(0);
    const stolen = copyOfDatabase(till.dataDir);
    expect(bruteForce(stolen, paid, [4])).toEqual([]);
    // The six-digit PIN, with all 10^6 guesses, against its own request only.
    expect(bruteForce(stolen, paid.filter((one) => one.body.WaiterPin === '913562'), [6])).toEqual([]);
    // The key is beside the database, not in it, and only the till's user can read it.
    expect(readFileSync(stolen).toString('latin1')).not.toContain(readFileSync(path.join(till.dataDir, TILL_KEY_FILE), 'utf8').split(' ').at(-1)?.trim());
    if (process.platform !== 'win32') expect(statSync(path.join(till.dataDir, TILL_KEY_FILE)).mode & 0o777).toBe(0o600);
  }, 300_000);

  it('upgrades a database of the old scheme: the key leaves the file, old hashes are keyed, stored answers still replay byte for byte', async () => {
    const ownDir = ownDataDir();
    const seedFile = bookWithWaiters(ownDir);
    let till = await startTestTill({ dataDir: ownDir, seedFile });
    tills.push(till);
    const dataDir = till.dataDir;
    const paid = await payWithPins(till, ['1111', '2580']);
    const first = paid[1] as Paid;
    const answered = await waiterSteps(till).pay(first.route.split('/')[2] as string, first.body, first.key);
    const pinIds = (till.core.db.prepare("SELECT id FROM waiters WHERE id LIKE 'pin:%' ORDER BY id").all() as { id: string }[]).map(({ id }) => id);
    await till.close();
    tills.splice(0);

    // Rewrite the files as the old version left them: the key in `meta`, unkeyed request hashes.
    const keyFile = path.join(dataDir, TILL_KEY_FILE);
    const secret = readFileSync(keyFile, 'utf8').trim().split(' ').at(-1) as string;
    const old = new Database(path.join(dataDir, DATABASE_FILE));
    old.prepare("INSERT INTO meta (key, value) VALUES ('waiter_pin_key', ?)").run(secret);
    // The old version kept no note that its hashes were keyed (they were not).
    old.prepare('DELETE FROM meta WHERE key = ?').run(HASHES_KEYED);
    for (const request of paid) {
      old.prepare('UPDATE idempotency_keys SET request_hash = ? WHERE key = ?').run(unkeyedRequestHash('POST', request.route, request.body), request.key);
    }
    old.close();
    unlinkSync(keyFile);
    // The attack works on the old scheme (so the test below can fail); 2222 is a waiter of the demo book.
    expect(bruteForce(copyOfDatabase(dataDir), paid, [4])).toEqual(['0042', '1111', '2222', '2580', '4825', '7391']);

    till = await startTestTill({ dataDir, seedFile });
    tills.push(till);
    const replay = await waiterSteps(till).pay(first.route.split('/')[2] as string, first.body, first.key);
    expect(replay.status).toBe(200);
    expect(replay.headers.get('Idempotent-Replayed')).toBe('true');
    expect(replay.text).toBe(answered.text);
    const otherBody = await waiterSteps(till).pay(first.route.split('/')[2] as string, { ...first.body, WaiterPin: '2581' }, first.key);
    expect(otherBody.status).toBe(422);
    // Waiters keep their ids (and so their debts): the key moved, it did not change.
    expect((till.core.db.prepare("SELECT id FROM waiters WHERE id LIKE 'pin:%' ORDER BY id").all() as { id: string }[]).map(({ id }) => id)).toEqual(pinIds);
    expect(till.core.db.prepare("SELECT COUNT(*) AS n FROM meta WHERE key = 'waiter_pin_key'").get()).toEqual({ n: 0 });
    await till.close();
    tills.splice(0);

    const stolen = copyOfDatabase(dataDir);
    expect(bruteForce(stolen, paid, [4])).toEqual([]);
    // Neither the key nor an old hash is left in the file's free space.
    const bytes = readFileSync(stolen).toString('latin1');
    expect(bytes).not.toContain(secret);
    for (const request of paid) expect(bytes).not.toContain(unkeyedRequestHash('POST', request.route, request.body));
  }, 300_000);
});
