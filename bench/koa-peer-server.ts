import Router from '@koa/router';
import Database from 'better-sqlite3';
import Koa from 'koa';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';

/**
 * The framework floor: the check-in's real work on the same framework, and nothing of the product.
 * Koa + @koa/router, the body read and parsed as JSON, validated by a zod schema like the till's,
 * one prepared SQLite read of the order (WAL, like the till's file), 204. The till's check-in is
 * reported as a ratio to this peer, measured in the same run.
 */
const dir = mkdtempSync(path.join(tmpdir(), 'gmb-koa-peer-'));
const db = new Database(path.join(dir, 'peer.sqlite'));
db.pragma('journal_mode = WAL');
db.exec('CREATE TABLE orders (id TEXT PRIMARY KEY, status TEXT NOT NULL, guest_id TEXT)');
db.prepare("INSERT INTO orders (id, status, guest_id) VALUES (?, 'Open', 'guest-1')").run('5a1d7c3e-9b2f-4e8a-8c1d-0e2f3a4b5c6d');
const findOrder = db.prepare<[string], { id: string; status: string; guest_id: string | null }>('SELECT id, status, guest_id FROM orders WHERE id = ?');

const CheckIn = z.object({ Value: z.string().trim().min(1).max(256), WaiterPin: z.string().regex(/^\d{4,8}$/).optional() });
const OrderId = z.uuid();

function readBody(req: Koa.Context['req']): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.once('error', reject);
  });
}

const router = new Router();
router.post('/GetMeBack/orders/:orderId/checkin', async (ctx) => {
  const orderId = OrderId.parse(ctx.params.orderId).toLowerCase();
  const body = CheckIn.safeParse(JSON.parse(await readBody(ctx.req)) as unknown);
  if (!body.success) {
    ctx.status = 400;
    ctx.body = { Errors: body.error.issues.map((issue) => issue.path.join('.')) };
    return;
  }
  const order = findOrder.get(orderId);
  if (order?.status !== 'Open') {
    ctx.status = 404;
    return;
  }
  ctx.status = 204;
});

const app = new Koa();
app.use(router.routes());
const server = app.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address && typeof address === 'object') console.log(`listening on http://127.0.0.1:${address.port}`);
});
process.on('SIGTERM', () =>
  server.close(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  }),
);
