import type { SqlToken } from './sql-tokens';

/** A table named in the statement (FROM, JOIN, UPDATE, INTO), with its alias. */
export interface TableRef {
  /** The dotted name as written, quotes removed: ['orders'] or ['sales', 'orders']. Empty for a subquery or a table function. */
  parts: string[];
  alias: string | null;
}

/** A common table expression: WITH name [(columns)] AS (…). */
export interface CteDef {
  name: string;
  /** The column list written after its name, if any. */
  columns: string[];
}

export interface StatementScope {
  refs: TableRef[];
  ctes: CteDef[];
}

/** Words that start a table list or a single table reference. */
const REF_KEYWORDS = new Set(['FROM', 'JOIN', 'UPDATE', 'INTO']);

/** Words that can follow a table reference, so they are never its alias. */
const NOT_ALIAS = new Set([
  'AS', 'CROSS', 'DEFAULT', 'DO', 'EXCEPT', 'FETCH', 'FOR', 'FORCE', 'FROM', 'FULL', 'GROUP', 'HAVING', 'IGNORE', 'INDEXED',
  'INNER', 'INTERSECT', 'JOIN', 'LATERAL', 'LEFT', 'LIMIT', 'NATURAL', 'NOT', 'OFFSET', 'ON', 'ORDER', 'OUTER', 'OVERRIDING',
  'PARTITION', 'QUALIFY', 'RETURNING', 'RIGHT', 'SELECT', 'SET', 'STRAIGHT_JOIN', 'TABLESAMPLE', 'UNION', 'USE', 'USING',
  'VALUES', 'WHERE', 'WINDOW', 'WITH',
]);

/** Words allowed between FROM/JOIN and the table name. */
const REF_MODIFIERS = new Set(['ONLY', 'LATERAL']);

export const upper = (token: SqlToken | undefined): string => (token?.kind === 'word' ? token.value.toUpperCase() : '');
export const isName = (token: SqlToken | undefined): token is SqlToken => token?.kind === 'word' || token?.kind === 'quoted';
export const isPunct = (token: SqlToken | undefined, char: string): boolean => token?.kind === 'punct' && token.value === char;

/** Index just past the parenthesis that closes the one at `open`. */
export function skipParens(tokens: SqlToken[], open: number): number {
  let depth = 0;
  for (let index = open; index < tokens.length; index++) {
    if (isPunct(tokens[index], '(')) depth++;
    else if (isPunct(tokens[index], ')') && --depth === 0) return index + 1;
  }
  return tokens.length;
}

/** Reads `name(.name)*` at `at`; returns the parts and the index after them. */
export function readDottedName(tokens: SqlToken[], at: number): { parts: string[]; next: number } {
  const parts: string[] = [];
  let index = at;
  while (isName(tokens[index])) {
    parts.push(tokens[index].value);
    index++;
    if (!isPunct(tokens[index], '.') || !isName(tokens[index + 1])) break;
    index++;
  }
  return { parts, next: index };
}

function readAlias(tokens: SqlToken[], at: number): { alias: string | null; next: number } {
  let index = at;
  if (upper(tokens[index]) === 'AS') index++;
  const token = tokens[index];
  if (token?.kind === 'quoted' || (token?.kind === 'word' && !NOT_ALIAS.has(token.value.toUpperCase()))) {
    return { alias: token.value, next: index + 1 };
  }
  return { alias: null, next: index };
}

/** One table reference at `at`: a name or a parenthesised subquery, with its alias. */
function readRef(tokens: SqlToken[], at: number): { ref: TableRef | null; next: number } {
  let index = at;
  while (REF_MODIFIERS.has(upper(tokens[index]))) index++;
  let parts: string[] = [];
  if (isPunct(tokens[index], '(')) {
    index = skipParens(tokens, index);
  } else {
    const name = readDottedName(tokens, index);
    if (name.parts.length === 0) return { ref: null, next: index };
    parts = name.parts;
    index = name.next;
    // A table function, e.g. generate_series(1, 10): its columns are unknown.
    if (isPunct(tokens[index], '(') && upper(tokens[at - 1]) !== 'INTO') {
      index = skipParens(tokens, index);
      parts = [];
    }
  }
  const { alias, next } = readAlias(tokens, index);
  return { ref: { parts, alias }, next };
}

function readCtes(tokens: SqlToken[]): CteDef[] {
  if (upper(tokens[0]) !== 'WITH') return [];
  const ctes: CteDef[] = [];
  let index = upper(tokens[1]) === 'RECURSIVE' ? 2 : 1;
  while (isName(tokens[index])) {
    const name = tokens[index++].value;
    const columns: string[] = [];
    if (isPunct(tokens[index], '(')) {
      const end = skipParens(tokens, index);
      for (let inner = index + 1; inner < end - 1; inner++) if (isName(tokens[inner])) columns.push(tokens[inner].value);
      index = end;
    }
    if (upper(tokens[index]) !== 'AS') break;
    index++;
    while (upper(tokens[index]) === 'NOT' || upper(tokens[index]) === 'MATERIALIZED') index++;
    ctes.push({ name, columns });
    if (!isPunct(tokens[index], '(')) break;
    index = skipParens(tokens, index);
    if (!isPunct(tokens[index], ',')) break;
    index++;
  }
  return ctes;
}

/**
 * The tables a statement names, anywhere in it (before or after the cursor, subqueries included), and
 * its CTEs. Comments must already be left out of `tokens`.
 */
export function readScope(tokens: SqlToken[]): StatementScope {
  const refs: TableRef[] = [];
  for (let index = 0; index < tokens.length; index++) {
    const keyword = upper(tokens[index]);
    if (!REF_KEYWORDS.has(keyword)) continue;
    let at = index + 1;
    for (;;) {
      const { ref, next } = readRef(tokens, at);
      if (ref) refs.push(ref);
      at = next;
      if (!ref || keyword !== 'FROM' || !isPunct(tokens[at], ',')) break;
      at++;
    }
  }
  return { refs, ctes: readCtes(tokens) };
}
