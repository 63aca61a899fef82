import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startFakeGetMeBackCloud, type FakeGuest } from '../main/core/testing/fake-getmeback-cloud.js';
import { benchGuestCode } from './outbox-drain.js';

/**
 * The fake GetMeBack cloud (main/core/testing) in its own process, for the outbox drain of
 * `npm run bench`: guests g-0 … g-<guests> with QR codes GMB-B-<n>. `--hold`: operations are never
 * answered (the till builds a backlog). On SIGTERM it writes the operations it applied, in the order
 * it applied them (`--applied FILE`), so the bench can check each guest's order.
 */
const { values } = parseArgs({
  options: { guests: { type: 'string' }, hold: { type: 'boolean', default: false }, applied: { type: 'string' } },
});
const count = Number(values.guests ?? 100);
const guests: FakeGuest[] = Array.from({ length: count + 1 }, (_, n) => ({ id: `g-${n}`, name: `Гость ${n}`, devices: [benchGuestCode(n)], balance: 0 }));
const cloud = await startFakeGetMeBackCloud({ guests });
if (values.hold) cloud.holdOperations();

process.on('SIGTERM', () => {
  if (values.applied) {
    const byInvoice = new Map(cloud.requests.filter((r) => typeof r.type === 'string').map((r) => [String(r.invoice_num), r]));
    const applied = cloud.applied().map((invoice) => {
      const request = byInvoice.get(invoice) ?? {};
      return { invoice, guest: String(request.id_client), orderPrice: Number(request.order_price) };
    });
    writeFileSync(values.applied, JSON.stringify(applied));
  }
  void cloud.close().then(() => process.exit(0));
});
console.log(`fake GetMeBack cloud listening on ${cloud.url} key ${cloud.apiKey}`);
