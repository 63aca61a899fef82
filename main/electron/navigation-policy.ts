/**
 * Where the app's windows may go. The only content they ever show is the core's own dashboard, at
 * one origin (`http://127.0.0.1:<port>`); anything else is either a link the cashier opens in the
 * system browser (http/https only) or refused. These are the checks Electron's security checklist
 * asks for, as pure functions so they are proven in Node.
 */

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** The origin of the core's dashboard, e.g. `http://127.0.0.1:3000`, from the server's local URL. */
export function appOriginOf(localUrl: string): string | null {
  const parsed = parse(localUrl);
  return parsed && parsed.protocol === 'http:' ? parsed.origin : null;
}

/** True only for a URL on exactly the app's origin: same scheme, host and port. */
export function isAppUrl(url: string, origin: string | null): boolean {
  if (origin === null) return false;
  const parsed = parse(url);
  return parsed !== null && (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.origin === origin;
}

/** A link that may be handed to the system browser: a web page, never file:, a custom scheme or a script. */
export function isSafeExternalUrl(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.username === '' && parsed.password === '';
}

export type NavigationDecision = 'allow' | 'open-externally' | 'deny';

/** A window navigating or asking for a new window: stay on the app, send web links out, refuse the rest. */
export function navigationDecision(url: string, origin: string | null): NavigationDecision {
  if (isAppUrl(url, origin)) return 'allow';
  return isSafeExternalUrl(url) ? 'open-externally' : 'deny';
}

/**
 * An IPC message is trusted only from the top frame of a page on the app's origin. A page that
 * navigated elsewhere, an iframe, or a frame that is gone (`null` URL) gets no shell actions.
 */
export function isTrustedSender(frameUrl: string | null | undefined, origin: string | null, isMainFrame = true): boolean {
  return isMainFrame && typeof frameUrl === 'string' && isAppUrl(frameUrl, origin);
}

/** The page to load for a dashboard screen, e.g. `http://127.0.0.1:3000/#/settings`. */
export function dashboardUrl(origin: string, route: string): string {
  return `${origin}/${route.startsWith('#') ? route : `#${route}`}`;
}
