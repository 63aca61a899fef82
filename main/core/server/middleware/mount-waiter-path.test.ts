import { describe, expect, it } from 'vitest';
import type { Exchange } from '../exchange.js';
import { mountAtWaiterPath, waiterPathMatcher, waiterRoute } from './mount-waiter-path.js';

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

describe('mountAtWaiterPath', () => {
  /** A request context as the mount sees it, counting every rewrite of the request's path. */
  const request = (path: string) => {
    const ctx = {
      state: {} as Record<string, unknown>,
      rewrites: 0,
      get path() {
        return path;
      },
      set path(_value: string) {
        ctx.rewrites += 1;
      },
    };
    return ctx;
  };

  it('gives the waiter API the path relative to its base without rewriting the request (issue 19)', async () => {
    const seen: { route: string }[] = [];
    const mount = mountAtWaiterPath(waiterPathMatcher(() => '/GetMeBack'), async (ctx) => {
      seen.push({ route: waiterRoute(ctx) });
    });
    const ctx = request('/getmeback/orders/5A1D/checkin');
    let next = 0;
    await mount(ctx as unknown as Exchange, async () => {
      next += 1;
    });
    expect(seen).toEqual([{ route: '/orders/5A1D/checkin' }]);
    expect(ctx.state.waiterApi).toBe(true);
    expect(ctx.rewrites).toBe(0);
    expect(next).toBe(0);

    const dashboard = request('/api/status');
    await mount(dashboard as unknown as Exchange, async () => {
      next += 1;
    });
    expect(next).toBe(1);
    expect(seen).toHaveLength(1);
    expect(dashboard.state.waiterApi).toBeUndefined();
  });
});
