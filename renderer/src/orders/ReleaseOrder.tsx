import { useState } from 'react';
import type { OpenOrder } from '../../../shared/admin/feed.js';
import { api, ApiError } from '../api/client.js';
import { useTexts } from '../stores/status-store.js';

/** Whether the order still holds anything a guest could use elsewhere: gifts added or offered, or reserved bonuses. */
export function holdsAnything(order: OpenOrder): boolean {
  return order.BonusPayment !== null || order.OfferedGifts.length > 0 || order.Gifts.some((gift) => gift.Status === 'Added');
}

/**
 * «Снять резерв» on an idle order (closed in iikoFront without a check-out): asked twice, a finger's
 * slip must not give a guest's gift back; then the till releases it (POST /api/orders/:id/release).
 */
export function ReleaseOrder({ order, onReleased }: { order: OpenOrder; onReleased: () => void }) {
  const t = useTexts().orders;
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  if (!holdsAnything(order)) return null;

  const release = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await api.post(`/api/orders/${encodeURIComponent(order.OrderId)}/release`, {});
      setAsking(false);
      onReleased();
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : t.releaseFailed);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="release-order">
      {asking ? (
        <>
          <p className="hint">{t.releaseQuestion}</p>
          <div className="actions">
            <button type="button" className="primary" disabled={busy} onClick={() => void release()}>
              {t.releaseConfirm}
            </button>
            <button type="button" disabled={busy} onClick={() => setAsking(false)}>
              {t.releaseCancel}
            </button>
          </div>
        </>
      ) : (
        <button type="button" onClick={() => setAsking(true)}>
          {t.release}
        </button>
      )}
      {problem && (
        <p role="alert" className="field-error">
          {problem}
        </p>
      )}
    </div>
  );
}
