import { enableCompileCache } from '../compile-cache.js';

/**
 * The desktop app's entry (package.json "main"): turns on the compile cache before anything heavy
 * is loaded, then loads the app (desktop-app.ts; in the build, one bundled file: scripts/bundle-host.ts).
 */
enableCompileCache();
await import('./desktop-app.js');
