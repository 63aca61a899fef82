import { APP_NAME } from '../core/data-dir.js';

/**
 * Who the app is to the OS. Windows groups notifications and taskbar entries by this id, and it must
 * equal electron-builder's `appId` or notifications from the installed app show no name or none at all.
 */
export const APP_ID = 'ru.getmeback.till';

/**
 * The COM class Windows starts the app through when a notification in the Action Center is clicked
 * after the app restarted (`app.setToastActivatorCLSID`, before the AppUserModelId). Fixed forever:
 * a changed one would orphan the notifications already shown.
 */
export const TOAST_ACTIVATOR_CLSID = '{2D4053F6-03ED-4FDF-A208-906FB5F10AB0}';

/** Electron names its userData folder after package.json's productName: the same folder headless uses. */
export const PRODUCT_NAME = APP_NAME;
