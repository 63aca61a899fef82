/**
 * POST /api/backups: a backup the cashier starts from the setup screen. The answer is a stream of
 * server-sent events: `progress` at each step of SQLite's online backup, then `done` with the new
 * backup or `failed` with what to do. A second start while a backup runs is a 409.
 */
export interface BackupProgressEvent {
  /** Copying pages, then checking the copy (`PRAGMA integrity_check`). */
  phase: 'copying' | 'checking';
  pages: number;
  totalPages: number;
}

export interface BackupDoneEvent {
  at: string;
  file: string;
  sizeBytes: number;
}

export interface BackupFailedEvent {
  message: string;
}

export type BackupStreamEvent =
  | { event: 'progress'; data: BackupProgressEvent }
  | { event: 'done'; data: BackupDoneEvent }
  | { event: 'failed'; data: BackupFailedEvent };
