import { useState } from 'react';
import type { BackupDoneEvent, BackupFailedEvent, BackupProgressEvent } from '../../../shared/admin/backups.js';
import { formatDateTime, formatFileSize } from '../../../shared/i18n/numbers.js';
import { ApiError, postEventStream } from '../api/client.js';
import { useLanguage, useTexts } from '../stores/status-store.js';

type BackupState =
  | { phase: 'idle' }
  | { phase: 'running'; progress: BackupProgressEvent | null }
  | { phase: 'done'; backup: BackupDoneEvent; totalPages: number }
  | { phase: 'failed'; message: string };

/**
 * «Сделать резервную копию сейчас»: the till copies the database a step at a time and says how far
 * it has come (a bar and a percentage, then «Проверяем копию…»), then the new backup's time and size.
 */
export function BackupNow({ onDone }: { onDone: () => void }) {
  const t = useTexts();
  const language = useLanguage();
  const [state, setState] = useState<BackupState>({ phase: 'idle' });

  const start = async () => {
    setState({ phase: 'running', progress: null });
    let totalPages = 0;
    let ended: BackupState = { phase: 'failed', message: t.setup.backupInterrupted };
    try {
      await postEventStream('/api/backups', ({ event, data }) => {
        if (event === 'progress') {
          const progress = data as BackupProgressEvent;
          totalPages = progress.totalPages;
          setState({ phase: 'running', progress });
        } else if (event === 'done') ended = { phase: 'done', backup: data as BackupDoneEvent, totalPages };
        else if (event === 'failed') ended = { phase: 'failed', message: (data as BackupFailedEvent).message };
      });
    } catch (caught) {
      ended = { phase: 'failed', message: caught instanceof ApiError ? caught.message : t.setup.backupInterrupted };
    }
    setState(ended);
    onDone();
  };

  const bar = state.phase === 'running' ? state.progress : state.phase === 'done' ? { pages: state.totalPages, totalPages: state.totalPages } : null;
  const percent = (progress: { pages: number; totalPages: number }) => (progress.totalPages > 0 ? Math.floor((progress.pages * 100) / progress.totalPages) : 0);
  return (
    <div className="backup-now">
      <button type="button" onClick={() => void start()} disabled={state.phase === 'running'}>
        {t.setup.backupNow}
      </button>
      {state.phase === 'running' && (
        <progress data-testid="backup-progress" max={bar?.totalPages || undefined} value={bar?.pages ?? undefined} aria-label={t.setup.backupNow} />
      )}
      {state.phase === 'done' && <progress data-testid="backup-progress" max={1} value={1} aria-label={t.setup.backupNow} />}
      {state.phase === 'running' && (
        <span role="status" data-testid="backup-status">
          {state.progress?.phase === 'checking' ? t.setup.backupChecking : t.setup.backupCopying(state.progress ? percent(state.progress) : 0)}
        </span>
      )}
      {state.phase === 'done' && (
        <span role="status" data-testid="backup-status">
          {t.setup.backupMade(formatDateTime(new Date(state.backup.at), language), formatFileSize(state.backup.sizeBytes, language))}
        </span>
      )}
      {state.phase === 'failed' && (
        <span role="alert" className="error" data-testid="backup-status">
          {state.message}
        </span>
      )}
    </div>
  );
}
