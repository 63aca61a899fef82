import type { ResolveHookSync } from 'node:module';

/**
 * A Node module-resolution hook for the stand-in run only: every `import 'electron'` — the app's and
 * electron-store's — gets the stand-in instead of the npm package (which would only return the path
 * of a binary), and `import 'electron-updater'` its own stand-in. Registered by run-main.ts with `module.registerHooks`, in the thread itself, so that it
 * answers the bundle's `require('electron')` (scripts/bundle-host.ts) as well as an `import`; nothing else in the app uses it.
 */
const standIns: Record<string, string> = {
  electron: new URL('./electron-stand-in.js', import.meta.url).href,
  // The app's `import 'electron-updater'` too: the real one would reach Electron's net module and the update folder.
  'electron-updater': new URL('./electron-updater-stand-in.js', import.meta.url).href,
};

export const resolve: ResolveHookSync = (specifier, context, nextResolve) => {
  const standIn = standIns[specifier];
  return standIn ? { url: standIn, format: 'module', shortCircuit: true } : nextResolve(specifier, context);
};
