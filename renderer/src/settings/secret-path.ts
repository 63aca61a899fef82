/**
 * The optional secret part of the waiter API's address (`/GetMeBack/k7mx-4qpa-z9rt-w2hc`): a caller
 * that does not know the whole address reaches no waiter route, even from an allowed terminal. Typed
 * by hand into iikoWaiter, so it is lower case, without look-alike characters (no l, o, 0, 1), in
 * groups of four: 16 characters of 32, 80 bits. The till matches its path in any letter case, which
 * costs nothing here (there is no upper case to fold).
 */
const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';
const GROUPS = 4;
const GROUP_LENGTH = 4;
const SECRET = new RegExp(`^[${ALPHABET}]{${GROUP_LENGTH}}(?:-[${ALPHABET}]{${GROUP_LENGTH}}){${GROUPS - 1}}$`);

type RandomBytes = (bytes: Uint8Array<ArrayBuffer>) => Uint8Array<ArrayBuffer>;

/** A new secret segment. 256 is a multiple of 32, so each byte's low five bits pick a character evenly. */
export function newSecretSegment(random: RandomBytes = (bytes) => crypto.getRandomValues(bytes)): string {
  const bytes = random(new Uint8Array(GROUPS * GROUP_LENGTH));
  const characters = [...bytes].map((byte) => ALPHABET[byte & 31] as string);
  return Array.from({ length: GROUPS }, (_, group) => characters.slice(group * GROUP_LENGTH, (group + 1) * GROUP_LENGTH).join('')).join('-');
}

/** The path as the till reads it: no spaces around it, no slash at its end. */
const trimmedPath = (path: string): string => path.trim().replace(/\/+$/, '');

/** Whether the path ends in a segment made by `newSecretSegment`. */
export function hasSecretSegment(path: string): boolean {
  return SECRET.test(trimmedPath(path).split('/').at(-1) ?? '');
}

/** The path with a new secret segment: added at its end, or in place of the one it has. */
export function withNewSecretSegment(path: string, random?: RandomBytes): string {
  const trimmed = trimmedPath(path);
  const base = hasSecretSegment(trimmed) ? trimmed.slice(0, trimmed.lastIndexOf('/')) : trimmed;
  return `${base === '' ? '/GetMeBack' : base}/${newSecretSegment(random)}`;
}

/** The path without its secret segment (the guide's address again). */
export function withoutSecretSegment(path: string): string {
  const trimmed = trimmedPath(path);
  return hasSecretSegment(trimmed) ? trimmed.slice(0, trimmed.lastIndexOf('/')) || '/GetMeBack' : trimmed;
}
