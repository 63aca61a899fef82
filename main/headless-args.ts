import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Settings } from '../shared/settings/schema.js';
import { hashAdminPassword } from './core/settings/admin-password.js';

export interface HeadlessArgs {
  dataDir: string | undefined;
  seedFile: string | undefined;
  overrides: { server?: Partial<Settings['server']> } & Partial<Omit<Settings, 'server'>>;
}

/**
 * `npm run server -- [--host H] [--port P] [--path /GetMeBack] [--data-dir DIR] [--seed FILE]
 * [--bonus-payment-type UUID] [--admin-password-file FILE] [--language ru|en] [--no-demo]` (docs/protocol.md#headless).
 * Flags override stored settings for this run only. The admin password never comes from the command
 * line (every user of the machine can read it with `ps`, and npm echoes it): it comes from a file
 * (`--admin-password-file`, its first line) or the `GMB_ADMIN_PASSWORD` environment variable.
 */
export function parseHeadlessArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): HeadlessArgs & { demoBook: boolean } {
  if (argv.some((arg) => arg === '--admin-password' || arg.startsWith('--admin-password='))) {
    throw new Error('--admin-password is gone: the command line is visible to every user (ps). Use --admin-password-file FILE or GMB_ADMIN_PASSWORD');
  }
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      host: { type: 'string' },
      port: { type: 'string' },
      path: { type: 'string' },
      'data-dir': { type: 'string' },
      seed: { type: 'string' },
      'bonus-payment-type': { type: 'string' },
      'admin-password-file': { type: 'string' },
      language: { type: 'string' },
      'no-demo': { type: 'boolean' },
    },
  });
  const server: Partial<Settings['server']> = {};
  if (values.host !== undefined) server.host = values.host;
  if (values.port !== undefined) {
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`--port must be 0–65535, got ${values.port}`);
    server.port = port;
  }
  if (values.path !== undefined) server.path = values.path.startsWith('/') ? values.path : `/${values.path}`;
  const overrides: HeadlessArgs['overrides'] = {};
  if (Object.keys(server).length > 0) overrides.server = server;
  if (values['bonus-payment-type'] !== undefined) overrides.bonusPaymentTypeId = values['bonus-payment-type'];
  const password = adminPassword(values['admin-password-file'], env);
  if (password !== undefined) overrides.adminPasswordHash = hashAdminPassword(password);
  if (values.language !== undefined) {
    if (values.language !== 'ru' && values.language !== 'en') throw new Error('--language must be ru or en');
    overrides.language = values.language;
  }
  return { dataDir: values['data-dir'], seedFile: values.seed, overrides, demoBook: !values['no-demo'] };
}

function adminPassword(file: string | undefined, env: NodeJS.ProcessEnv): string | undefined {
  if (file !== undefined) {
    const password = (readFileSync(file, 'utf8').split(/\r?\n/)[0] ?? '').trim();
    if (password === '') throw new Error(`--admin-password-file ${file}: the file's first line is empty`);
    return password;
  }
  const fromEnv = env.GMB_ADMIN_PASSWORD;
  return fromEnv === undefined || fromEnv === '' ? undefined : fromEnv;
}
