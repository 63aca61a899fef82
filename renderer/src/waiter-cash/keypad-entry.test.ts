import { describe, expect, it } from 'vitest';
import { entryKopecks, keypadKeyOf, offeredEntry, pressKey, quickAmounts, typedEntry, type KeypadEntry, type KeypadKey } from './keypad-entry.js';

const press = (entry: KeypadEntry, keys: KeypadKey[], language: 'ru' | 'en' = 'ru') => keys.reduce((current, key) => pressKey(current, key, language), entry);
const empty = typedEntry('');

describe('the on-screen keypad', () => {
  it('types roubles and kopecks with the language’s separator, and the sum is integer kopecks', () => {
    const ru = press(empty, ['1', '0', '0', '0', 'decimal', '5']);
    expect(ru.text).toBe('1000,5');
    expect(entryKopecks(ru)).toBe(100_050);
    const en = press(empty, ['1', '2', 'decimal', '0', '7'], 'en');
    expect(en.text).toBe('12.07');
    expect(entryKopecks(en)).toBe(1_207);
  });

  it('replaces an offered sum with the first digit, as iikoFront does', () => {
    const offered = offeredEntry(170_000, 'ru');
    expect(offered).toEqual({ text: '1700', fresh: true });
    expect(entryKopecks(offered)).toBe(170_000);
    expect(press(offered, ['5', '0', '0']).text).toBe('500');
    expect(press(offered, ['decimal', '5']).text).toBe('0,5');
    expect(press(offered, ['backspace']).text).toBe('');
  });

  it('edits what was typed on a physical keyboard, in the same way', () => {
    expect(press(typedEntry('1 700'), ['5']).text).toBe('17005');
    expect(press(typedEntry('17.5'), ['0']).text).toBe('17,50');
    expect(press(typedEntry('17,5'), ['backspace', 'backspace']).text).toBe('17');
  });

  it('stops at kopecks, at seven digits of roubles, at one separator, and drops a leading zero', () => {
    expect(press(empty, ['1', 'decimal', '2', '3', '4']).text).toBe('1,23');
    expect(press(empty, ['1', 'decimal', 'decimal', '2']).text).toBe('1,2');
    expect(press(empty, ['0', '0', '7']).text).toBe('7');
    expect(press(empty, ['00']).text).toBe('0');
    expect(press(empty, ['5', '00']).text).toBe('500');
    expect(press(empty, ['9', '9', '9', '9', '9', '9', '9', '9', '9']).text).toBe('9999999');
    expect(press(empty, ['1', 'decimal', '5', '00']).text).toBe('1,50');
  });

  it('clears, and holds no sum while empty or only a separator', () => {
    const cleared = press(typedEntry('123,45'), ['clear']);
    expect(cleared).toEqual({ text: '', fresh: false });
    expect(entryKopecks(cleared)).toBeNull();
    expect(entryKopecks(press(empty, ['decimal']))).toBe(0);
  });

  it('takes a physical keyboard’s digits, separators, backspace and delete, and leaves other keys alone', () => {
    expect(keypadKeyOf('7')).toBe('7');
    expect(keypadKeyOf(',')).toBe('decimal');
    expect(keypadKeyOf('.')).toBe('decimal');
    expect(keypadKeyOf('Backspace')).toBe('backspace');
    expect(keypadKeyOf('Delete')).toBe('clear');
    expect(keypadKeyOf('Enter')).toBeNull();
    expect(keypadKeyOf('Escape')).toBeNull();
    expect(keypadKeyOf('a')).toBeNull();
  });
});

describe('quick amounts for a hand-in', () => {
  it('offers the whole debt and the debt rounded down to thousands and hundreds of roubles', () => {
    expect(quickAmounts(173_450)).toEqual([
      { kind: 'whole', kopecks: 173_450 },
      { kind: 'rounded', kopecks: 170_000 },
      { kind: 'rounded', kopecks: 100_000 },
    ]);
  });

  it('offers each sum once, and nothing rounded to zero', () => {
    expect(quickAmounts(170_000)).toEqual([
      { kind: 'whole', kopecks: 170_000 },
      { kind: 'rounded', kopecks: 100_000 },
    ]);
    expect(quickAmounts(5_050)).toEqual([{ kind: 'whole', kopecks: 5_050 }]);
    expect(quickAmounts(100_000)).toEqual([{ kind: 'whole', kopecks: 100_000 }]);
    expect(quickAmounts(0)).toEqual([]);
  });
});
