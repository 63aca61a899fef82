import { describe, expect, it } from 'vitest';
import { waiterPathMatcher } from './mount-waiter-path.js';

describe('waiterPathMatcher', () => {
  it('matches the configured path and what is under it, in any case, and nothing else', () => {
    const waiter = waiterPathMatcher(() => '/GetMeBack/');
    expect(waiter.base()).toBe('/GetMeBack');
    for (const path of ['/GetMeBack', '/getmeback', '/GETMEBACK/orders/x', '/GetMeBack/']) expect(waiter.matches(path)).toBe(true);
    for (const path of ['/', '/api/status', '/GetMeBackX', '/Get', '/x/GetMeBack']) expect(waiter.matches(path)).toBe(false);
  });

  it('follows a changed setting at the next request, without a restart', () => {
    let setting = '/GetMeBack';
    const waiter = waiterPathMatcher(() => setting);
    expect(waiter.matches('/loyalty/orders/x')).toBe(false);
    setting = '/Loyalty';
    expect(waiter.matches('/loyalty/orders/x')).toBe(true);
    expect(waiter.matches('/GetMeBack/orders/x')).toBe(false);
    expect(waiter.base()).toBe('/Loyalty');
  });
});
