import { useState } from 'react';
import { LOCALES } from '../../../shared/i18n/numbers.js';
import { useLanguage, useTexts } from '../stores/status-store.js';
import { countedDownload, type DownloadProgress } from './counted-download.js';
import './cash-movements-export.css';

type ExportState = { phase: 'idle' } | { phase: 'running'; progress: DownloadProgress } | { phase: 'done'; rows: number; fileName: string } | { phase: 'failed' };

/**
 * Every cash operation of the chosen period as CSV. A year of a busy restaurant is tens of thousands
 * of rows: the till streams them and the screen counts them as they arrive, a bar and «N из M»,
 * then saves the file.
 */
export function CashMovementsExport({ range }: { range: string }) {
  const t = useTexts();
  const language = useLanguage();
  const [state, setState] = useState<ExportState>({ phase: 'idle' });
  const count = (n: number) => new Intl.NumberFormat(LOCALES[language]).format(n);

  const start = async () => {
    setState({ phase: 'running', progress: { rows: 0, total: null } });
    try {
      const file = await countedDownload(`/api/reports/cash-movements${range}`, (progress) => setState({ phase: 'running', progress }));
      const link = document.createElement('a');
      link.href = URL.createObjectURL(file.blob);
      link.download = file.fileName;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
      setState({ phase: 'done', rows: file.rows, fileName: file.fileName });
    } catch {
      setState({ phase: 'failed' });
    }
  };

  const running = state.phase === 'running';
  // The bar stays full once done, beside the file's name: the cashier sees it finished.
  const progress = state.phase === 'running' ? state.progress : state.phase === 'done' ? { rows: state.rows, total: state.rows } : null;
  return (
    <div className="movements-export no-print">
      <button type="button" onClick={() => void start()} disabled={running}>
        {t.cash.movementsCsv}
      </button>
      {progress && (
        <progress data-testid="export-progress" max={progress.total ?? undefined} value={progress.rows} aria-label={t.cash.movementsCsv} />
      )}
      {state.phase === 'running' && (
        <span role="status" data-testid="export-status">
          {t.cash.movementsProgress(count(state.progress.rows), state.progress.total === null ? '…' : count(state.progress.total))}
        </span>
      )}
      {state.phase === 'done' && (
        <span role="status" data-testid="export-status">
          {t.cash.movementsDone(count(state.rows), state.fileName)}
        </span>
      )}
      {state.phase === 'failed' && (
        <span role="alert" className="error">
          {t.cash.movementsFailed}
        </span>
      )}
    </div>
  );
}
