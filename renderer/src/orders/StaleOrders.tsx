import { useEffect, useState } from 'react';
import type { OpenOrder, OrdersResponse } from '../../../shared/admin/feed.js';
import { api, query } from '../api/client.js';
import { OrderCard } from './OrderCard.js';
import { ReleaseOrder } from './ReleaseOrder.js';
import { useTexts } from '../stores/status-store.js';

/**
 * Orders idle past `staleOrderHours` (a forgotten check-in, or a flood of fake ones): kept in the
 * database, listed here and found by a part of the order's id or of the guest's name. One that still
 * holds gifts (an order closed in iikoFront without a check-out) is released here by the manager.
 */
export function StaleOrders({ count }: { count: number }) {
  const t = useTexts();
  const [search, setSearch] = useState('');
  const [orders, setOrders] = useState<OpenOrder[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [released, setReleased] = useState(0);

  useEffect(() => {
    let current = true;
    // Typing a name asks once it pauses, not at every letter.
    const timer = setTimeout(() => {
      api
        .get<OrdersResponse>(`/api/orders${query({ stale: 1, q: search.trim() })}`)
        .then((answer) => {
          if (!current) return;
          setOrders(answer.orders);
          setFailed(false);
        })
        .catch(() => current && setFailed(true));
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [search, count, released]);

  return (
    <>
      <p className="muted">{t.orders.staleIntro}</p>
      <div className="field wide">
        <label htmlFor="stale-search">{t.orders.search}</label>
        <input id="stale-search" type="search" autoComplete="off" spellCheck={false} value={search} onChange={(change) => setSearch(change.target.value)} />
      </div>
      {failed && <p role="alert" className="error">{t.error.loadFailed}</p>}
      <p role="status" className="empty">
        {orders?.length === 0 ? (search.trim() ? t.orders.notFound : t.orders.staleEmpty) : ''}
      </p>
      <ul className="cards" aria-label={t.orders.stale(count)}>
        {orders?.map((order) => (
          <OrderCard key={order.OrderId} order={order}>
            <ReleaseOrder order={order} onReleased={() => setReleased((n) => n + 1)} />
          </OrderCard>
        ))}
      </ul>
    </>
  );
}
