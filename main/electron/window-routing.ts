import { appOriginOf, dashboardUrl, isAppUrl } from './navigation-policy.js';
import { localDashboardUrl, type ServerState } from './server-state.js';

/**
 * Which page a window loads, if any. A reload throws away what the manager was typing on a screen,
 * so a window is only loaded when it must be: it shows nothing of the app yet, a notification asks
 * for another screen, or the server moved to another address.
 */

/** The origin the windows belong to after this server state: the server, its port-taken fallback, or unchanged. */
export function windowOrigin(state: ServerState, previous: string | null): string | null {
  const url = localDashboardUrl(state);
  return url === null ? previous : (appOriginOf(url) ?? previous);
}

/**
 * The page to load when a window is brought forward, or null to just show it as it is. Without a
 * route (a tray click, a second launch) a window already on the app keeps its screen and its form.
 */
export function pageToShow(currentUrl: string, origin: string, route?: string): string | null {
  const onApp = isAppUrl(currentUrl, origin);
  if (route === undefined) return onApp ? null : dashboardUrl(origin, '#/');
  const wanted = dashboardUrl(origin, route);
  return onApp && routeOf(currentUrl) === routeOf(wanted) ? null : wanted;
}

/** After the server moved (a new port), the same screen on the new origin. */
export function pageAfterMove(currentUrl: string, origin: string, fallbackRoute: string): string {
  return dashboardUrl(origin, routeOf(currentUrl) ?? fallbackRoute);
}

/** The hash route of a dashboard page (`#/orders`); no hash, `#` and `#/` are the same home screen. Null for no web page. */
function routeOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  return parsed.hash === '' ? '#/' : parsed.hash;
}
