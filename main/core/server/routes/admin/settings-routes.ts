import Router from '@koa/router';
import type { PublicSettings, SettingsResponse, SettingsSaved } from '../../../../../shared/admin/settings.js';
import type { Settings } from '../../../../../shared/settings/schema.js';
import { adminMessage } from '../../../../../shared/i18n/admin-messages.js';
import { SettingsValidationError, type SettingsService } from '../../../settings/settings-service.js';
import { AdminRefusal } from '../../http-errors.js';
import { readJsonBody } from '../../middleware/json-body.js';
import { isLoopback } from '../../middleware/network-guard.js';
import { tillOnlyChanges } from '../../../../../shared/settings/till-only.js';
import { maskSecret } from '../../../settings/secret-mask.js';
import { ADMIN_ROUTER } from './admin-router.js';

/** What the settings screen is shown: everything but secrets, which are masked or reduced to "is set". */
export function publicSettings(settings: Settings): PublicSettings {
  const { adminPasswordHash, cloud, ...rest } = settings;
  return {
    ...rest,
    cloud: { ...cloud, apiKey: maskSecret(cloud.apiKey) },
    adminPasswordSet: adminPasswordHash !== '',
  };
}

export function settingsRoutes(core: { settings: SettingsService }): Router {
  const router = new Router(ADMIN_ROUTER);

  router.get('/api/settings', (ctx) => {
    ctx.body = {
      settings: publicSettings(core.settings.getStored()),
      overridden: core.settings.overriddenKeys(),
      location: core.settings.location,
    } satisfies SettingsResponse;
  });

  router.put('/api/settings', async (ctx) => {
    const patch = await readJsonBody(ctx, 64 * 1024);
    if (!isLoopback(ctx.socket.remoteAddress)) {
      const refused = tillOnlyChanges(patch, core.settings.getStored());
      if (refused.length > 0) {
        const { language } = core.settings.get();
        const code = ctx.state.requestId as string;
        throw new AdminRefusal(
          403,
          adminMessage(language, refused.every((field) => field === 'cloud.accountUrl') ? 'thisMachineOnlyAtTill' : 'onlyAtTill', code),
          refused.map((field) => ({ Field: field, Message: adminMessage(language, 'onlyAtTillField', code) })),
        );
      }
    }
    try {
      const change = core.settings.update(patch);
      ctx.body = {
        settings: publicSettings(core.settings.getStored()),
        changedKeys: change.changedKeys,
        restartNeeded: change.restartNeeded,
        restartKeys: change.restartKeys,
      } satisfies SettingsSaved;
    } catch (error) {
      if (!(error instanceof SettingsValidationError)) throw error;
      const message = adminMessage(core.settings.get().language, 'checkHighlighted', ctx.state.requestId as string);
      throw new AdminRefusal(400, message, error.issues.map((i) => ({ Field: i.field, Message: i.message })));
    }
  });

  return router;
}
