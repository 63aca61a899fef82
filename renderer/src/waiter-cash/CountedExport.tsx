import { useState } from 'react';
import { LOCALES } from '../../../shared/i18n/numbers.js';
import { useLanguage, useTexts } from '../stores/status-store.js';
import { countedDownload, type DownloadProgress } from './counted-download.js';
import './counted-export.css';

type ExportState = { phase: 'idle' } | { phase: 'running'; progress: DownloadProgress } | { phase: 'done'; rows: number; fileName: string } | { phase: 'failed' };

export interface CountedExportProps {
  /** The till's streamed CSV, which announces its rows in `X-Rows-Total`. */
  url: string;
  label: string;
  progressText: (done: string, total: string) => string;
  doneText: (total: string, fileName: string) => string;
  /** `export` → data-testid `export-progress` and `export-status`. */
  testId: string;
}

/**
 * A CSV of the chosen period that the till streams: the screen counts its rows as they arrive, a bar
 * and «N из M», then saves the file (a year of a busy restaurant is tens of thousands of rows; never
 * a frozen screen). The cash operations and the shift report's own CSV both export through it.
 */
export function CountedExport({ url, label, progressText, doneText, testId }: CountedExportProps) {
  const t = useTexts();
  const language = useLanguage();
  const [state, setState] = useState<ExportState>({ phase: 'idle' });
  const count = (n: number) => new Intl.NumberFormat(LOCALES[language]).format(n);

  const start = async () => {
    setState({ phase: 'running', progress: { rows: 0, total: null } });
    try {
      const file = await countedDownload(url, (progress) => setState({ phase: 'running', progress }));
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
    <div className="counted-export no-print">
      <button type="button" onClick={() => void start()} disabled={running}>
        {label}
      </button>
      {progress && <progress data-testid={`${testId}-progress`} max={progress.total ?? undefined} value={progress.rows} aria-label={label} />}
      {state.phase === 'running' && (
        <span role="status" data-testid={`${testId}-status`}>
          {progressText(count(state.progress.rows), state.progress.total === null ? '…' : count(state.progress.total))}
        </span>
      )}
      {state.phase === 'done' && (
        <span role="status" data-testid={`${testId}-status`}>
          {doneText(count(state.rows), state.fileName)}
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
