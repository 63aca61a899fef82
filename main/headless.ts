import { enableCompileCache } from './compile-cache.js';

/**
 * `npm run server` / `node dist/main/headless.js`: the headless host's entry. It only turns on
 * Node's compile cache, before anything heavy is loaded, then loads the host
 * (headless-host.ts; in the build, one bundled file: scripts/bundle-host.ts).
 */
enableCompileCache();
await import('./headless-host.js');
