import { describe, expect, it } from 'vitest';
import { formatBonuses, formatRoubles } from '../../../shared/i18n/numbers.js';
import { splitTileValue } from './tile-value.js';

describe('splitTileValue', () => {
  it('splits bonuses and money at the unit, keeping the thousands together', () => {
    expect(splitTileValue(formatBonuses(8_500, 'ru'))).toEqual({ number: '85', unit: 'бонусов' });
    expect(splitTileValue(formatBonuses(1_234_500, 'ru'))).toEqual({ number: '12\u00a0345', unit: 'бонусов' });
    expect(splitTileValue(formatRoubles(170_000, 'ru'))).toEqual({ number: '1\u00a0700,00', unit: '₽' });
    expect(splitTileValue(formatBonuses(100, 'en'))).toEqual({ number: '1', unit: 'bonus' });
  });

  it('leaves a bare count whole, thousands and all', () => {
    expect(splitTileValue('4')).toEqual({ number: '4', unit: '' });
    expect(splitTileValue('12\u00a0345')).toEqual({ number: '12\u00a0345', unit: '' });
  });
});
