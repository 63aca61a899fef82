import { createContext, useContext } from 'react';
import type { Texts } from '../i18n/texts.js';
import type { SettingsField, SettingsForm } from './settings-form.js';

export interface SettingsFormBinding {
  form: SettingsForm;
  set<F extends SettingsField>(field: F, value: SettingsForm[F]): void;
  errors: Partial<Record<SettingsField, string>>;
  overridden: readonly string[];
  t: Texts;
}

export const SettingsFormContext = createContext<SettingsFormBinding | null>(null);

/** The settings form a field belongs to: its value, its error, whether a flag overrides it. */
export function useSettingsForm(): SettingsFormBinding {
  const binding = useContext(SettingsFormContext);
  if (!binding) throw new Error('a settings field outside the settings form');
  return binding;
}
