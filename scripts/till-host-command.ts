import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The headless host as built by `npm run build` / `npm run build:host`: a tiny entry and its bundle. */
export const BUILT_HOST = path.join(ROOT, 'dist', 'main', 'headless.js');

/**
 * Which host a script or a test starts: `built` (what the installed app and the bench run; the e2e,
 * `npm run test:crash` and `npm run check:lan` build it first) or `sources` (through tsx: the
 * vitest tests, which run on sources without a build). The e2e choose by GMB_TILL_HOST
 * (playwright.config.ts sets `built`).
 */
export type TillHostBuild = 'built' | 'sources';

export function tillHostBuildOf(env: NodeJS.ProcessEnv): TillHostBuild {
  const chosen = env.GMB_TILL_HOST ?? 'sources';
  if (chosen !== 'built' && chosen !== 'sources') throw new Error(`GMB_TILL_HOST=${chosen}: built or sources`);
  return chosen;
}

/** node's arguments before the host's own. */
export function tillHostCommand(build: TillHostBuild): string[] {
  if (build === 'sources') return ['--import', 'tsx', path.join(ROOT, 'main', 'headless.ts')];
  if (!existsSync(BUILT_HOST)) throw new Error(`${BUILT_HOST} is missing: \`npm run build:host\` builds it`);
  return [BUILT_HOST];
}
