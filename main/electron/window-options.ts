import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import type { Language } from '../../shared/i18n/language.js';

/**
 * The web preferences of every window: the renderer is an ordinary web page with no Node, isolated
 * from the preload, in Chromium's sandbox (Electron's security checklist, items 2–4 and 6).
 * The Content-Security-Policy comes with the core's HTTP responses, so Electron and a browser get
 * the same one.
 */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
  };
}

export type ShellWindow = 'dashboard' | 'settings';

const TITLES: Record<ShellWindow, Record<Language, string>> = {
  dashboard: { ru: 'GetMeBack Till', en: 'GetMeBack Till' },
  settings: { ru: 'GetMeBack Till — настройки', en: 'GetMeBack Till — settings' },
};

/** Both windows open hidden and show once painted, so the cashier never sees a white flash. */
export function windowOptions(kind: ShellWindow, language: Language, preloadPath: string, icon: string): BrowserWindowConstructorOptions {
  const size = kind === 'dashboard' ? { width: 1280, height: 800, minWidth: 960, minHeight: 600 } : { width: 900, height: 760, minWidth: 640, minHeight: 480 };
  return {
    ...size,
    title: TITLES[kind][language],
    icon,
    show: false,
    autoHideMenuBar: true,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(preloadPath),
  };
}
