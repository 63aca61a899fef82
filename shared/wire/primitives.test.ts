import { describe, expect, it } from 'vitest';
import { Settings } from '../settings/schema.js';
import { OrderId, WaiterPin, WireMoney } from './primitives.js';
import { PaymentType } from './precheck.js';
import { AddGiftRequest } from './gifts.js';

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

describe('the messages for machines (Errors[].Message)', () => {
  const messageOf = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues.map((issue) => issue.message);

  it('say what is wrong with the value: too long, over the cap, or not a sum', () => {
    expect(messageOf(WaiterPin.safeParse('1'.repeat(65)))).toEqual(['must be at most 64 characters']);
    expect(messageOf(AddGiftRequest.safeParse({ GiftId: 'g'.repeat(129) }))).toEqual(['must be at most 128 characters']);
    expect(messageOf(PaymentType.safeParse({ Id: 'p'.repeat(129), Kind: 'Card' }))).toEqual(['must be at most 128 characters']);
    expect(messageOf(WireMoney.safeParse(200_000_000))).toEqual(['must be at most 100000000']);
    expect(messageOf(WireMoney.safeParse(1.005))).toEqual(['must be a sum of at most 2 decimals, not negative']);
    expect(messageOf(WireMoney.safeParse(-1))).toEqual(['must be a sum of at most 2 decimals, not negative']);
    expect(messageOf(WaiterPin.safeParse(1111))).toEqual(['must be a string']);
  });
});
