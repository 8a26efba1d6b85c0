import type { SplitDialect } from './split';

/**
 * word: an unquoted keyword or name, `text` upper-cased. name: a quoted identifier, or a word right
 * after a dot (`t.where` names a column). string: any string literal, dollar-quoted bodies included.
 */
export type CodeTokenKind = 'word' | 'name' | 'string' | 'open' | 'close' | 'semicolon' | 'dot' | 'comma' | 'other';

/** A piece of SQL code: comments and whitespace are never tokens. */
export interface CodeToken {
  kind: CodeTokenKind;
  text: string;
  offset: number;
  end: number;
  /** Parentheses around the token; an opening or closing parenthesis has the depth outside it. */
  depth: number;
}

const WORD_START = /[A-Za-z_\u0080-\uffff]/;
const WORD_PART = /[A-Za-z0-9_$\u0080-\uffff]/;
const DOLLAR_TAG = /^\$(?:[A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/;

const PUNCTUATION: Record<string, CodeTokenKind> = { '(': 'open', ')': 'close', ';': 'semicolon', '.': 'dot', ',': 'comma' };

/**
 * Splits SQL into code tokens the way the dialect's server reads it: strings (with E'…' and MySQL
 * backslash escapes), dollar quotes, quoted identifiers and comments (nested in PostgreSQL, `#` in
 * MySQL) never yield keywords. MySQL runs the body of a `/*! … *\/` comment, so it is read as code.
 * A semicolon ends any open parentheses, so one broken statement cannot hide the next one's keywords.
 */
export function codeTokens(sql: string, dialect: SplitDialect): CodeToken[] {
  const tokens: CodeToken[] = [];
  forEachCodeToken(sql, dialect, (token) => {
    tokens.push(token);
  });
  return tokens;
}

/** codeTokens one at a time, in order, without keeping them: for scanning whole scripts. `visit` may stop the scan. */
export function forEachCodeToken(sql: string, dialect: SplitDialect, visit: (token: CodeToken) => void | 'stop'): void {
  let stopped = false;
  let position = 0;
  let depth = 0;
  let executableComments = 0;
  let previousKind: CodeTokenKind | null = null;

  const push = (kind: CodeTokenKind, start: number, end: number, text = sql.slice(start, end)) => {
    if (kind === 'close') depth = Math.max(0, depth - 1);
    if (visit({ kind, text, offset: start, end, depth }) === 'stop') stopped = true;
    if (kind === 'open') depth++;
    if (kind === 'semicolon') depth = 0;
    previousKind = kind;
    position = end;
  };

  while (!stopped && position < sql.length) {
    const char = sql[position];
    const next = sql[position + 1] ?? '';
    if (/\s/.test(char)) {
      position++;
    } else if (char === '-' && next === '-' && (dialect !== 'mysql' || startsMysqlDashComment(sql, position))) {
      position = lineEnd(sql, position);
    } else if (char === '#' && dialect === 'mysql') {
      position = lineEnd(sql, position);
    } else if (char === '/' && next === '*') {
      const executable = dialect === 'mysql' && /^\/\*M?!/.test(sql.slice(position, position + 4));
      if (executable) {
        executableComments++;
        position = skipVersion(sql, position + (sql[position + 2] === 'M' ? 4 : 3));
      } else {
        position = blockCommentEnd(sql, position, dialect === 'postgres');
      }
    } else if (char === '*' && next === '/' && executableComments > 0) {
      executableComments--;
      position += 2;
    } else if (char === "'") {
      push('string', position, quotedEnd(sql, position, "'", dialect === 'mysql'));
    } else if (char === '"') {
      push(dialect === 'mysql' ? 'string' : 'name', position, quotedEnd(sql, position, '"', dialect === 'mysql'));
    } else if (char === '`' && dialect !== 'postgres') {
      push('name', position, quotedEnd(sql, position, '`', false));
    } else if (char === '[' && dialect === 'sqlite') {
      const close = sql.indexOf(']', position + 1);
      push('name', position, close === -1 ? sql.length : close + 1);
    } else if (char === '$' && dialect === 'postgres' && DOLLAR_TAG.test(sql.slice(position, position + 200))) {
      push('string', position, dollarQuotedEnd(sql, position));
    } else if (WORD_START.test(char)) {
      let end = position + 1;
      while (end < sql.length && WORD_PART.test(sql[end])) end++;
      const word = sql.slice(position, end);
      if (dialect === 'postgres' && (word === 'E' || word === 'e') && sql[end] === "'") {
        push('string', position, quotedEnd(sql, end, "'", true));
      } else {
        const afterDot = previousKind === 'dot';
        push(afterDot ? 'name' : 'word', position, end, afterDot ? word : word.toUpperCase());
      }
    } else {
      push(PUNCTUATION[char] ?? 'other', position, position + 1);
    }
  }
}

/** The statements of one piece of code, split at its semicolons. */
export function splitAtSemicolons(tokens: CodeToken[]): CodeToken[][] {
  const parts: CodeToken[][] = [[]];
  for (const token of tokens) {
    if (token.kind === 'semicolon') parts.push([]);
    else parts[parts.length - 1].push(token);
  }
  return parts.filter((part) => part.length > 0);
}

/** Index of the parenthesis closing the one at `open`, or the last index when it never closes. */
export function closingIndex(tokens: CodeToken[], open: number): number {
  const depth = tokens[open].depth;
  for (let index = open + 1; index < tokens.length; index++) {
    if (tokens[index].kind === 'close' && tokens[index].depth === depth) return index;
  }
  return tokens.length - 1;
}

/** The text inside a string token: quotes, dollar tags and doubled quotes removed. */
export function stringContent(token: CodeToken): string {
  const tag = DOLLAR_TAG.exec(token.text)?.[0];
  if (tag) return token.text.slice(tag.length, token.text.endsWith(tag) && token.text.length >= 2 * tag.length ? -tag.length : undefined);
  // A prefixed string (E'…', N'…', X'…') opens with its second character.
  const quote = token.text.startsWith("'") || token.text.startsWith('"') ? token.text[0] : token.text.slice(1, 2);
  const start = token.text.indexOf(quote) + 1;
  const body = token.text.endsWith(quote) && token.text.length > start ? token.text.slice(start, -1) : token.text.slice(start);
  return body.split(quote + quote).join(quote);
}

/** MySQL reads `--` as a comment only when a space, a control character or the end follows it. */
function startsMysqlDashComment(sql: string, position: number): boolean {
  const after = sql.charCodeAt(position + 2);
  return Number.isNaN(after) || after <= 32;
}

function lineEnd(sql: string, from: number): number {
  const newline = sql.indexOf('\n', from);
  return newline === -1 ? sql.length : newline + 1;
}

function skipVersion(sql: string, from: number): number {
  let position = from;
  while (/[0-9]/.test(sql[position] ?? '')) position++;
  return position;
}

function blockCommentEnd(sql: string, from: number, nested: boolean): number {
  let level = 0;
  let position = from;
  while (position < sql.length) {
    if (sql.startsWith('/*', position)) {
      level = nested ? level + 1 : 1;
      position += 2;
    } else if (sql.startsWith('*/', position)) {
      level--;
      position += 2;
      if (level === 0) return position;
    } else {
      position++;
    }
  }
  return sql.length;
}

/** End of a string or quoted identifier opened at `from`: a doubled quote continues it. */
function quotedEnd(sql: string, from: number, quote: string, backslashEscapes: boolean): number {
  let position = from + 1;
  while (position < sql.length) {
    const char = sql[position];
    if (backslashEscapes && char === '\\') {
      position += 2;
    } else if (char === quote) {
      if (sql[position + 1] !== quote) return position + 1;
      position += 2;
    } else {
      position++;
    }
  }
  return sql.length;
}

function dollarQuotedEnd(sql: string, from: number): number {
  const tag = DOLLAR_TAG.exec(sql.slice(from, from + 200))?.[0] ?? '$$';
  const close = sql.indexOf(tag, from + tag.length);
  return close === -1 ? sql.length : close + tag.length;
}
