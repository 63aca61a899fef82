import type { UpdateFailureStage, UpdateState } from '../update-state.js';
import type { Language } from './language.js';

/**
 * The updates' state in people's words, the same in the tray, the setup screen, the feed and the
 * notifications. electron-updater's own error text stays in the log.
 */
const TEXT = {
  ru: {
    off: 'Обновления выключены: адрес обновлений не задан в настройках',
    notInstalled: 'Обновления есть только у установленного приложения',
    idle: 'Обновления ещё не проверялись',
    checking: 'Проверяем обновления…',
    upToDate: 'Установлена последняя версия',
    downloading: (version: string, percent: number) => `Загружается обновление ${version}: ${percent}\u00a0%`,
    downloaded: (version: string) => `Обновление ${version} загружено: установится при выходе из GetMeBack Till или по кнопке «Установить сейчас»`,
    failed: {
      check: 'Не удалось проверить обновления: папка обновлений не отвечает',
      download: 'Обновление не загружено: загрузка прервалась, попробуем снова при следующей проверке',
      verify: 'Загруженное обновление отклонено: контрольная сумма или подпись не совпали',
    },
    failedTitle: 'Обновление не установлено',
    install: (version: string) => `Установить обновление ${version} (перезапуск)`,
    ready: (version: string) => `обновление ${version} готово к установке`,
    failedShort: 'обновление не установлено',
  },
  en: {
    off: 'Updates off: no update folder in the settings',
    notInstalled: 'Only the installed app updates itself',
    idle: 'Updates not checked yet',
    checking: 'Checking for updates…',
    upToDate: 'The latest version is installed',
    downloading: (version: string, percent: number) => `Downloading update ${version}: ${percent}%`,
    downloaded: (version: string) => `Update ${version} downloaded: installed when GetMeBack Till quits, or with “Install now”`,
    failed: {
      check: 'Could not check for updates: the update folder does not answer',
      download: 'Update not downloaded: the download broke off; tried again at the next check',
      verify: 'The downloaded update was refused: its checksum or signature did not match',
    },
    failedTitle: 'Update not installed',
    install: (version: string) => `Install update ${version} (restarts)`,
    ready: (version: string) => `update ${version} ready to install`,
    failedShort: 'update not installed',
  },
} as const;

export function updateStateText(state: UpdateState, language: Language): string {
  const t = TEXT[language];
  switch (state.kind) {
    case 'off':
      return state.reason === 'no-url' ? t.off : t.notInstalled;
    case 'idle':
      return t.idle;
    case 'checking':
      return t.checking;
    case 'up-to-date':
      return t.upToDate;
    case 'downloading':
      return t.downloading(state.version, state.percent);
    case 'downloaded':
      return t.downloaded(state.version);
    case 'failed':
      return t.failed[state.stage];
  }
}

/** Whether the state is one to worry about (shown in red). */
export function updateStateIsBad(state: UpdateState): boolean {
  return state.kind === 'failed';
}

export function updateFailureText(stage: UpdateFailureStage, language: Language): { title: string; body: string } {
  return { title: TEXT[language].failedTitle, body: TEXT[language].failed[stage] };
}

/** The tray tooltip's short line (Windows cuts it at 127 characters): only what waits for the manager. */
export function updateTrayLine(state: UpdateState, language: Language): string | null {
  if (state.kind === 'downloaded') return TEXT[language].ready(state.version);
  if (state.kind === 'failed') return TEXT[language].failedShort;
  return null;
}

/** The tray's and the setup screen's button for a downloaded update. */
export function installUpdateLabel(version: string, language: Language): string {
  return TEXT[language].install(version);
}
