/**
 * Where the GetMeBack cloud API key may be sent. The key travels in every call's body, so the
 * account address must be https and, unless the manager says otherwise (`cloud.anyHost`), a
 * GetMeBack host (`<account>.getmeback.ru`). Plain http is accepted only for this machine
 * (127.0.0.1, ::1, localhost): the tests' fake cloud. Browser-safe (no node: imports).
 */
export const GETMEBACK_DOMAINS = ['getmeback.ru'] as const;

export type AccountUrlVerdict = 'ok' | 'notHttps' | 'notGetMeBack' | 'malformed';

export function checkAccountUrl(text: string, options: { anyHost: boolean }): AccountUrlVerdict {
  if (text === '') return 'ok';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'malformed';
  }
  const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (url.protocol === 'http:' && isLoopbackHost(host)) return 'ok';
  if (url.protocol !== 'https:') return 'notHttps';
  if (url.username || url.password) return 'malformed';
  if (options.anyHost) return 'ok';
  return GETMEBACK_DOMAINS.some((domain) => host === domain || host.endsWith(`.${domain}`)) ? 'ok' : 'notGetMeBack';
}

/**
 * Whether an account address is this machine (http://127.0.0.1:…): a call there reaches whatever
 * else listens on the till, and its answer is shown to whoever asked. Only the till itself may set
 * or check one (the tests' fake cloud lives there).
 */
export function isThisMachineUrl(text: string): boolean {
  try {
    return isLoopbackHost(new URL(text).hostname.toLowerCase().replace(/^\[|\]$/g, ''));
  } catch {
    return false;
  }
}

function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** Why an account address is refused, in the settings screen's words (see validation-messages.ts). */
export const ACCOUNT_URL_MESSAGES: Record<'ru' | 'en', Record<Exclude<AccountUrlVerdict, 'ok'>, string>> = {
  ru: {
    malformed: 'Нужен адрес вида https://…',
    notHttps: 'Нужен адрес https:// (http только для этого компьютера, 127.0.0.1)',
    notGetMeBack: 'Адрес должен быть на getmeback.ru; другой адрес разрешает настройка «Любой адрес облака»',
  },
  en: {
    malformed: 'An address like https://account.getmeback.ru',
    notHttps: 'Must be https:// (http only for this computer, 127.0.0.1)',
    notGetMeBack: 'Must be a getmeback.ru address unless «Any host for the account address» is on',
  },
};

/** The verdict a settings check left on its issue, for the message in the screen's language. */
export function accountUrlVerdictOf(params: unknown): Exclude<AccountUrlVerdict, 'ok'> | undefined {
  const verdict = (params as { accountUrl?: unknown } | undefined)?.accountUrl;
  return verdict === 'malformed' || verdict === 'notHttps' || verdict === 'notGetMeBack' ? verdict : undefined;
}
