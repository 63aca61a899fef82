import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/settings/schema.js';
import { setupChecklist } from './setup-checklist.js';

const seen = { lastWaiterRequestAt: null, providerOnline: true };

describe('setupChecklist', () => {
  it('ends with the guide’s iikoOffice step for cash under the waiter’s report, right after the pay-in and pay-out types', () => {
    const items = setupChecklist(DEFAULT_SETTINGS, seen);
    expect(items.map((item) => item.id)).toEqual(['serverAddress', 'lanReachable', 'bonusPaymentType', 'payInOutTypes', 'cashToWaiterInOffice', 'waiterPermissions', 'provider']);
    // The till cannot see iikoOffice's checkbox: it stays for the manager to do.
    expect(items.find((item) => item.id === 'cashToWaiterInOffice')).toEqual({ id: 'cashToWaiterInOffice', done: false, optional: false, demo: false });
  });

  it('marks the iikoOffice step not needed when cash goes straight to the till', () => {
    const items = setupChecklist({ ...DEFAULT_SETTINGS, cashToWaiter: false }, seen);
    expect(items.find((item) => item.id === 'cashToWaiterInOffice')?.optional).toBe(true);
    expect(items.find((item) => item.id === 'payInOutTypes')?.optional).toBe(true);
  });

  it('ticks the LAN line only when the till reached its own port on a LAN address', () => {
    const line = (lanVerdict: Parameters<typeof setupChecklist>[1]['lanVerdict']) => setupChecklist(DEFAULT_SETTINGS, { ...seen, lanVerdict }).find((item) => item.id === 'lanReachable')?.done;
    expect(line('reachable')).toBe(true);
    for (const verdict of ['unreachable', 'loopbackOnly', 'noLan', 'notListening', null] as const) expect(line(verdict), String(verdict)).toBe(false);
    expect(line(undefined)).toBe(false);
  });
});
