import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client.js';
import type { SetupResponse } from '../../../shared/admin/status.js';
import { ServerAddressCard } from './ServerAddressCard.js';
import { LanReachability } from './LanReachability.js';
import { StateSign } from '../components/StateSign.js';
import { UpdateStatus } from './UpdateStatus.js';
import { SetupChecklist } from './SetupChecklist.js';
import { useNow } from '../components/use-now.js';
import { WaiterCallers } from './WaiterCallers.js';
import { BackupNow } from './BackupNow.js';
import { formatAgo, formatDateTime, formatFileSize } from '../../../shared/i18n/numbers.js';
import { providerTroubleTexts } from '../../../shared/i18n/provider-messages.js';
import { useLanguage, useStatusStore, useTexts } from '../stores/status-store.js';

const POLL_MS = 3000;

/**
 * The setup assistant (`#/setup`): the exact Server Address to type into iikoWaiter, whether
 * iikoWaiter has called yet, and the user guide's checklist. Waiter requests that change nothing
 * (viewing an order) make no feed event, so this screen asks the server every few seconds.
 */
export function SetupScreen() {
  const t = useTexts();
  const language = useLanguage();
  const clockOffsetMs = useStatusStore((state) => state.clockOffsetMs);
  const port = useStatusStore((state) => state.status?.listening?.port);
  const now = useNow();
  const [setup, setSetup] = useState<SetupResponse | null>(null);
  const [failed, setFailed] = useState(false);

  const [reloads, setReloads] = useState(0);
  // Stable: the LAN check calls it when it has an answer (the checklist's line follows).
  const reload = useCallback(() => setReloads((n) => n + 1), []);
  useEffect(() => {
    const load = () =>
      api
        .get<SetupResponse>('/api/setup')
        .then((body) => {
          setSetup(body);
          setFailed(false);
        })
        .catch(() => setFailed(true));
    void load();
    const timer = setInterval(() => void load(), POLL_MS);
    return () => clearInterval(timer);
  }, [reloads]);

  const lastRequest = setup?.lastWaiterRequestAt
    ? formatAgo(now + clockOffsetMs - new Date(setup.lastWaiterRequestAt).getTime(), language)
    : t.setup.never;

  const lastBackup = setup?.backup.last ?? null;
  // A failure newer than the newest backup is what the manager must see; an older one was followed by a good copy.
  const backupFailing = setup?.backup.failedAt != null && (lastBackup === null || setup.backup.failedAt >= lastBackup.at);

  return (
    <section aria-labelledby="setup-title" className="page setup">
      <h2 id="setup-title">{t.setup.title}</h2>
      {failed && <p role="alert" className="error">{t.error.loadFailed}</p>}
      <p>{t.setup.intro}</p>
      {setup && (
        <>
          <ul className="addresses">
            {setup.serverAddresses.map((address) => (
              <ServerAddressCard key={address.url} url={address.url} loopback={address.loopback} />
            ))}
          </ul>
          <dl className="live-status" aria-live="polite">
            <div>
              <dt>{t.setup.lastRequest}</dt>
              <dd>{lastRequest}</dd>
            </div>
            <div>
              <dt>{t.setup.provider}</dt>
              <dd className={setup.provider.online ? 'ok' : 'bad'}>
                <StateSign ok={setup.provider.online} />
                {setup.provider.provider === 'cloud' ? t.status.providerCloud : t.status.providerLocal}:{' '}
                {setup.provider.online ? t.status.online : t.status.offline}
                {providerTroubleTexts(setup.provider, language).map((text) => ` · ${text}`)}
              </dd>
            </div>
            <div>
              <dt>{t.setup.port}</dt>
              <dd className={setup.portInUse ? 'bad' : 'ok'}>
                <StateSign ok={!setup.portInUse} />
                {setup.portInUse ? `${setup.portInUse} · ${t.setup.portInUse}` : `${port ?? '—'} · ${t.setup.portFree}`}
              </dd>
            </div>
            <LanReachability onChecked={reload} />
            <UpdateStatus />
            <div>
              <dt>{t.setup.backup}</dt>
              <dd className={backupFailing || lastBackup === null ? 'bad' : 'ok'} title={lastBackup?.file}>
                <StateSign ok={!backupFailing && lastBackup !== null} />
                {lastBackup ? `${formatDateTime(new Date(lastBackup.at), language)} · ${formatFileSize(lastBackup.sizeBytes, language)}` : t.setup.backupNever}
                {backupFailing && ` · ${t.setup.backupFailed}`}
              </dd>

            </div>
          </dl>
          <BackupNow onDone={reload} />
          <WaiterCallers allowedCallers={setup.allowedCallers} refusedCallers={setup.refusedCallers} onChanged={reload} />
          <SetupChecklist checklist={setup.checklist} permissions={setup.permissions} />
        </>
      )}
    </section>
  );
}
