import { app } from 'electron';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import type { Logger } from '../core/logger.js';
import { autostartPlan } from './autostart.js';

/** Registers (or removes) the till's start at login as `autostartPlan` decides for this machine. */
export function applyAutostart(enabled: boolean, logger: Logger): void {
  const plan = autostartPlan(enabled, { platform: process.platform, isPackaged: app.isPackaged, env: process.env, home: homedir(), execPath: process.execPath });
  try {
    switch (plan.kind) {
      case 'login-item':
        app.setLoginItemSettings(plan.settings);
        break;
      case 'xdg-entry':
        if (plan.contents === null) rmSync(plan.file, { force: true });
        else {
          mkdirSync(path.dirname(plan.file), { recursive: true });
          writeFileSync(plan.file, plan.contents, { mode: 0o644 });
        }
        break;
      case 'none':
        logger.info({ enabled }, plan.reason);
        return;
    }
    logger.info({ enabled, plan: plan.kind }, 'autostart applied');
  } catch (error) {
    logger.error({ err: error, enabled }, 'autostart could not be applied');
  }
}
