import { describe, expect, it } from 'vitest';
import { screenOfHash } from './use-hash-route.js';

describe('screenOfHash', () => {
  it('reads the screen from the hash, #/settings for the Electron settings window included', () => {
    expect(screenOfHash('#/settings')).toBe('settings');
    expect(screenOfHash('#/setup')).toBe('setup');
    expect(screenOfHash('#cash')).toBe('cash');
    expect(screenOfHash('#/orders?x=1')).toBe('orders');
  });

  it('opens «Сегодня» for an empty or unknown hash: it is the first screen', () => {
    expect(screenOfHash('')).toBe('today');
    expect(screenOfHash('#/nowhere')).toBe('today');
    expect(screenOfHash('#/feed')).toBe('feed');
  });
});
