import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en.js';
import { ru } from '../i18n/ru.js';
import { percentOf } from './ConnectionCheck.js';

describe('percentOf', () => {
  it('writes a guest’s rule the language’s way: «2,5 %» in Russian, «2.5 %» in English', () => {
    expect(ru.cloud.cashback(percentOf(250, 'ru'))).toBe('кешбэк 2,5\u00a0%');
    expect(ru.cloud.maxShare(percentOf(3_000, 'ru'))).toBe('бонусами до 30\u00a0% заказа');
    expect(en.cloud.cashback(percentOf(250, 'en'))).toBe('cashback 2.5\u00a0%');
    expect(en.cloud.maxShare(percentOf(1_025, 'en'))).toBe('bonuses up to 10.25\u00a0% of an order');
  });
});
