import type { CashierNotification, DashboardRoute } from './notification-policy.js';

/**
 * Windows notifications that still work from the Action Center after the app restarted (issue 18).
 * The app registers a fixed toast activator CLSID (app-identity.ts) before its AppUserModelId, so
 * Windows can start it again for a click on an old notification; each toast carries the screen it is
 * about in its `launch` argument, which comes back as the activation's arguments
 * (`Notification.handleActivation`) or, when another copy is already running, on the command line
 * of the second launch (`second-instance`). Pure: no Electron here.
 */

/** The launch argument's prefix: `gmb-route=#/feed`. */
export const ROUTE_ARGUMENT = 'gmb-route=';

const ROUTES: readonly DashboardRoute[] = ['#/feed', '#/orders', '#/cash', '#/setup'];

/** The screen a toast's activation (or a second launch's command line) asks for; null when none, or one we never send. */
export function routeFromActivation(args: string | readonly string[]): DashboardRoute | null {
  for (const part of typeof args === 'string' ? args.split(/\s+/) : args) {
    const at = part.indexOf(ROUTE_ARGUMENT);
    if (at === -1) continue;
    const route = part.slice(at + ROUTE_ARGUMENT.length).replace(/^["']|["']$/g, '');
    const known = ROUTES.find((candidate) => candidate === route);
    if (known) return known;
  }
  return null;
}

/**
 * A file of the packed app as Windows itself can read it: Windows reads a toast's image from the
 * disk, and cannot look inside `app.asar` — the file is unpacked beside it (electron-builder.yml,
 * asarUnpack) and named there. A path outside any `app.asar` is returned as it is.
 */
export function outsideAsar(file: string): string {
  return file.replace(/([\\/])app\.asar(?=[\\/])/, '$1app.asar.unpacked');
}

/**
 * The toast's XML for Windows (Electron's `toastXml`): the same title and text, with the screen in
 * `launch`. Escaped: a guest's name or a waiter's is the till's data, never markup.
 */
export function toastXml(notice: CashierNotification, iconPath: string): string {
  return [
    `<toast launch="${escapeXml(`${ROUTE_ARGUMENT}${notice.route}`)}" activationType="foreground">`,
    '<visual><binding template="ToastGeneric">',
    `<image placement="appLogoOverride" src="${escapeXml(iconPath)}"/>`,
    `<text>${escapeXml(notice.title)}</text>`,
    `<text>${escapeXml(notice.body)}</text>`,
    '</binding></visual>',
    '</toast>',
  ].join('');
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (char) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[char] ?? char);
}
