import type { LanVerdict } from '../../../shared/admin/lan-reachability.js';
import type { ChecklistId } from '../../../shared/admin/status.js';
import { isDemoBonusPaymentType } from '../../../shared/settings/demo.js';
import type { Settings } from '../../../shared/settings/schema.js';

export type ChecklistItemId = ChecklistId;

export interface ChecklistItem {
  id: ChecklistItemId;
  done: boolean;
  /** Not needed with the current settings (e.g. pay-in types when waiter cash is off). */
  optional: boolean;
  /** Set by the demo book, not by the manager: shown as demo until replaced. */
  demo: boolean;
}

/** The iiko permissions a waiter needs to take payments in iikoWaiter (from the user guide). */
export const WAITER_PERMISSIONS = [
  { code: 'PS_ADM', ru: 'Проводить административные операции с платежными системами', en: 'Perform administrative operations with payment systems' },
  { code: 'F_CGC', ru: 'Изменять количество гостей', en: 'Change the number of guests' },
  { code: 'F_CHO', ru: 'Открывать заказы в качестве официанта', en: 'Open orders as a waiter' },
  { code: 'D_DEP', ru: 'Удалять внешние платежи', en: 'Delete external payments' },
  { code: 'F_PAW', ru: 'Принимать оплату в качестве официанта', en: 'Accept payment as a waiter' },
  { code: 'F_CASH', ru: 'Принимать платежи', en: 'Accept payments' },
  { code: 'F_APIO', ru: 'Авторизовывать кассовые внесения и изъятия (для учёта задолженности официантов)', en: "Authorise cash pay-ins and pay-outs (for waiters' debts)" },
] as const;

/** What the setup assistant shows as done and still to do, from the settings and what the till has seen. */
export function setupChecklist(
  settings: Settings,
  seen: { lastWaiterRequestAt: string | null; providerOnline: boolean; lanVerdict?: LanVerdict | null },
): ChecklistItem[] {
  return [
    { id: 'serverAddress', done: seen.lastWaiterRequestAt !== null, optional: false, demo: false },
    // The setup screen's check: the till reached its own port on a LAN address.
    { id: 'lanReachable', done: seen.lanVerdict === 'reachable', optional: false, demo: false },
    {
      id: 'bonusPaymentType',
      done: settings.bonusPaymentTypeId !== '',
      optional: false,
      demo: isDemoBonusPaymentType(settings.bonusPaymentTypeId),
    },
    { id: 'payInOutTypes', done: settings.payInTypeId !== '' && settings.payOutTypeId !== '', optional: !settings.cashToWaiter, demo: false },
    // The guide's last step, in iikoOffice (trading enterprise → «Настройки учёта»): the till cannot see it either.
    { id: 'cashToWaiterInOffice', done: false, optional: !settings.cashToWaiter, demo: false },
    // The till cannot see iiko's permissions: the manager ticks this off in iikoOffice.
    { id: 'waiterPermissions', done: false, optional: false, demo: false },
    { id: 'provider', done: seen.providerOnline, optional: false, demo: false },
  ];
}
