import { describe, expect, it } from 'vitest';
import { Settings } from '../settings/schema.js';
import { OrderId, WireMoney } from './primitives.js';

describe('iiko ids', () => {
  it('accept a .NET GUID without RFC 4122 version bits, as iiko’s built-in payment types have', () => {
    const iikoCash = '09322f46-578a-d210-add7-eec222a08871';
    expect(Settings.parse({ bonusPaymentTypeId: iikoCash }).bonusPaymentTypeId).toBe(iikoCash);
    expect(OrderId.safeParse(iikoCash).success).toBe(true);
    expect(OrderId.safeParse('09322f46-578a-d210-add7-eec222a0887').success).toBe(false);
    expect(OrderId.safeParse('not-a-guid').success).toBe(false);
  });
});

describe('WireMoney', () => {
  it('turns a wire sum into kopecks and refuses what is not money', () => {
    expect(WireMoney.parse(1200.5)).toBe(120_050);
    expect(WireMoney.safeParse(-1).success).toBe(false);
    expect(WireMoney.safeParse(0.001).success).toBe(false);
    expect(WireMoney.safeParse('100').success).toBe(false);
  });
});
