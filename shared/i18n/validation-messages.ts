import type { z } from 'zod';
import type { Language } from './language.js';
import { ACCOUNT_URL_MESSAGES, accountUrlVerdictOf } from '../settings/cloud-account-url.js';
import { LOCALES, NOUNS, pluralOf } from './numbers.js';

type Issue = Parameters<z.core.$ZodErrorMap<z.core.$ZodIssue>>[0];

const number = (value: number | bigint) => new Intl.NumberFormat(LOCALES.ru).format(value);
const characters = (count: number) => `${number(count)}\u00a0${pluralOf('ru', count, NOUNS.character.ru)}`;

const EXPECTED: Record<string, string> = {
  number: 'Нужно число',
  int: 'Нужно целое число',
  string: 'Нужен текст',
  boolean: 'Нужно «да» или «нет»',
  array: 'Нужен список',
  object: 'Нужен набор полей',
};

/**
 * Russian for every check our settings and admin schemas make. zod's own Russian locale still says
 * «ожидалось, что number будет <=65535»; these say «Не больше 65 535». Field names stay in the
 * answer's `Errors[].Field` for machines; the message is for the manager.
 */
function russian(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'Заполните поле' : (EXPECTED[issue.expected] ?? 'Неверное значение');
    case 'too_big':
      if (issue.origin === 'string') return `Слишком длинно: максимум ${characters(Number(issue.maximum))}`;
      if (issue.origin === 'array' || issue.origin === 'set') return `Не больше ${number(issue.maximum)} в списке`;
      return issue.inclusive === false ? `Меньше ${number(issue.maximum)}` : `Не больше ${number(issue.maximum)}`;
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'Заполните поле' : `Слишком коротко: минимум ${characters(Number(issue.minimum))}`;
      if (issue.origin === 'array' || issue.origin === 'set') return `Не меньше ${number(issue.minimum)} в списке`;
      return issue.inclusive === false ? `Больше ${number(issue.minimum)}` : `Не меньше ${number(issue.minimum)}`;
    case 'invalid_format':
      if (issue.format === 'url') return 'Нужен адрес вида https://…';
      if (issue.format === 'guid' || issue.format === 'uuid') return 'Нужен ID из iikoOffice: 32 шестнадцатеричные цифры через дефисы';
      if (isServerPath(issue)) return 'Нужен путь вида /GetMeBack: латинские буквы, цифры, . _ ~ -; не /api и не /assets (они заняты панелью)';
      return 'Неверный формат';
    case 'not_multiple_of':
      return `Нужно число, кратное ${number(issue.divisor)}`;
    case 'invalid_value':
      return 'Выберите значение из списка';
    case 'unrecognized_keys':
      return 'Лишние поля';
    case 'custom': {
      const verdict = accountUrlVerdictOf(issue.params);
      if (verdict) return ACCOUNT_URL_MESSAGES.ru[verdict];
      const min = passwordMinOf(issue.params);
      return min === undefined ? 'Неверное значение' : `Слишком короткий пароль: минимум ${characters(min)}`;
    }
    default:
      return 'Неверное значение';
  }
}

/** The shortest admin password a refused one was checked against (schema.ts, ADMIN_PASSWORD_MIN). */
function passwordMinOf(params: unknown): number | undefined {
  const min = (params as { passwordMin?: unknown } | undefined)?.passwordMin;
  return typeof min === 'number' ? min : undefined;
}

/** The only pattern of our settings that starts with a slash is the server's path. */
function isServerPath(issue: Issue): boolean {
  if (issue.code !== 'invalid_format' || issue.format !== 'regex') return false;
  // A RegExp or its text between slashes ("/^\/…/"), depending on where zod builds the issue.
  const pattern: unknown = issue.pattern;
  const source = pattern instanceof RegExp ? pattern.source : String(pattern ?? '').replace(/^\//, '');
  return source.startsWith('^\\/');
}

/**
 * The error map to parse settings and admin input with, in the till's language: Russian texts of
 * our own; English is zod's own wording but for the server's path. Pass it as `schema.safeParse(input, { error: … })`.
 */
export function validationErrors(language: Language): z.core.$ZodErrorMap<z.core.$ZodIssue> | undefined {
  if (language === 'ru') return (issue) => russian(issue);
  return (issue) => {
    if (isServerPath(issue)) return 'A path like /GetMeBack: Latin letters, digits, . _ ~ -; not /api nor /assets (the dashboard uses them)';
    const verdict = issue.code === 'custom' ? accountUrlVerdictOf(issue.params) : undefined;
    if (verdict) return ACCOUNT_URL_MESSAGES.en[verdict];
    const min = issue.code === 'custom' ? passwordMinOf(issue.params) : undefined;
    return min === undefined ? undefined : `Too short a password: at least ${min} characters`;
  };
}
