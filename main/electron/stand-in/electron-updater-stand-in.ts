/**
 * A stand-in for electron-updater's `autoUpdater`, for the stand-in run of the compiled main process
 * (resolve-electron.ts hands it every `import 'electron-updater'`). It records what the app asks of
 * the updater; run-main.ts plays the update folder's answers as the real updater's events. Every
 * member is typed by electron-updater's own .d.ts (`AppUpdater['setFeedURL']`, …), and a member the
 * app touches that is not here throws, naming it. Never packed (tsconfig.build.json leaves it out).
 */
import { EventEmitter } from 'node:events';
import type { AppUpdater } from 'electron-updater';

export const updaterRecord = {
  calls: [] as string[],
  feeds: [] as unknown[],
};

class StandInUpdater extends EventEmitter {
  autoDownload = false;
  autoInstallOnAppQuit = false;
  logger: AppUpdater['logger'] = null;

  readonly setFeedURL: AppUpdater['setFeedURL'] = (options) => {
    updaterRecord.calls.push('setFeedURL');
    updaterRecord.feeds.push(options);
  };
  readonly checkForUpdates: AppUpdater['checkForUpdates'] = () => {
    updaterRecord.calls.push('checkForUpdates');
    this.emit('checking-for-update');
    return new Promise(() => undefined);
  };
  readonly quitAndInstall: AppUpdater['quitAndInstall'] = (isSilent, isForceRunAfter) => {
    updaterRecord.calls.push(`quitAndInstall ${String(isSilent)} ${String(isForceRunAfter)}`);
  };
}

function strict<T extends object>(target: T): T {
  return new Proxy(target, {
    get(object, key, receiver) {
      if (key in object || typeof key === 'symbol' || key === 'then' || key === 'toJSON') return Reflect.get(object, key, receiver) as unknown;
      throw new Error(`electron-updater stand-in: autoUpdater.${key} is not implemented (add it, typed by electron-updater's .d.ts)`);
    },
    set(object, key, value, receiver) {
      if (!(key in object)) throw new Error(`electron-updater stand-in: autoUpdater.${String(key)} is not implemented`);
      return Reflect.set(object, key, value, receiver);
    },
  });
}

const updater = new StandInUpdater();
/** The app sees it through the same type it is given by the real package. */
export const autoUpdater: StandInUpdater = strict(updater);

export default { autoUpdater: autoUpdater as unknown as AppUpdater };
