import { APP_NAME } from '../core/data-dir.js';

/**
 * Who the app is to the OS. Windows groups notifications and taskbar entries by this id, and it must
 * equal electron-builder's `appId` or notifications from the installed app show no name or none at all.
 */
export const APP_ID = 'ru.getmeback.till';

/** Electron names its userData folder after package.json's productName: the same folder headless uses. */
export const PRODUCT_NAME = APP_NAME;
