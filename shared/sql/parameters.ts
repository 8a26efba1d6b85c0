import { codeTokens, type CodeToken } from './code-tokens';
import type { SplitDialect } from './split';

/**
 * A placeholder in one statement's code, never inside strings, comments or quoted names. `name` is
 * how the user sees it: `:name`, `$3`, or `?` for an anonymous one (MySQL and SQLite).
 */
export interface Placeholder {
  name: string;
  offset: number;
  end: number;
}

/** A statement rewritten to the dialect's positional form, and the parameter bound at each position. */
export interface BindableStatement {
  sql: string;
  /** names[i] is the parameter whose value goes to the i-th position; a name may repeat. */
  names: string[];
  /** Maps an offset in the rewritten `sql` back to the offset in the statement as written. */
  originalOffset(rewritten: number): number;
}

const DIGIT = /^[0-9]$/;

/** The placeholders of `sql` in text order: `:name` everywhere, `$n` in PostgreSQL, `?` in MySQL and SQLite. */
export function findPlaceholders(sql: string, dialect: SplitDialect): Placeholder[] {
  const tokens = codeTokens(sql, dialect);
  const found: Placeholder[] = [];
  let brackets = 0;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (token.kind !== 'other') continue;
    if (token.text === '[') brackets++;
    else if (token.text === ']') brackets = Math.max(0, brackets - 1);
    else if (token.text === ':') {
      const named = namedAt(tokens, index, sql, dialect === 'postgres' && brackets > 0);
      if (named) found.push(named);
    } else if (token.text === '$' && dialect === 'postgres') {
      const positional = dollarAt(tokens, index);
      if (positional) found.push(positional);
    } else if (token.text === '?' && dialect !== 'postgres') {
      found.push({ name: '?', offset: token.offset, end: token.end });
    }
  }
  return found;
}

/**
 * The parameters a user gives values for, each once, in the order they are bound. Anonymous `?`
 * placeholders are told apart by their number among the `?` of the statement: `?1`, `?2`…
 */
export function parameterNames(sql: string, dialect: SplitDialect): string[] {
  return [...new Set(toBindable(sql, dialect).names)];
}

/**
 * Rewrites named placeholders to the dialect's positional form: `$n` in PostgreSQL (numbered after
 * the highest `$n` already written, one number per name), `?` elsewhere (one per occurrence, so a
 * repeated name is bound repeatedly).
 */
export function toBindable(sql: string, dialect: SplitDialect): BindableStatement {
  const placeholders = findPlaceholders(sql, dialect);
  return dialect === 'postgres' ? postgresBindable(sql, placeholders) : questionMarkBindable(sql, placeholders);
}

function postgresBindable(sql: string, placeholders: Placeholder[]): BindableStatement {
  const highest = Math.max(0, ...placeholders.filter((p) => p.name.startsWith('$')).map((p) => Number(p.name.slice(1))));
  const names = Array.from({ length: highest }, (_unused, index) => `$${index + 1}`);
  const numbers = new Map<string, number>();
  const replacements: Replacement[] = [];
  for (const placeholder of placeholders) {
    if (placeholder.name.startsWith('$')) continue;
    let number = numbers.get(placeholder.name);
    if (number === undefined) {
      names.push(placeholder.name);
      number = names.length;
      numbers.set(placeholder.name, number);
    }
    replacements.push({ ...placeholder, text: `$${number}` });
  }
  return rewrite(sql, replacements, names);
}

function questionMarkBindable(sql: string, placeholders: Placeholder[]): BindableStatement {
  const names: string[] = [];
  const replacements: Replacement[] = [];
  let anonymous = 0;
  for (const placeholder of placeholders) {
    if (placeholder.name === '?') {
      names.push(`?${++anonymous}`);
    } else {
      names.push(placeholder.name);
      replacements.push({ ...placeholder, text: '?' });
    }
  }
  return rewrite(sql, replacements, names);
}

interface Replacement extends Placeholder {
  text: string;
}

function rewrite(sql: string, replacements: Replacement[], names: string[]): BindableStatement {
  let text = '';
  let from = 0;
  /** Where each replacement starts in the rewritten text, and how much shorter it is than the original. */
  const shifts: { at: number; original: number; rewrittenEnd: number; originalEnd: number }[] = [];
  for (const replacement of replacements) {
    text += sql.slice(from, replacement.offset);
    const at = text.length;
    text += replacement.text;
    shifts.push({ at, original: replacement.offset, rewrittenEnd: text.length, originalEnd: replacement.end });
    from = replacement.end;
  }
  text += sql.slice(from);
  const originalOffset = (rewritten: number): number => {
    const shift = shifts.findLast((candidate) => candidate.at <= rewritten);
    if (!shift) return rewritten;
    if (rewritten < shift.rewrittenEnd) return shift.original;
    return shift.originalEnd + (rewritten - shift.rewrittenEnd);
  };
  return { sql: text, names, originalOffset };
}

/** `:name` when the colon is not part of `::` and the name follows it directly. */
function namedAt(tokens: CodeToken[], index: number, sql: string, inBrackets: boolean): Placeholder | null {
  const colon = tokens[index];
  const previous = tokens[index - 1];
  const next = tokens[index + 1];
  if (inBrackets || !next || next.kind !== 'word' || next.offset !== colon.end) return null;
  if (previous && previous.text === ':' && previous.end === colon.offset) return null;
  // `a::int`: the second colon is followed by the type, the first by a colon.
  return { name: ':' + sql.slice(next.offset, next.end), offset: colon.offset, end: next.end };
}

/** `$` followed directly by digits; `$$` and `$tag$` are dollar quotes, already strings. */
function dollarAt(tokens: CodeToken[], index: number): Placeholder | null {
  const dollar = tokens[index];
  let end = dollar.end;
  let digits = '';
  for (let next = index + 1; next < tokens.length && tokens[next].offset === end && DIGIT.test(tokens[next].text); next++) {
    digits += tokens[next].text;
    end = tokens[next].end;
  }
  if (!digits || Number(digits) === 0) return null;
  return { name: `$${Number(digits)}`, offset: dollar.offset, end };
}
