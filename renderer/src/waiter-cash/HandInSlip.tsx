import { formatDateTime } from '../format/date.js';
import { formatRoubles } from '../format/money.js';
import { useLanguage, useTexts } from '../stores/status-store.js';

/**
 * The paper a cashier gives a waiter for the cash handed in: who, how much, the debt before and
 * after, when and who took it. Printed alone (80 mm) by the print CSS.
 */
export function HandInSlip(props: { waiter: string; amount: number; debtAfter: number; at: string; cashier: string }) {
  const t = useTexts();
  const language = useLanguage();
  const money = (kopecks: number) => formatRoubles(kopecks, language);
  return (
    <section className="slip" aria-labelledby="slip-title" data-testid="hand-in-slip">
      <h3 id="slip-title">{t.cash.slip}</h3>
      <dl>
        <dt>{t.cash.slipWaiter}</dt>
        <dd>{props.waiter}</dd>
        <dt>{t.cash.slipAmount}</dt>
        <dd>{money(props.amount)}</dd>
        <dt>{t.cash.slipDebtBefore}</dt>
        <dd>{money(props.debtAfter + props.amount)}</dd>
        <dt>{t.cash.slipDebtAfter}</dt>
        <dd>{money(props.debtAfter)}</dd>
        <dt>{t.cash.slipTime}</dt>
        <dd>{formatDateTime(props.at, language)}</dd>
        <dt>{t.cash.slipCashier}</dt>
        <dd>{props.cashier}</dd>
      </dl>
    </section>
  );
}
