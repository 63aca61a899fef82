import type { Language } from '../../../shared/i18n/language.js';

/** What the setup screen says about a backup the cashier started. */
const ru = {
  running: 'Резервная копия уже делается. Дождитесь её окончания.',
  failed: 'Резервная копия не сделана: проверьте место на диске и папку резервных копий; подробности в журнале.',
} as const;

const en: Record<keyof typeof ru, string> = {
  running: 'A backup is already being made. Wait for it to finish.',
  failed: 'The backup was not made: check the free disk space and the backup folder; the log has the details.',
};

export type BackupMessageKey = keyof typeof ru;
export const BACKUP_MESSAGE_KEYS = Object.keys(ru) as BackupMessageKey[];

export function backupMessage(language: Language, key: BackupMessageKey): string {
  return (language === 'ru' ? ru : en)[key];
}
