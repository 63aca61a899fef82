import type { Language } from '../../../shared/i18n/language.js';
import { en } from './en.js';
import { ru, type Texts } from './ru.js';

export type { Texts };

const CATALOGUES: Record<Language, Texts> = { ru, en };

export function textsFor(language: Language): Texts {
  return CATALOGUES[language];
}
