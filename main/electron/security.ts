import { app, session, shell } from 'electron';
import type { Logger } from '../core/logger.js';
import { navigationDecision } from './navigation-policy.js';

/**
 * Electron's security checklist in one place, for every window the app will ever have: no
 * permission is granted, no webview is attached, navigation stays on the app's origin, and a web
 * link leaves for the system browser instead of opening inside the app.
 */
export function enforceWindowSecurity(origin: () => string | null, logger: Logger): void {
  session.defaultSession.setPermissionRequestHandler((_contents, permission, grant) => {
    logger.warn({ permission }, 'permission request denied');
    grant(false);
  });
  session.defaultSession.setPermissionCheckHandler(() => false);

  app.on('web-contents-created', (_event, contents) => {
    const guard = (event: { preventDefault(): void }, url: string) => {
      const decision = navigationDecision(url, origin());
      if (decision === 'allow') return;
      event.preventDefault();
      if (decision === 'open-externally') void shell.openExternal(url);
      else logger.warn({ url }, 'navigation refused');
    };
    contents.on('will-navigate', (event) => guard(event, event.url));
    contents.on('will-redirect', (event) => guard(event, event.url));
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (navigationDecision(url, origin()) !== 'deny') void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}
