import { z } from 'zod';
import { Settings } from '../settings/schema.js';

/**
 * GET/PUT /api/settings: what the settings screen is shown — everything but secrets, which are
 * masked (the cloud's API key) or reduced to "is set" (the admin password).
 */
export const PublicSettings = Settings.omit({ adminPasswordHash: true }).extend({ adminPasswordSet: z.boolean() });
export type PublicSettings = z.infer<typeof PublicSettings>;

export const SettingsResponse = z.object({
  settings: PublicSettings,
  overridden: z.array(z.string()),
  location: z.string(),
});
export type SettingsResponse = z.infer<typeof SettingsResponse>;

export const SettingsSaved = z.object({
  settings: PublicSettings,
  changedKeys: z.array(z.string()),
  restartNeeded: z.boolean(),
  /** The changed settings that take effect only after a restart. */
  restartKeys: z.array(z.string()),
});
export type SettingsSaved = z.infer<typeof SettingsSaved>;
