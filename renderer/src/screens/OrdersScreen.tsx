import { useEffect } from 'react';
import { OrderCard } from '../components/OrderCard.js';
import { useOrdersStore } from '../stores/orders-store.js';
import { useTexts } from '../stores/status-store.js';

/** Open orders with their guest, gifts and bonus reservation: what the cashier checks before payment. */
export function OrdersScreen() {
  const t = useTexts();
  const { orders, loaded, failed, load } = useOrdersStore();
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <section aria-labelledby="orders-title" className="page">
      <h2 id="orders-title">{t.orders.title}</h2>
      {failed && <p role="alert" className="error">{t.error.loadFailed}</p>}
      {loaded && orders.length === 0 && <p className="empty">{t.orders.empty}</p>}
      <ul className="cards" aria-labelledby="orders-title">
        {orders.map((order) => (
          <OrderCard key={order.OrderId} order={order} />
        ))}
      </ul>
    </section>
  );
}
