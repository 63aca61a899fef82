import type { Language } from './language.js';
import { countOf } from './numbers.js';

/**
 * What can be wrong with the loyalty programme, as people are told it. The provider's own error
 * text (often English, sometimes technical) stays in the log and the cloud journal; the dashboard,
 * the tray and the notifications say one of these, in the till's language.
 */
export const PROVIDER_TROUBLES = ['notConfigured', 'unreachable', 'refused', 'operationRefused'] as const;
export type ProviderTrouble = (typeof PROVIDER_TROUBLES)[number];

export interface ProviderTroubleState {
  trouble?: ProviderTrouble | null | undefined;
  parked?: number | undefined;
}

const TEXT = {
  ru: {
    notConfigured: 'Облако GetMeBack не настроено: укажите адрес личного кабинета и API-ключ на экране «Настройки».',
    unreachable: 'Облако GetMeBack не отвечает. Проверьте интернет на главной кассе; операции ждут отправки и уйдут сами.',
    refused: 'Облако GetMeBack отклонило запрос. Проверьте адрес личного кабинета и API-ключ на экране «Настройки».',
    operationRefused: 'Облако GetMeBack отклонило операцию. Причина — на экране «Облако»; операция будет отправлена ещё раз.',
    parked: (operations: string) => `Облако GetMeBack несколько раз отклонило операции, отложено: ${operations}. Откройте экран «Облако»: повторите их или закройте вручную.`,
  },
  en: {
    notConfigured: 'The GetMeBack cloud is not set up: enter the account URL and the API key on the Settings screen.',
    unreachable: 'The GetMeBack cloud does not answer. Check the main till’s internet; operations wait to be sent and will go by themselves.',
    refused: 'The GetMeBack cloud refused a request. Check the account URL and the API key on the Settings screen.',
    operationRefused: 'The GetMeBack cloud refused an operation. The reason is on the «Cloud» screen; the operation will be sent again.',
    parked: (operations: string) => `The GetMeBack cloud refused operations several times, set aside: ${operations}. Open the «Cloud» screen: retry them or settle them by hand.`,
  },
} as const;

/** Every sentence that applies, in order; empty when all is well. */
export function providerTroubleTexts(state: ProviderTroubleState, language: Language): string[] {
  const t = TEXT[language];
  const texts: string[] = [];
  if (state.trouble) texts.push(t[state.trouble]);
  if (state.parked && state.parked > 0) texts.push(t.parked(countOf(language, state.parked, 'operation')));
  return texts;
}
