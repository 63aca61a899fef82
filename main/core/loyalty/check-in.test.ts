import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/settings/schema.js';
import { createCore, type TillCore } from '../create-core.js';
import { findOrder } from '../ledger/orders.js';
import { EmbeddedLoyaltyBook } from '../providers/embedded-book.js';
import { ProviderUnavailableError, type ScanLookup } from '../providers/loyalty-provider.js';
import { memorySettingsStore } from '../settings/settings-store.js';
import { BONUS_TYPE } from '../testing/test-till.js';
import { checkIn, checkOut } from './check-in.js';
import { askProviderAtOnce } from './provider-call.js';
import { Refusal } from './refusal.js';

const ORDER = '5a1d7c3e-9b2f-4e8a-8c1d-0e2f3a4b5c6d';
const opened: { core: TillCore; dir: string }[] = [];

function till(options: Parameters<typeof createCore>[0]['provider'] = undefined): TillCore {
  const dir = mkdtempSync(path.join(tmpdir(), 'gmb-check-in-'));
  const core = createCore({ dataDir: dir, settingsStore: memorySettingsStore({ ...DEFAULT_SETTINGS, bonusPaymentTypeId: BONUS_TYPE }), ...(options ? { provider: options } : {}) });
  opened.push({ core, dir });
  return core;
}

afterEach(async () => {
  for (const { core, dir } of opened.splice(0)) {
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

describe('check-in and the provider that answers at once (issue 19)', () => {
  it('with the embedded book binds the guest before it yields: nothing can change the order between its reads', async () => {
    const core = till();
    const done = checkIn(core.loyalty, ORDER, 'GMB-G-1001', null);
    // Not awaited yet: the whole check-in has already run.
    expect(findOrder(core.db, ORDER)?.guestId).toBe('g-1');
    await done;
  });

  it('with a provider that answers later reads the order again: a check-out while it waits is not taken for "already bound"', async () => {
    let gate: Promise<void> | null = null;
    let asked!: () => void;
    const core = till(({ db }) => {
      const book = new EmbeddedLoyaltyBook(db);
      return Object.assign(Object.create(book) as EmbeddedLoyaltyBook, {
        lookup: async (value: string): Promise<ScanLookup> => {
          asked();
          await gate;
          return book.lookup(value);
        },
      });
    });
    const lookupAsked = () => new Promise<void>((resolve) => (asked = resolve));
    let firstAsked = lookupAsked();
    await checkIn(core.loyalty, ORDER, 'GMB-G-1001', null);
    await firstAsked;
    expect(findOrder(core.db, ORDER)?.guestId).toBe('g-1');

    let open!: () => void;
    gate = new Promise((resolve) => (open = resolve));
    firstAsked = lookupAsked();
    const again = checkIn(core.loyalty, ORDER, 'GMB-G-1001', null);
    await firstAsked;
    checkOut(core.loyalty, ORDER, null);
    expect(findOrder(core.db, ORDER)?.guestId).toBeNull();
    open();
    await again;
    expect(findOrder(core.db, ORDER)?.guestId).toBe('g-1');
  });
});

describe('askProviderAtOnce', () => {
  it('returns an answer given at once as it is, with no promise', () => {
    expect(askProviderAtOnce(() => 42)).toBe(42);
  });

  it('makes a provider that cannot answer a refusal, at once or later; other errors stay as they are', async () => {
    const unavailable = () => {
      throw new ProviderUnavailableError('offline');
    };
    expect(() => askProviderAtOnce(unavailable)).toThrow(Refusal);
    await expect(askProviderAtOnce(() => Promise.reject(new ProviderUnavailableError('timeout')))).rejects.toBeInstanceOf(Refusal);
    const broken = new Error('the disk is on fire');
    expect(() =>
      askProviderAtOnce(() => {
        throw broken;
      }),
    ).toThrow(broken);
  });
});
