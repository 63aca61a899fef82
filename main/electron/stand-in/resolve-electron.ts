import type { ResolveHook } from 'node:module';

/**
 * A Node module-resolution hook for the stand-in run only: every `import 'electron'` — the app's and
 * electron-store's — gets the stand-in instead of the npm package (which would only return the path
 * of a binary). Registered by run-main.ts with `module.register`; nothing else in the app uses it.
 */
const standIn = new URL('./electron-stand-in.js', import.meta.url).href;

export const resolve: ResolveHook = (specifier, context, nextResolve) =>
  specifier === 'electron' ? { url: standIn, format: 'module', shortCircuit: true } : nextResolve(specifier, context);
