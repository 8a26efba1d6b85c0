import type { CodeToken } from './code-tokens';
import type { SplitDialect } from './split';

/**
 * The text of a string literal as the server reads it, from its code tokens. PostgreSQL: '…', E'…',
 * $tag$…$tag$, U&'…' [UESCAPE '!'], adjacent literals joined, a trailing ::type cast. MySQL: '…' and
 * "…", an optional _charset or N introducer, adjacent literals joined.
 *
 * A backslash means an escape or itself depending on a session setting (standard_conforming_strings,
 * NO_BACKSLASH_ESCAPES), so a literal with one has two readings. Null when the tokens are not one literal.
 */
export function literalReadings(tokens: CodeToken[], dialect: SplitDialect): string[] | null {
  let index = 0;
  if (dialect === 'mysql' && tokens[0]?.kind === 'word' && tokens[1]?.kind === 'string' && (tokens[0].text === 'N' || tokens[0].text.startsWith('_'))) index = 1;
  let escaping = '';
  let literal = '';
  let strings = 0;
  while (index < tokens.length) {
    const unicode = dialect === 'postgres' ? unicodeEscaped(tokens, index) : null;
    if (unicode) {
      escaping += unicode.text;
      literal += unicode.text;
      index = unicode.next;
    } else if (tokens[index].kind === 'string') {
      const read = readString(tokens[index].text, dialect);
      escaping += read.escaping;
      literal += read.literal;
      index++;
    } else {
      break;
    }
    strings++;
  }
  if (strings === 0 || !isCast(tokens.slice(index), dialect)) return null;
  return escaping === literal ? [literal] : [escaping, literal];
}

/**
 * The name an identifier token spells, lower-cased (system variables and PostgreSQL settings are
 * case-insensitive): a word, a quoted name ("…", `…`, […]) or PostgreSQL's U&"…". `next` is the index
 * after it. Null when the token is not a name.
 */
export function identifierAt(tokens: CodeToken[], index: number, dialect: SplitDialect): { name: string; next: number } | null {
  const token = tokens[index];
  if (!token) return null;
  const unicode = dialect === 'postgres' ? unicodeEscaped(tokens, index, '"') : null;
  if (unicode) return { name: unicode.text.toLowerCase(), next: unicode.next };
  if (token.kind === 'word') return { name: token.text.toLowerCase(), next: index + 1 };
  // MySQL reads "…" as a name under ANSI_QUOTES.
  const quotedName = token.kind === 'name' || (dialect === 'mysql' && token.kind === 'string' && token.text.startsWith('"'));
  if (!quotedName) return null;
  const first = token.text[0];
  if (first === '[') return { name: token.text.slice(1, token.text.endsWith(']') ? -1 : undefined).toLowerCase(), next: index + 1 };
  if (first === '"' || first === '`') return { name: undoubled(token.text).toLowerCase(), next: index + 1 };
  return { name: token.text.toLowerCase(), next: index + 1 };
}

/** PostgreSQL's U&'…' or U&"…" at `index`, with its UESCAPE clause, decoded. */
function unicodeEscaped(tokens: CodeToken[], index: number, quote = "'"): { text: string; next: number } | null {
  const [prefix, ampersand, quoted] = [tokens[index], tokens[index + 1], tokens[index + 2]];
  if (!prefix || !ampersand || !quoted || prefix.text.toUpperCase() !== 'U' || ampersand.text !== '&' || !quoted.text.startsWith(quote)) return null;
  if (prefix.end !== ampersand.offset || ampersand.end !== quoted.offset) return null;
  let next = index + 3;
  let escape = '\\';
  const clause = tokens[next];
  const escapeLiteral = tokens[next + 1];
  if (clause?.kind === 'word' && clause.text === 'UESCAPE' && escapeLiteral?.kind === 'string') {
    escape = undoubled(escapeLiteral.text);
    next += 2;
  }
  return { text: decodeUnicodeEscapes(undoubled(quoted.text), escape), next };
}

interface StringReading {
  /** Backslashes are escapes: E'…' always, '…' without standard_conforming_strings; MySQL's default. */
  escaping: string;
  /** Backslashes are themselves: '…' in PostgreSQL by default; MySQL under NO_BACKSLASH_ESCAPES. */
  literal: string;
}

function readString(text: string, dialect: SplitDialect): StringReading {
  const tag = /^\$[^$]*\$/.exec(text)?.[0];
  if (tag) {
    const body = text.slice(tag.length, text.length >= 2 * tag.length && text.endsWith(tag) ? -tag.length : undefined);
    return { escaping: body, literal: body };
  }
  if (dialect === 'postgres' && /^[Ee]'/.test(text)) {
    const decoded = decodeCEscapes(undoubled(text.slice(1)));
    return { escaping: decoded, literal: decoded };
  }
  const body = undoubled(text);
  return { escaping: dialect === 'mysql' ? decodeMysqlEscapes(body) : decodeCEscapes(body), literal: body };
}

/** A trailing PostgreSQL cast (`::text`, `::pg_catalog.varchar`), or nothing. */
function isCast(rest: CodeToken[], dialect: SplitDialect): boolean {
  if (rest.length === 0) return true;
  if (dialect !== 'postgres' || rest[0].text !== ':' || rest[1]?.text !== ':' || rest.length < 3) return false;
  return rest.slice(2).every((token) => token.kind === 'word' || token.kind === 'name' || token.kind === 'dot');
}

/** The inside of a quoted token: quotes removed, doubled quotes made single. */
function undoubled(text: string): string {
  const quote = text[0];
  const body = text.length > 1 && text.endsWith(quote) ? text.slice(1, -1) : text.slice(1);
  return body.split(quote + quote).join(quote);
}

const C_ESCAPES: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** PostgreSQL's E'…' escapes: \n and friends, octal, \x hex, \u and \U code points; any other character stands for itself. */
function decodeCEscapes(body: string): string {
  return body.replace(/\\(?:([0-7]{1,3})|x([0-9A-Fa-f]{1,2})|u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|([\s\S]))/g, (_match, octal?: string, hex?: string, short?: string, long?: string, other?: string) => {
    if (octal) return String.fromCharCode(Number.parseInt(octal, 8));
    if (hex) return String.fromCharCode(Number.parseInt(hex, 16));
    if (short ?? long) return codePoint(short ?? long ?? '');
    return C_ESCAPES[other ?? ''] ?? other ?? '';
  });
}

const MYSQL_ESCAPES: Record<string, string> = { '0': '\0', b: '\b', n: '\n', r: '\r', t: '\t', Z: '\x1a', '%': '\\%', _: '\\_' };

/** MySQL's backslash escapes: \0 \b \n \r \t \Z; \% and \_ keep their backslash; any other character stands for itself. */
function decodeMysqlEscapes(body: string): string {
  return body.replace(/\\([\s\S])/g, (_match, char: string) => MYSQL_ESCAPES[char] ?? char);
}

/** U&'…' escapes: the escape character followed by four hex digits, or by + and six; doubled, it stands for itself. */
function decodeUnicodeEscapes(body: string, escape: string): string {
  if (escape.length !== 1) return body;
  let text = '';
  for (let index = 0; index < body.length; index++) {
    const char = body[index];
    if (char !== escape) {
      text += char;
    } else if (body[index + 1] === escape) {
      text += escape;
      index++;
    } else if (body[index + 1] === '+' && /^[0-9A-Fa-f]{6}$/.test(body.slice(index + 2, index + 8))) {
      text += codePoint(body.slice(index + 2, index + 8));
      index += 7;
    } else if (/^[0-9A-Fa-f]{4}$/.test(body.slice(index + 1, index + 5))) {
      text += codePoint(body.slice(index + 1, index + 5));
      index += 4;
    } else {
      text += char;
    }
  }
  return text;
}

function codePoint(hex: string): string {
  const value = Number.parseInt(hex, 16);
  return value <= 0x10ffff ? String.fromCodePoint(value) : '';
}
