/**
 * Every admin router's options: paths match in their own case only. @koa/router matches without
 * regard to case by default, and the admin gate (middleware/admin-access.ts) decides by the path:
 * `/API/settings` once reached the settings from the LAN without a session.
 */
export const ADMIN_ROUTER = { sensitive: true } as const;
