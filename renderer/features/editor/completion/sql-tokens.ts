import type { SplitDialect } from '../../../../shared/sql/split';

export type TokenKind = 'word' | 'quoted' | 'string' | 'number' | 'param' | 'comment' | 'punct' | 'operator';

/** One token of a statement: `sql.slice(start, end)`. */
export interface SqlToken {
  kind: TokenKind;
  start: number;
  end: number;
  /** A word's text, a quoted name without its quotes (doubled quotes undone), else the token's text. */
  value: string;
  /** False for a string, quoted name or block comment that runs to the end of the text. */
  terminated: boolean;
}

const WORD_START = /[\p{L}_]/u;
const WORD_PART = /[\p{L}\p{N}_$]/u;
const DIGIT = /[0-9]/;
const OPERATOR = /[-+*/<>=!|&%^~:@#?]/;
const DOLLAR_TAG = /^\$(?:[A-Za-z_][A-Za-z0-9_]*)?\$/;

const CLOSING: Record<string, string> = { '"': '"', '`': '`', '[': ']' };

/** The characters that open a quoted name in the dialect. MySQL reads "…" as a string. */
function opensName(dialect: SplitDialect, char: string): boolean {
  if (char === '`') return dialect !== 'postgres';
  if (char === '"') return dialect !== 'mysql';
  return char === '[' && dialect === 'sqlite';
}

/**
 * A light SQL tokenizer for completion: words, quoted names, strings (with PostgreSQL dollar quotes
 * and E'' escapes, MySQL backslashes), numbers, parameters, comments and punctuation. It never fails:
 * an unclosed quote or comment becomes one unterminated token running to the end.
 */
export function tokenize(sql: string, dialect: SplitDialect): SqlToken[] {
  const tokens: SqlToken[] = [];
  const push = (kind: TokenKind, start: number, end: number, value = sql.slice(start, end), terminated = true) =>
    tokens.push({ kind, start, end, value, terminated });
  let at = 0;
  while (at < sql.length) {
    const char = sql[at];
    const next = sql[at + 1] ?? '';
    if (/\s/.test(char)) {
      at++;
    } else if ((char === '-' && next === '-') || (char === '#' && dialect === 'mysql')) {
      const newline = sql.indexOf('\n', at);
      const end = newline === -1 ? sql.length : newline;
      push('comment', at, end, sql.slice(at, end), false);
      at = end;
    } else if (char === '/' && next === '*') {
      const close = sql.indexOf('*/', at + 2);
      const end = close === -1 ? sql.length : close + 2;
      push('comment', at, end, sql.slice(at, end), close !== -1);
      at = end;
    } else if (char === "'") {
      at = readQuoted(sql, at, "'", dialect === 'mysql', push, 'string');
    } else if (char === '"' && dialect === 'mysql') {
      at = readQuoted(sql, at, '"', true, push, 'string');
    } else if (opensName(dialect, char)) {
      at = readQuoted(sql, at, CLOSING[char], false, push, 'quoted');
    } else if (char === '$' && dialect === 'postgres' && DOLLAR_TAG.test(sql.slice(at, at + 64))) {
      const tag = (DOLLAR_TAG.exec(sql.slice(at, at + 64)) as RegExpExecArray)[0];
      const close = sql.indexOf(tag, at + tag.length);
      const end = close === -1 ? sql.length : close + tag.length;
      push('string', at, end, sql.slice(at, end), close !== -1);
      at = end;
    } else if ((char === '$' || char === '?') && (DIGIT.test(next) || char === '?')) {
      let end = at + 1;
      while (end < sql.length && DIGIT.test(sql[end])) end++;
      push('param', at, end);
      at = end;
    } else if ((char === ':' || char === '@') && WORD_START.test(next) && sql[at - 1] !== ':') {
      let end = at + 1;
      while (end < sql.length && WORD_PART.test(sql[end])) end++;
      push('param', at, end);
      at = end;
    } else if (DIGIT.test(char) || (char === '.' && DIGIT.test(next) && !endsWord(tokens, at))) {
      let end = at + 1;
      while (end < sql.length && /[0-9A-Za-z_.]/.test(sql[end])) end++;
      push('number', at, end);
      at = end;
    } else if (WORD_START.test(char)) {
      let end = at + 1;
      while (end < sql.length && WORD_PART.test(sql[end])) end++;
      // E'…' (PostgreSQL) takes backslash escapes; N'…', X'…' and B'…' are ordinary strings after a prefix.
      if (sql[end] === "'" && end - at === 1 && /[Ee]/.test(char) && dialect === 'postgres') {
        at = readQuoted(sql, at, "'", true, push, 'string', at + 1);
      } else {
        push('word', at, end);
        at = end;
      }
    } else if ('.,();[]'.includes(char)) {
      push('punct', at, at + 1);
      at++;
    } else if (OPERATOR.test(char)) {
      let end = at + 1;
      while (end < sql.length && OPERATOR.test(sql[end]) && !(sql[end] === '-' && sql[end + 1] === '-')) end++;
      push('operator', at, end);
      at = end;
    } else {
      push('operator', at, at + 1);
      at++;
    }
  }
  return tokens;
}

/** A dot right after a word or name is a qualifier's dot, not the start of a number. */
function endsWord(tokens: SqlToken[], at: number): boolean {
  const last = tokens.at(-1);
  return last !== undefined && last.end === at && (last.kind === 'word' || last.kind === 'quoted');
}

/** Reads a quoted string or name opening at `quoteAt` (after any prefix starting at `start`); returns where it ends. */
function readQuoted(
  sql: string,
  start: number,
  close: string,
  backslashEscapes: boolean,
  push: (kind: TokenKind, start: number, end: number, value: string, terminated: boolean) => void,
  kind: 'string' | 'quoted',
  quoteAt = start,
): number {
  let value = '';
  let at = quoteAt + 1;
  while (at < sql.length) {
    const char = sql[at];
    if (backslashEscapes && char === '\\' && at + 1 < sql.length) {
      value += sql[at + 1];
      at += 2;
    } else if (char === close) {
      if (close !== ']' && sql[at + 1] === close) {
        value += close;
        at += 2;
      } else {
        push(kind, start, at + 1, value, true);
        return at + 1;
      }
    } else {
      value += char;
      at++;
    }
  }
  push(kind, start, sql.length, value, false);
  return sql.length;
}
