import { flushCompileCacheSoon } from './compile-cache.js';
import { fileSettingsStore } from './core/settings/file-settings-store.js';
import { createCore } from './core/create-core.js';
import { defaultDataDir, logDirOf } from './core/data-dir.js';
import { createLogger, logWritten } from './core/logger.js';
import { createApp } from './core/server/create-app.js';
import { listen, PortInUseError } from './core/server/listen.js';
import { serverAddresses } from './core/setup/server-addresses.js';
import { parseHeadlessArgs } from './headless-args.js';

/**
 * `npm run server`: the same core as the desktop app, without Electron, serving the waiter API
 * and the dashboard. Prints one line with `listening on http://<host>:<port>` when ready.
 */
async function main(): Promise<void> {
  const args = parseHeadlessArgs(process.argv.slice(2));
  // Read once; child processes (none today) must not inherit it.
  delete process.env.GMB_ADMIN_PASSWORD;
  const dataDir = args.dataDir ?? defaultDataDir();
  const logger = createLogger({ logDir: logDirOf(dataDir) });
  const core = createCore({
    dataDir,
    settingsStore: fileSettingsStore(dataDir),
    overrides: args.overrides,
    seedFile: args.seedFile,
    demoBook: args.demoBook,
    logger,
  });
  const settings = core.settings.get();
  let listening;
  try {
    listening = await listen(
      { app: createApp(core), activity: core.activity, allowedTerminals: () => core.settings.get().server.allowedRanges },
      { host: settings.server.host, port: settings.server.port },
    );
  } catch (error) {
    await core.close();
    if (error instanceof PortInUseError) {
      console.error(
        `Порт ${error.port} занят другой программой: возможно, GetMeBack Till уже запущен. / ` +
          `Port ${error.port} is used by another program: is GetMeBack Till already running? (--port to choose another)`,
      );
      process.exitCode = 2;
      return;
    }
    throw error;
  }
  const { host, port, localUrl } = listening;
  flushCompileCacheSoon();
  console.log(`GetMeBack Till ${core.version} listening on http://${host.includes(':') ? `[${host}]` : host}:${port}`);
  console.log(`  dashboard:            ${localUrl}/`);
  console.log('  iikoWaiter → External Loyalty → Server Address:');
  const reachable = host === '0.0.0.0' || host === '::' ? serverAddresses(port, settings.server.path) : [{ url: `${localUrl}${settings.server.path}`, loopback: false }];
  for (const address of reachable) {
    console.log(`    ${address.url}${address.loopback ? '   (iikoWaiter on this same till)' : ''}`);
  }
  console.log(`  data: ${dataDir}   logs: ${logDirOf(dataDir)}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    await listening.close();
    await core.close();
    await logWritten(logger);
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(`GetMeBack Till could not start: ${error instanceof Error ? error.message : String(error)}`);
  // Not process.exit(): the log file may still be opening, and the process ends once it has.
  process.exitCode = 1;
});
