import { describe, expect, it } from 'vitest';
import { formatBonuses, formatBonusNumber, formatRoubles, kopecksOfWire, parseRoublesInput, roublesInputValue } from './money.js';

describe('money for people', () => {
  it('formats roubles the Russian way, and bonuses in bonuses, never with the rouble sign', () => {
    expect(formatRoubles(150_000, 'ru')).toBe('1\u00a0500,00\u00a0₽');
    expect(formatBonuses(150_000, 'ru')).toBe('1\u00a0500\u00a0бонусов');
    expect(formatBonuses(150_050, 'ru')).toBe('1\u00a0500,5\u00a0бонуса');
    expect(formatBonuses(2_100, 'ru')).toBe('21\u00a0бонус');
    expect(formatBonuses(300, 'ru')).toBe('3\u00a0бонуса');
    expect(formatBonuses(100, 'en')).toBe('1\u00a0bonus');
    expect(formatBonusNumber(150_050, 'en')).toBe('1,500.5');
  });

  it('reads what a cashier types as kopecks', () => {
    expect(parseRoublesInput('1500')).toBe(150_000);
    expect(parseRoublesInput('1 500,5')).toBe(150_050);
    expect(parseRoublesInput('1\u00a0500.05 ₽')).toBe(150_005);
    expect(parseRoublesInput(' 0,29 ')).toBe(29);
    expect(parseRoublesInput('12,')).toBe(1_200);
  });

  it('refuses what is not a sum to the kopeck', () => {
    for (const text of ['', 'abc', '-5', '1,234', '1.2.3', '1e3', '10 000 000 000']) expect(parseRoublesInput(text)).toBeNull();
  });

  it('gives a money field an editable start value that reads back the same', () => {
    expect(roublesInputValue(170_000, 'ru')).toBe('1700');
    expect(roublesInputValue(69_950, 'ru')).toBe('699,50');
    expect(roublesInputValue(5, 'en')).toBe('0.05');
    for (const kopecks of [0, 1, 99, 100, 69_950, 123_456_789]) expect(parseRoublesInput(roublesInputValue(kopecks, 'ru'))).toBe(kopecks);
  });

  it('turns an order view’s wire roubles into kopecks without float error', () => {
    expect(kopecksOfWire(0.29)).toBe(29);
    expect(kopecksOfWire(1500)).toBe(150_000);
  });
});
