import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Middleware } from 'koa';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

const NOT_BUILT = `<!doctype html><html lang="ru"><meta charset="utf-8"><title>GetMeBack Till</title>
<body style="font-family:sans-serif;padding:2rem"><h1>Панель GetMeBack Till ещё не собрана</h1>
<p>Сервер для iikoWaiter работает. Чтобы открыть панель, выполните <code>npm run build</code> и перезапустите.</p>
<p lang="en">The server for iikoWaiter is running. To see the dashboard, run <code>npm run build</code> and restart.</p></body></html>`;

interface DashboardFile {
  type: string;
  body: Buffer;
}

/**
 * Serves the built React dashboard (GET only), with index.html for any path that is not a file so
 * the app's own routes work on reload. The files are read once, when the app is built: no disk
 * access per request on the event loop the waiters share (a rebuilt dashboard shows after a
 * restart, as the hint page says). Only files found under the folder are served.
 */
export function staticDashboard(dir: string): Middleware {
  const files = readDashboard(path.resolve(dir));
  const index = files?.get('/index.html');
  return async (ctx, next) => {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    if (ctx.path.startsWith('/api/')) return next();
    if (!files || !index) {
      ctx.type = 'text/html; charset=utf-8';
      ctx.body = NOT_BUILT;
      return;
    }
    let file: DashboardFile | undefined;
    try {
      file = files.get(decodeURIComponent(ctx.path));
    } catch {
      // A malformed %-escape: not a file of ours, so the app's index.
    }
    if (file && file !== index) ctx.set('Cache-Control', 'public, max-age=31536000, immutable');
    const served = file ?? index;
    ctx.type = served.type;
    ctx.body = served.body;
  };
}

/** Every file under the dashboard's folder by its URL path (`/assets/app-1a2b.js`), or null when it is not built. */
function readDashboard(root: string): Map<string, DashboardFile> | null {
  if (!existsSync(path.join(root, 'index.html'))) return null;
  const files = new Map<string, DashboardFile>();
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    const urlPath = `/${path.relative(root, full).split(path.sep).join('/')}`;
    files.set(urlPath, { type: TYPES[path.extname(full)] ?? 'application/octet-stream', body: readFileSync(full) });
  }
  return files;
}
