import { describe, expect, it } from 'vitest';
import { tileFigure } from './TodayScreen.js';

describe('tileFigure', () => {
  it('writes a count the language’s way: «12 500» in Russian, «12,500» in English', () => {
    expect(tileFigure(12_500, false, 'ru')).toBe('12\u00a0500');
    expect(tileFigure(12_500, false, 'en')).toBe('12,500');
    expect(tileFigure(4, false, 'ru')).toBe('4');
  });

  it('writes bonuses with their word, never ₽', () => {
    expect(tileFigure(1_250_000, true, 'ru')).toBe('12\u00a0500\u00a0бонусов');
    expect(tileFigure(100, true, 'en')).toBe('1\u00a0bonus');
  });
});
