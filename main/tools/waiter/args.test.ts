import { describe, expect, it } from 'vitest';
import { DEFAULT_PIN, DEFAULT_URL, parseSum, parseWaiterArgs, UsageError } from './args.js';

describe('parseWaiterArgs', () => {
  it('defaults to the guide’s address and PIN 1111', () => {
    expect(parseWaiterArgs(['health'])).toEqual({ url: DEFAULT_URL, pin: DEFAULT_PIN, command: { name: 'health' } });
  });

  it('reads a check-in value with spaces (a phone typed by hand)', () => {
    const args = parseWaiterArgs(['checkin', 'o-1', '+7', '999', '000-00-01', '--url', 'http://10.0.0.5:3000/GetMeBack/', '--pin', '2222']);
    expect(args).toEqual({ url: 'http://10.0.0.5:3000/GetMeBack', pin: '2222', command: { name: 'checkin', orderId: 'o-1', value: '+7 999 000-00-01' } });
  });

  it('reads a pre-check with and without a bonus sum, with a comma or a point', () => {
    expect(parseWaiterArgs(['precheck', 'o', '1200,50']).command).toEqual({ name: 'precheck', orderId: 'o', orderSum: 1200.5, bonusSum: null });
    expect(parseWaiterArgs(['precheck', 'o', '1200', '300.25']).command).toMatchObject({ bonusSum: 300.25 });
  });

  it('reads a payment’s tender, key and bonus type; cash left out means the remainder', () => {
    expect(parseWaiterArgs(['pay', 'o', '--sum', '1200', '--bonus', '300', '--card', '100', '--key', 'k', '--bonus-type', 'b']).command).toEqual({
      name: 'pay',
      orderId: 'o',
      tender: { sum: 1200, bonus: 300, cash: null, card: 100 },
      key: 'k',
      bonusTypeId: 'b',
    });
  });

  it.each([
    [['pay', 'o'], /--sum/],
    [['precheck', 'o', '--', '-5'], /сумма заказа/],
    [['precheck', 'o', '1.005'], /сумма заказа/],
    [['gift', 'o'], /<orderId> <giftId>/],
    [['dance'], /неизвестная команда/],
    [['health', '--port', '1'], /port/],
    [['health', '--url', 'localhost:3000'], /--url/],
  ])('refuses %j with a UsageError saying what is wrong', (argv, message) => {
    expect(() => parseWaiterArgs(argv)).toThrow(UsageError);
    expect(() => parseWaiterArgs(argv)).toThrow(message);
  });

  it('shows the help with no command', () => {
    expect(parseWaiterArgs([]).command).toEqual({ name: 'help' });
  });

  it('parseSum refuses an empty string rather than reading 0', () => {
    expect(() => parseSum(' ', 'x')).toThrow(UsageError);
  });
});
