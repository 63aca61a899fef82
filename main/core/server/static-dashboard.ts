import { existsSync, readFileSync, statSync } from 'node:fs';
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

/**
 * Serves the built React dashboard (GET only), with index.html for any path that is not a file so
 * the app's own routes work on reload. Paths cannot climb out of the dashboard's folder.
 */
export function staticDashboard(dir: string): Middleware {
  const root = path.resolve(dir);
  return async (ctx, next) => {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    if (ctx.path.startsWith('/api/')) return next();
    const index = path.join(root, 'index.html');
    if (!existsSync(index)) {
      ctx.type = 'text/html; charset=utf-8';
      ctx.body = NOT_BUILT;
      return;
    }
    let file = index;
    try {
      file = path.resolve(root, `.${decodeURIComponent(ctx.path)}`);
    } catch {
      // A malformed %-escape: not a file of ours, so the app's index.
    }
    if (!file.startsWith(root + path.sep) || !existsSync(file) || !statSync(file).isFile()) file = index;
    ctx.type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    if (file !== index) ctx.set('Cache-Control', 'public, max-age=31536000, immutable');
    ctx.body = readFileSync(file);
  };
}
