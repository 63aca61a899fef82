import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client.js';
import type { LanReachabilityResponse } from '../../../shared/admin/lan-reachability.js';
import { useTexts } from '../stores/status-store.js';
import { StateSign } from '../components/StateSign.js';

/**
 * The setup screen's answer to "can iikoWaiter's terminals reach this till?": the till connects to
 * itself on its LAN addresses (GET /api/setup/lan-reachability), when the screen opens and on demand.
 * A plain "no" says what to do, most often about the firewall.
 */
export function LanReachability({ onChecked }: { onChecked: () => void }) {
  const t = useTexts().setup.lan;
  const [result, setResult] = useState<LanReachabilityResponse | null>(null);
  const [checking, setChecking] = useState(false);
  const [failed, setFailed] = useState(false);

  const check = useCallback(() => {
    setChecking(true);
    api
      .get<LanReachabilityResponse>('/api/setup/lan-reachability')
      .then((body) => {
        setResult(body);
        setFailed(false);
        onChecked();
      })
      .catch(() => setFailed(true))
      .finally(() => setChecking(false));
  }, [onChecked]);

  useEffect(() => check(), [check]);

  const ok = result?.verdict === 'reachable';
  return (
    <div>
      <dt>{t.title}</dt>
      <dd className={result === null ? undefined : ok ? 'ok' : 'bad'} aria-busy={checking}>
        {result && <StateSign ok={ok} />}
        {failed ? t.failed : result ? verdictText(result, t) : t.checking}{' '}
        <button type="button" onClick={check} disabled={checking}>
          {t.again}
        </button>
      </dd>
    </div>
  );
}

function verdictText(result: LanReachabilityResponse, t: ReturnType<typeof useTexts>['setup']['lan']): string {
  const port = result.port ?? 0;
  switch (result.verdict) {
    case 'reachable':
      return t.reachable(port, result.addresses.filter((entry) => entry.reachable).map((entry) => entry.address).join(', '));
    case 'unreachable':
      return t.unreachable(port, result.addresses.map((entry) => entry.address).join(', '));
    case 'loopbackOnly':
      return t.loopbackOnly;
    case 'noLan':
      return t.noLan;
    case 'notListening':
      return t.notListening;
  }
}
