import type { SplitDialect } from '../../../../shared/sql/split';
import type { QuoteChar } from './identifier-text';
import { tokenize, type SqlToken } from './sql-tokens';
import { isName, isPunct, readDottedName, readScope, upper, type StatementScope } from './table-refs';

/**
 * What the cursor's place in the statement asks for:
 * - none: inside a string, a comment or a number, or right after AS (the user names something new);
 * - start: the beginning of a statement;
 * - relation: a table (after FROM, JOIN, UPDATE, INTO, DROP TABLE…);
 * - column: an expression (after SELECT, WHERE, ON, SET, BY, HAVING, AND…);
 * - insert-columns: the column list of INSERT INTO t (…);
 * - member: what follows `x.`: x's columns, or the tables of schema x;
 * - keyword: anything else, e.g. after a complete table reference.
 */
export type ClauseKind = 'none' | 'start' | 'relation' | 'column' | 'insert-columns' | 'member' | 'keyword';

/** The part of a name the user has typed so far. Offsets are in the analysed text. */
export interface TypedPrefix {
  /** Without quotes, doubled quotes undone. */
  text: string;
  /** As it stands in the text, quotes included. */
  typed: string;
  /** The quote the user opened, when the name is being typed in quotes. */
  quote: QuoteChar | null;
  /** Where the typed name starts (its opening quote included). */
  start: number;
  /** Where the token under the cursor ends: a completion may replace up to here. */
  end: number;
}

export interface CompletionContext {
  clause: ClauseKind;
  prefix: TypedPrefix;
  /** For 'member': the names before the dot, e.g. ['o'] or ['sales', 'orders']. */
  qualifier: string[];
  /** For 'insert-columns': the table's dotted name. */
  target: string[];
  scope: StatementScope;
}

const COLUMN_KEYWORDS = new Set([
  'SELECT', 'WHERE', 'ON', 'SET', 'BY', 'HAVING', 'RETURNING', 'AND', 'OR', 'NOT', 'WHEN', 'THEN', 'ELSE', 'CASE',
  'DISTINCT', 'BETWEEN', 'LIKE', 'ILIKE', 'IN', 'IS', 'VALUES', 'USING',
]);
const RELATION_KEYWORDS = new Set(['FROM', 'JOIN', 'UPDATE', 'INTO']);
/** TABLE names an existing table after these words (DROP TABLE t), not after CREATE. */
const NEW_TABLE_WORDS = new Set(['CREATE', 'TEMP', 'TEMPORARY', 'UNLOGGED', 'VIRTUAL']);
const REF_MODIFIERS = new Set(['ONLY', 'LATERAL']);
const OPEN_QUOTE: Record<string, QuoteChar> = { '"': '"', '`': '`', '[': '[' };

function isLineComment(token: SqlToken): boolean {
  return token.value.startsWith('--') || token.value.startsWith('#');
}

/** Whether typing at `cursor` would add to the string or comment `token`. */
function holdsCursor(token: SqlToken, cursor: number): boolean {
  if (token.kind === 'comment' && isLineComment(token)) return token.start < cursor && cursor <= token.end;
  return token.start < cursor && (cursor < token.end || !token.terminated);
}

function typedPrefix(sql: string, token: SqlToken | undefined, cursor: number): TypedPrefix {
  if (!token) return { text: '', typed: '', quote: null, start: cursor, end: cursor };
  const typed = sql.slice(token.start, cursor);
  if (token.kind === 'word') return { text: typed, typed, quote: null, start: token.start, end: token.end };
  const quote = OPEN_QUOTE[sql[token.start]];
  const close = quote === '[' ? ']' : quote;
  const text = cursor === token.end && token.terminated ? token.value : sql.slice(token.start + 1, cursor).replaceAll(close + close, close);
  return { text, typed, quote, start: token.start, end: token.end };
}

/** The clause of a FROM/JOIN/UPDATE/INTO/TABLE keyword at `at`, given what follows it up to the cursor. */
function relationClause(before: SqlToken[], at: number): Pick<CompletionContext, 'clause' | 'target'> {
  const keyword = upper(before[at]);
  let index = at + 1;
  while (REF_MODIFIERS.has(upper(before[index]))) index++;
  const rest = before.slice(index);
  if (rest.length === 0) return { clause: 'relation', target: [] };
  if (keyword === 'FROM' && isPunct(rest.at(-1), ',')) return { clause: 'relation', target: [] };
  if (rest.length === 1 && isPunct(rest[0], '(')) return { clause: 'start', target: [] };
  if (keyword === 'INTO') {
    const name = readDottedName(rest, 0);
    const open = isPunct(rest[name.next], '(') && !rest.slice(name.next).some((token) => isPunct(token, ')'));
    if (name.parts.length > 0 && open) return { clause: 'insert-columns', target: name.parts };
  }
  return { clause: 'keyword', target: [] };
}

function clauseOf(before: SqlToken[]): Pick<CompletionContext, 'clause' | 'target'> {
  if (upper(before.at(-1)) === 'AS') return { clause: 'none', target: [] };
  for (let index = before.length - 1; index >= 0; index--) {
    const word = upper(before[index]);
    if (!word) continue;
    if (COLUMN_KEYWORDS.has(word)) return { clause: 'column', target: [] };
    if (RELATION_KEYWORDS.has(word)) return relationClause(before, index);
    if (word === 'TABLE') {
      return NEW_TABLE_WORDS.has(upper(before[index - 1])) ? { clause: 'keyword', target: [] } : relationClause(before, index);
    }
  }
  return { clause: before.length === 0 ? 'start' : 'keyword', target: [] };
}

/** The qualifier before a trailing dot: `o.` → ['o'], `sales.orders.` → ['sales', 'orders']. */
function qualifierBefore(before: SqlToken[]): string[] {
  const parts: string[] = [];
  let index = before.length - 1;
  while (isPunct(before[index], '.') && isName(before[index - 1])) {
    parts.unshift(before[index - 1].value);
    index -= 2;
  }
  return parts;
}

/** What completion should offer at `cursor` (an offset into `sql`, one statement). */
export function analyzeStatement(sql: string, cursor: number, dialect: SplitDialect): CompletionContext {
  const tokens = tokenize(sql, dialect);
  const code = tokens.filter((token) => token.kind !== 'comment');
  const scope = readScope(code);
  const none = (prefix: TypedPrefix): CompletionContext => ({ clause: 'none', prefix, qualifier: [], target: [], scope });

  if (tokens.some((token) => (token.kind === 'string' || token.kind === 'comment') && holdsCursor(token, cursor))) {
    return none(typedPrefix(sql, undefined, cursor));
  }
  const underCursor = code.find((token) => token.start < cursor && cursor <= token.end && token.kind !== 'punct' && token.kind !== 'operator');
  if (underCursor && !isName(underCursor)) return none(typedPrefix(sql, undefined, cursor));
  const prefix = typedPrefix(sql, underCursor, cursor);
  const before = code.filter((token) => token.end <= prefix.start);

  if (isPunct(before.at(-1), '.')) {
    const qualifier = qualifierBefore(before);
    if (qualifier.length === 0) return none(prefix);
    return { clause: 'member', prefix, qualifier, target: [], scope };
  }
  return { ...clauseOf(before), prefix, qualifier: [], scope };
}
