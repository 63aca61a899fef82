import { describe, expect, it } from 'vitest';
import { GuestCache } from './guest-cache.js';

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
});
