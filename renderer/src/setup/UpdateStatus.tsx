import { useEffect, useState } from 'react';
import { updateStateIsBad, updateStateText } from '../../../shared/i18n/update-messages.js';
import type { UpdateState } from '../../../shared/update-state.js';
import { useLanguage, useTexts } from '../stores/status-store.js';
import { StateSign } from '../components/StateSign.js';

const POLL_MS = 3000;

/**
 * The installed app's updates on the setup screen: its state, and for a downloaded update the
 * manager's button that installs it (the app restarts). Only inside the desktop app: the state lives
 * in its main process and travels over the shell bridge; a browser on the LAN shows nothing here.
 */
export function UpdateStatus() {
  const t = useTexts();
  const language = useLanguage();
  const [state, setState] = useState<UpdateState | null>(null);
  const shell = window.tillShell;

  useEffect(() => {
    if (!shell) return;
    const load = () => void shell.updateState().then(setState, () => setState(null));
    load();
    const timer = setInterval(load, POLL_MS);
    return () => clearInterval(timer);
  }, [shell]);

  if (!shell || !state) return null;
  const bad = updateStateIsBad(state);
  return (
    <div>
      <dt>{t.setup.updates}</dt>
      <dd className={bad ? 'bad' : 'ok'}>
        <StateSign ok={!bad} />
        {updateStateText(state, language)}
        {state.kind === 'downloaded' && (
          <>
            {' '}
            <button type="button" onClick={() => void shell.installUpdate()}>
              {t.setup.installUpdate}
            </button>
          </>
        )}
      </dd>
    </div>
  );
}
