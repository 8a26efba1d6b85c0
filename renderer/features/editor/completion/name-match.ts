/**
 * How a name matches what is typed, best first: it starts with it; one of its words starts with it,
 * or its words' initials do (`ord` and `co` both find customer_orders); it holds it somewhere else.
 */
export type MatchTier = 'prefix' | 'word' | 'inside';

const ALL_TIERS: readonly MatchTier[] = ['prefix', 'word', 'inside'];
const PREFIX_ONLY: readonly MatchTier[] = ['prefix'];

/** The tiers to search, in rank order: with nothing typed, every name is a prefix match. */
export function tiersFor(typed: string): readonly MatchTier[] {
  return typed === '' ? PREFIX_ONLY : ALL_TIERS;
}

/** Character classes for finding word starts; ASCII is classified without a regular expression. */
const OTHER = 0;
const LOWER = 1;
const UPPER = 2;
const DIGIT = 3;
type CharClass = typeof OTHER | typeof LOWER | typeof UPPER | typeof DIGIT;

const UPPER_LETTER = /\p{Lu}|\p{Lt}/u;
const LETTER = /\p{L}/u;
const NUMBER = /\p{N}/u;

function classOf(name: string, index: number): CharClass {
  const code = name.charCodeAt(index);
  if (code >= 97 && code <= 122) return LOWER;
  if (code >= 65 && code <= 90) return UPPER;
  if (code >= 48 && code <= 57) return DIGIT;
  if (code < 128) return OTHER;
  const char = name[index];
  if (UPPER_LETTER.test(char)) return UPPER;
  if (LETTER.test(char)) return LOWER;
  return NUMBER.test(char) ? DIGIT : OTHER;
}

/** Whether a word of `name` starts at `index`: after a separator, where lower case turns upper, or between letters and digits. */
export function startsWord(name: string, index: number): boolean {
  const at = classOf(name, index);
  if (at === OTHER) return false;
  if (index === 0) return true;
  const before = classOf(name, index - 1);
  if (before === OTHER) return true;
  if (before === LOWER && at === UPPER) return true;
  return (before === DIGIT) !== (at === DIGIT);
}

/** The first letters of the name's words, lower-cased: customer_orders → co, OrderItems → oi. */
export function initialsOf(name: string): string {
  let initials = '';
  for (let index = 0; index < name.length; index++) if (startsWord(name, index)) initials += name[index];
  return initials.toLowerCase();
}

/**
 * The tier in which `name` matches `query` (lower-cased), or null. `key` is the name lower-cased and
 * `initials` its initialsOf, both usually computed once per name.
 */
export function matchTier(name: string, key: string, query: string, initials: string): MatchTier | null {
  if (key.startsWith(query)) return 'prefix';
  let inside = false;
  for (let at = key.indexOf(query, 1); at !== -1; at = key.indexOf(query, at + 1)) {
    if (startsWord(name, at)) return 'word';
    inside = true;
  }
  if (query.length > 1 && initials.startsWith(query)) return 'word';
  return inside ? 'inside' : null;
}

/** matchTier for a name seen once (a column, an alias), with nothing computed beforehand. */
export function tierOf(name: string, query: string): MatchTier | null {
  return matchTier(name, name.toLowerCase(), query, query.length > 1 ? initialsOf(name) : '');
}
