import type { ReactNode } from 'react';
import type { OpenOrder } from '../../../shared/admin/feed.js';
import { shortOrderId } from '../feed/feed-line.js';
import { formatBonuses, kopecksOfWire } from '../format/money.js';
import { formatClock } from '../format/time.js';
import { useLanguage, useTexts } from '../stores/status-store.js';

/** One open order: who the guest is, what they can spend, which gifts are in, how much is reserved. */
export function OrderCard({ order, children }: { order: OpenOrder; children?: ReactNode }) {
  const t = useTexts();
  const language = useLanguage();
  const bonuses = (wire: number) => formatBonuses(kopecksOfWire(wire), language);
  const titleId = `order-${order.OrderId}`;
  return (
    <li className="card" aria-labelledby={titleId}>
      <h3 id={titleId} className="card-title">
        {t.orders.order} {shortOrderId(order.OrderId)}
        <span className="muted small" title={order.OrderId}>
          {' '}
          · {t.orders.updated} {formatClock(order.UpdatedAt, language)}
        </span>
      </h3>
      {order.Guest ? (
        <>
          <p className="guest-name">{order.Guest.FullName}</p>
          <dl className="figures">
            <div>
              <dt>{t.orders.balance}</dt>
              <dd className="big">{bonuses(order.Guest.Balance)}</dd>
            </div>
            <div>
              <dt>{t.orders.available}</dt>
              <dd className="big">{bonuses(order.Guest.Available)}</dd>
            </div>
            {order.BonusPayment && (
              <div>
                <dt>{t.orders.bonus}</dt>
                <dd className="big">
                  {bonuses(order.BonusPayment.Sum)} <span className="small muted">{t.orders.bonusOf(bonuses(order.BonusPayment.MaxSum))}</span>
                </dd>
              </div>
            )}
          </dl>
        </>
      ) : (
        <p className="muted">{t.orders.noGuest}</p>
      )}
      {order.Gifts.length > 0 && (
        <div>
          <h4>{t.orders.gifts}</h4>
          <ul className="gift-list">
            {order.Gifts.map((gift) => (
              <li key={gift.Id}>
                {gift.Name} · {bonuses(gift.Points)} · {t.orders.giftStatus[gift.Status]}
              </li>
            ))}
          </ul>
        </div>
      )}
      {order.OfferedGifts.length > 0 && (
        <div>
          <h4>{t.orders.offered}</h4>
          <ul className="gift-list">
            {order.OfferedGifts.map((gift) => (
              <li key={gift.Id}>
                {gift.Name} · {bonuses(gift.Points)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {children}
    </li>
  );
}
