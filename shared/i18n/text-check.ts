import { NOUNS, pluralOf, type Noun } from './numbers.js';

/**
 * Checks a Russian text against docs/glossary.md: no Latin word but iiko's field names and product
 * names, no «₽» beside bonuses, no plural built by hand, none of the words the glossary retired.
 * Used by the test that renders every Russian text and by the dashboard's e2e.
 */

/** iiko's own field names, written after the Russian words (longest first, so they are removed whole). */
export const IIKO_FIELD_NAMES = ['Money To Be Accounted For By Waiter', 'Bonus payment type', 'External Loyalty', 'Server Address'] as const;

const ALLOWED_PHRASES = [...IIKO_FIELD_NAMES, 'GetMeBack Till'];

/** Product names, abbreviations and iiko permission codes that Russian texts keep in Latin letters. */
export const ALLOWED_LATIN_WORDS = new Set([
  'GetMeBack',
  'iiko',
  'iikoFront',
  'iikoOffice',
  'iikoWaiter',
  'QR',
  'ID',
  'API',
  'URL',
  'UUID',
  'CSV',
  'JSON',
  'PIN',
  'Excel',
  'English',
  'PS_ADM',
  'F_CGC',
  'F_CHO',
  'D_DEP',
  'F_PAW',
  'F_CASH',
  'F_APIO',
]);

/** Things that are not words: addresses, command-line flags, ids, codes and sums with digits in them. */
const NOT_WORDS = /https?:\/\/\S+|(?<![\p{L}\d])--?[a-z][\w-]*|\S*\d\S*|\S*\/\S*/gu;

/** Latin words a Russian text should not have. */
export function latinWords(text: string): string[] {
  let rest = text.replace(NOT_WORDS, ' ');
  for (const phrase of ALLOWED_PHRASES) rest = rest.split(phrase).join(' ');
  return (rest.match(/[A-Za-z][A-Za-z_]*/g) ?? []).filter((word) => !ALLOWED_LATIN_WORDS.has(word));
}

/** iiko's English field names must follow a Russian word of the same sentence, as iiko shows them. */
export function iikoNamesFirst(text: string): string[] {
  const found: string[] = [];
  for (const name of IIKO_FIELD_NAMES) {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
      const sentence = text.slice(0, at).split(/[.!?]\s/).at(-1) ?? '';
      if (!/\p{Script=Cyrillic}/u.test(sentence)) found.push(name);
    }
  }
  return found;
}

/** «₽» right beside bonuses: "бонусов 1 500,00 ₽", "бонусами 300,00 ₽", "300 ₽ бонусами". */
export function roublesBesideBonuses(text: string): string[] {
  // A number as either language writes it: "1 500,00" or "1,500.00".
  const before = /(?:бонус\p{L}*|bonus\p{L}*|балл\p{L}*|points?)[\s\u00a0:]+[-−+]?\d[\d\s\u00a0.,]*₽/giu;
  const after = /\d[\d\s\u00a0.,]*₽[\s\u00a0]*(?:бонус\p{L}*|bonus\p{L}*|балл\p{L}*|points?)/giu;
  return [...(text.match(before) ?? []), ...(text.match(after) ?? [])];
}

const COUNTED: [Noun, RegExp][] = (Object.keys(NOUNS) as Noun[]).map((noun) => {
  const forms = [...new Set(Object.values(NOUNS[noun].ru))];
  return [noun, new RegExp(`(\\d[\\d\\u00a0 ]*(?:[.,]\\d+)?)[\\s\\u00a0]+(${forms.join('|')})(?!\\p{L})`, 'gu')];
});

/**
 * "N word" where the word's form does not agree with N ("1 бонусов", "21 бонусов", "3 операций").
 * Texts put their counts where Russian wants the nominative («отложено: 3 операции», «максимум
 * 64 символа»), which is what `countOf` and `formatBonuses` give.
 */
export function pluralMistakes(text: string): string[] {
  const mistakes: string[] = [];
  for (const [noun, pattern] of COUNTED) {
    for (const match of text.matchAll(pattern)) {
      const count = Number((match[1] ?? '').replace(/[\s\u00a0]/g, '').replace(',', '.'));
      if (pluralOf('ru', count, NOUNS[noun].ru) !== match[2]) mistakes.push(match[0]);
    }
  }
  return mistakes;
}

/** Words the glossary retired: the product's old names, «баллы», «сдача» for a hand-in, calques. */
const RETIRED = [
  /балл/iu,
  /сдач[аиуе](?!\p{L})/iu,
  /GetMeBack Касса/u,
  /Касса GetMeBack/u,
  /книга лояльности/iu,
  /отметил(ся|ась)/iu,
  /Бонусы GetMeBack»/u,
];

export function retiredWords(text: string): string[] {
  return RETIRED.flatMap((pattern) => text.match(pattern)?.[0] ?? []);
}

/** Every problem of a Russian text, each named; empty when the text follows the glossary. */
export function russianTextProblems(text: string): string[] {
  return [
    ...latinWords(text).map((word) => `Latin word «${word}»`),
    ...iikoNamesFirst(text).map((name) => `iiko's «${name}» before the Russian words`),
    ...roublesBesideBonuses(text).map((found) => `₽ beside bonuses: «${found}»`),
    ...pluralMistakes(text).map((found) => `plural: «${found}»`),
    ...retiredWords(text).map((found) => `retired word «${found}»`),
  ];
}
