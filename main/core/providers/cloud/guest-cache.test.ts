import { describe, expect, it } from 'vitest';
import { GuestCache, MAX_REMEMBERED } from './guest-cache.js';

const IVAN = { id: 'g-1', fullName: 'Иванов Иван Иванович', baseBalance: 150_000 };

describe('the guest cache', () => {
  it('reuses a scan within the identity TTL only, and marks older answers stale', () => {
    let now = 0;
    const cache = new GuestCache(30_000, () => now);
    cache.rememberScan('GMB-G-1001', { kind: 'guest', guest: IVAN });
    now = 30_000;
    expect(cache.recentScan('GMB-G-1001')).toEqual({ kind: 'guest', guest: IVAN });
    now = 30_001;
    expect(cache.recentScan('GMB-G-1001')).toBeNull();
    expect(cache.lastScan('GMB-G-1001')).toEqual({ kind: 'guest', guest: { ...IVAN, stale: true } });
    expect(cache.lastGuest('g-1')).toEqual({ ...IVAN, stale: true });
  });

  it('does not remember an unknown code', () => {
    const cache = new GuestCache(30_000, () => 0);
    cache.rememberScan('GMB-NEW', { kind: 'unknown' });
    expect(cache.recentScan('GMB-NEW')).toBeNull();
    expect(cache.lastScan('GMB-NEW')).toBeNull();
  });

  it('remembers the vouchers it saw', () => {
    const cache = new GuestCache(30_000, () => 0);
    const voucher = { id: 'v-1', guestId: 'g-1', name: 'Капучино', productCode: '1001', points: 20_000, usedElsewhere: false };
    cache.rememberScan('GMB-V-5001', { kind: 'voucher', guest: IVAN, voucher });
    expect(cache.voucher('v-1')).toEqual(voucher);
    expect(cache.voucher('v-2')).toBeNull();
  });

  it('stays bounded under a flood of distinct guests and vouchers; a forgotten guest is still on the shelf', () => {
    const shelf = new Map<string, typeof IVAN>();
    const cache = new GuestCache(30_000, () => 0, { save: (guest) => shelf.set(guest.id, guest as typeof IVAN), load: (id) => shelf.get(id) ?? null });
    const flood = MAX_REMEMBERED * 3;
    for (let i = 0; i < flood; i += 1) {
      const guest = { ...IVAN, id: `g-${i}` };
      const voucher = { id: `v-${i}`, guestId: guest.id, name: 'Капучино', productCode: '1001', points: 20_000, usedElsewhere: false };
      cache.rememberScan(`GMB-V-${i}`, { kind: 'voucher', guest, voucher });
      cache.rememberGuest({ ...guest, id: `h-${i}` });
    }
    expect(cache.sizes).toEqual({ scans: MAX_REMEMBERED, guests: MAX_REMEMBERED, vouchers: MAX_REMEMBERED });
    // The newest are kept; the oldest guest comes back from the shelf, the oldest voucher is asked again.
    expect(cache.voucher(`v-${flood - 1}`)).not.toBeNull();
    expect(cache.voucher('v-0')).toBeNull();
    expect(cache.lastGuest('g-0')).toEqual({ ...IVAN, id: 'g-0', stale: true });
  });
});
