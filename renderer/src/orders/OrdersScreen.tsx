import { useEffect, useState } from 'react';
import { OrderCard } from './OrderCard.js';
import { useOrdersStore } from './orders-store.js';
import { useTexts } from '../stores/status-store.js';
import { StaleOrders } from './StaleOrders.js';

/**
 * Open orders with their guest, gifts and bonus reservation: what the cashier checks before payment.
 * Orders nobody touched for `staleOrderHours` are under «Давно без движения (N)».
 */
export function OrdersScreen() {
  const t = useTexts();
  const { orders, staleCount, loaded, failed, load } = useOrdersStore();
  const [showStale, setShowStale] = useState(false);
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <section aria-labelledby="orders-title" className="page">
      <h2 id="orders-title">{t.orders.title}</h2>
      <div className="chips" role="group" aria-label={t.orders.views}>
        <button type="button" className="chip" aria-pressed={!showStale} onClick={() => setShowStale(false)}>
          {t.orders.current(orders.length)}
        </button>
        <button type="button" className="chip" aria-pressed={showStale} onClick={() => setShowStale(true)}>
          {t.orders.stale(staleCount)}
        </button>
      </div>
      {failed && <p role="alert" className="error">{t.error.loadFailed}</p>}
      {showStale ? (
        <StaleOrders count={staleCount} />
      ) : (
        <>
          {loaded && orders.length === 0 && <p className="empty">{t.orders.empty}</p>}
          <ul className="cards" aria-labelledby="orders-title">
            {orders.map((order) => (
              <OrderCard key={order.OrderId} order={order} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
