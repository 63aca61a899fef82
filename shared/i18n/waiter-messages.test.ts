import { describe, expect, it } from 'vitest';
import { formatRoubles } from './numbers.js';
import { waiterMessage } from './waiter-messages.js';

describe('sums in waiter messages are formatted by the message, in its language', () => {
  it('says bonuses in bonuses and money in roubles, the Russian or the English way', () => {
    expect(waiterMessage('ru', 'bonusOverMax', 'a1b2c3d4', { sum: 150_000, max: 2_100 })).toBe(
      'Бонусами можно оплатить максимум 21\u00a0бонус, а указано 1\u00a0500\u00a0бонусов. Уменьшите сумму бонусов.',
    );
    expect(waiterMessage('en', 'notEnoughPoints', 'a1b2c3d4', { name: 'Ivanov', available: 50, needed: 30_000 })).toBe(
      'Guest Ivanov has not enough bonuses for the gift: 0.5\u00a0bonuses available, 300\u00a0bonuses needed. Choose another gift.',
    );
    expect(waiterMessage('en', 'orderSumOverLimit', 'a1b2c3d4', { sum: 123_456, max: 100 })).toMatch(/^The order sum 1,234\.56\u00a0₽ is above GetMeBack Till's limit \(1\.00\u00a0₽\)/);
  });
});

describe('roubles through Intl’s RUB currency format', () => {
  it('is exactly Intl’s text in Russian, and keeps the sign after the sum in English', () => {
    for (const kopecks of [0, 5, 150_000, 123_456_789, -2_550]) {
      expect(formatRoubles(kopecks, 'ru')).toBe(new Intl.NumberFormat('ru-RU', { style: 'currency', currency: 'RUB' }).format(kopecks / 100));
    }
    expect(formatRoubles(150_000, 'en')).toBe('1,500.00\u00a0₽');
    expect(formatRoubles(-2_550, 'en')).toBe('-25.50\u00a0₽');
  });
});
