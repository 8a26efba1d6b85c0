import { closingIndex, codeTokens, splitAtSemicolons, stringContent, type CodeToken } from './code-tokens';
import { splitStatements, type SplitDialect } from './split';

/**
 * Why a statement needs a confirmation. The first five hold on every connection; the others only on
 * production connections, where any change of rows, objects or permissions is confirmed.
 */
export type DestructiveCode =
  | 'delete-without-where'
  | 'update-without-where'
  | 'drop'
  | 'truncate'
  | 'alter-drop'
  | 'delete'
  | 'update'
  | 'merge'
  | 'alter'
  | 'grant'
  | 'revoke'
  | 'do-block';

export interface DestructiveReason {
  code: DestructiveCode;
  /** One sentence for the confirmation dialog. */
  text: string;
}

/** A statement of the script that needs a confirmation: `sql` equals `script.slice(offset, end)`. */
export interface DestructiveStatement {
  sql: string;
  offset: number;
  end: number;
  reason: DestructiveReason;
}

export interface DestructiveRules {
  /** Production connections also confirm every DELETE, UPDATE, MERGE, ALTER, GRANT, REVOKE and DO. */
  production: boolean;
}

interface Context {
  dialect: SplitDialect;
  production: boolean;
}

/** Every reason starts from one of these words; a script without them needs no closer look. */
const REASON_WORDS = /\b(?:delete|update|drop|truncate|alter|grant|revoke|merge|do)\b/i;

const ALWAYS_CONFIRMED: ReadonlySet<DestructiveCode> = new Set(['delete-without-where', 'update-without-where', 'drop', 'truncate', 'alter-drop']);

/** Words that start the statement a WITH clause belongs to. */
const WITH_MAIN = new Set(['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'MERGE', 'VALUES', 'TABLE', 'REPLACE']);
/** Words that start the statement an EXPLAIN shows. */
const EXPLAINED = new Set([...WITH_MAIN, 'WITH', 'EXECUTE', 'CREATE', 'DECLARE']);
/** Words that name what DROP or ALTER works on, so the dialog can say "DROP TABLE" or "DROP COLUMN". */
const OBJECT_WORDS = new Set(
  (
    'TABLE VIEW MATERIALIZED DATABASE SCHEMA INDEX FUNCTION PROCEDURE ROUTINE TRIGGER SEQUENCE TYPE DOMAIN EXTENSION ROLE USER OWNED ' +
    'POLICY RULE COLUMN CONSTRAINT EVENT SERVER FOREIGN TABLESPACE AGGREGATE PUBLICATION SUBSCRIPTION PRIMARY KEY PARTITION DEFAULT ' +
    'NOT NULL IDENTITY EXPRESSION ATTRIBUTE VALUE OPERATOR CAST COLLATION CONVERSION LANGUAGE STATISTICS TEMPORARY TEMP UNIQUE CHECK ' +
    'SYSTEM VERSIONING PERIOD GROUP MAPPING WRAPPER TEXT SEARCH CONFIGURATION DICTIONARY PARSER TEMPLATE ACCESS METHOD FAMILY CLASS ' +
    'TRANSFORM LARGE OBJECT SPATIAL REFERENCE'
  ).split(' '),
);
/** In a PL/pgSQL body, the words after which a new statement starts. */
const PLPGSQL_STATEMENT_BEFORE = new Set(['BEGIN', 'THEN', 'ELSE', 'LOOP']);
const PLPGSQL_CHECKED = new Set(['DELETE', 'UPDATE', 'DROP', 'TRUNCATE', 'ALTER', 'WITH']);

/**
 * The statements of a script that need a confirmation before they run, in order, each with its
 * reason. The script is split as it will be run (splitStatements), and each statement is read token
 * by token, so keywords in strings, comments, quoted names and dollar-quoted bodies never count.
 */
export function findDestructiveStatements(script: string, dialect: SplitDialect, rules: DestructiveRules): DestructiveStatement[] {
  const context: Context = { dialect, production: rules.production };
  const found: DestructiveStatement[] = [];
  if (!REASON_WORDS.test(script)) return found;
  for (const statement of splitStatements(script, dialect)) {
    if (!REASON_WORDS.test(statement.sql)) continue;
    const tokens = codeTokens(statement.sql, dialect);
    // A semicolon the splitter did not split at (in a MySQL DELIMITER block, say) still ends a
    // statement for the server; only compound bodies (BEGIN … END) keep theirs.
    const parts = hasCompoundBody(tokens) ? [tokens] : splitAtSemicolons(tokens);
    for (const part of parts) {
      const reason = classify(part, context);
      if (!reason) continue;
      const offset = parts.length === 1 ? statement.offset : statement.offset + part[0].offset;
      const end = parts.length === 1 ? statement.end : statement.offset + part[part.length - 1].end;
      found.push({ sql: script.slice(offset, end), offset, end, reason });
    }
  }
  return found;
}

/** Whether the reason holds on every connection, not only on production ones. */
export function isAlwaysConfirmed(code: DestructiveCode): boolean {
  return ALWAYS_CONFIRMED.has(code);
}

function hasCompoundBody(tokens: CodeToken[]): boolean {
  return isWord(tokens[0], 'CREATE') && tokens.some((token) => token.depth === 0 && isWord(token, 'BEGIN'));
}

function classify(tokens: CodeToken[], context: Context): DestructiveReason | null {
  const first = tokens[0];
  if (first?.kind !== 'word') return null;
  switch (first.text) {
    case 'WITH':
      return classifyWith(tokens, context);
    case 'EXPLAIN':
      return classifyExplain(tokens, context);
    case 'DELETE':
    case 'UPDATE':
      return classifyRowChange(tokens, first.text, context);
    case 'DROP':
      return { code: 'drop', text: `${clause(tokens, 0)} deletes the object and any data in it for good.` };
    case 'TRUNCATE':
      return { code: 'truncate', text: 'TRUNCATE removes every row of the table.' };
    case 'ALTER':
      return classifyAlter(tokens, context);
    case 'GRANT':
    case 'REVOKE':
      return context.production ? { code: first.text === 'GRANT' ? 'grant' : 'revoke', text: `${first.text} changes permissions on a production connection.` } : null;
    case 'MERGE':
      return context.production ? { code: 'merge', text: 'MERGE changes rows on a production connection.' } : null;
    case 'DO':
      return context.dialect === 'postgres' ? classifyDoBlock(tokens, context) : null;
    default:
      return null;
  }
}

function classifyRowChange(tokens: CodeToken[], verb: string, context: Context): DestructiveReason | null {
  const depth = tokens[0].depth;
  const hasWhere = tokens.some((token) => token.depth === depth && isWord(token, 'WHERE'));
  if (!hasWhere) {
    return verb === 'DELETE'
      ? { code: 'delete-without-where', text: 'DELETE without a WHERE clause removes every row of the table.' }
      : { code: 'update-without-where', text: 'UPDATE without a WHERE clause changes every row of the table.' };
  }
  if (!context.production) return null;
  return verb === 'DELETE' ? { code: 'delete', text: 'DELETE removes rows on a production connection.' } : { code: 'update', text: 'UPDATE changes rows on a production connection.' };
}

function classifyAlter(tokens: CodeToken[], context: Context): DestructiveReason | null {
  const depth = tokens[0].depth;
  const drop = tokens.findIndex((token, index) => index > 0 && token.depth === depth && isWord(token, 'DROP'));
  if (drop !== -1) return { code: 'alter-drop', text: `${clause(tokens, 0)} … ${clause(tokens, drop)} removes part of the object and any data in it.` };
  return context.production ? { code: 'alter', text: `${clause(tokens, 0)} changes the schema of a production connection.` } : null;
}

/** WITH: the bodies of its queries (PostgreSQL's data-modifying CTEs) and the statement it belongs to. */
function classifyWith(tokens: CodeToken[], context: Context): DestructiveReason | null {
  const depth = tokens[0].depth;
  const main = mainStatementIndex(tokens);
  const reasons: DestructiveReason[] = [];
  for (let index = 1; index < main; index++) {
    if (tokens[index].kind !== 'open' || tokens[index].depth !== depth) continue;
    const close = closingIndex(tokens, index);
    const inner = classify(tokens.slice(index + 1, close), context);
    if (inner) reasons.push(within(inner, 'In a WITH query'));
    index = close;
  }
  const mainReason = classify(tokens.slice(main), context);
  if (mainReason) reasons.push(mainReason);
  return mostSevere(reasons);
}

/** Index of the statement a WITH clause belongs to: after `name [(columns)] AS [NOT] [MATERIALIZED] (…)`, repeated. */
function mainStatementIndex(tokens: CodeToken[]): number {
  const depth = tokens[0].depth;
  const firstMainWord = (from: number) => {
    const index = tokens.findIndex((token, at) => at >= from && token.depth === depth && token.kind === 'word' && WITH_MAIN.has(token.text));
    return index === -1 ? tokens.length : index;
  };
  let index = isWord(tokens[1], 'RECURSIVE') ? 2 : 1;
  for (;;) {
    index++;
    if (tokens[index]?.kind === 'open') index = closingIndex(tokens, index) + 1;
    if (!isWord(tokens[index], 'AS')) return firstMainWord(index);
    index++;
    if (isWord(tokens[index], 'NOT')) index++;
    if (isWord(tokens[index], 'MATERIALIZED')) index++;
    if (tokens[index]?.kind !== 'open') return firstMainWord(index);
    index = closingIndex(tokens, index) + 1;
    // SEARCH … SET … and CYCLE … USING … clauses follow a recursive query.
    while (index < tokens.length && !(tokens[index].depth === depth && (tokens[index].kind === 'comma' || (tokens[index].kind === 'word' && WITH_MAIN.has(tokens[index].text))))) index++;
    if (tokens[index]?.kind !== 'comma') return index;
    index++;
  }
}

/** EXPLAIN ANALYZE runs the statement it explains; a plain EXPLAIN does not. */
function classifyExplain(tokens: CodeToken[], context: Context): DestructiveReason | null {
  const depth = tokens[0].depth;
  const start = tokens.findIndex((token, index) => index > 0 && token.depth === depth && token.kind === 'word' && EXPLAINED.has(token.text));
  if (start === -1) return null;
  const options = tokens.slice(1, start);
  const analyze = options.some((token, index) => (isWord(token, 'ANALYZE') || isWord(token, 'ANALYSE')) && !isFalse(options[index + 1]));
  if (!analyze) return null;
  const inner = classify(tokens.slice(start), context);
  return inner && within(inner, 'EXPLAIN ANALYZE runs the statement');
}

/** DO runs its body at once. On production it is always confirmed, since EXECUTE can run any text. */
function classifyDoBlock(tokens: CodeToken[], context: Context): DestructiveReason | null {
  if (context.production) return { code: 'do-block', text: 'DO runs procedural code on a production connection; Strata cannot check what it changes.' };
  const body = tokens.find((token) => token.kind === 'string' && token.depth === tokens[0].depth);
  if (!body) return null;
  const reasons: DestructiveReason[] = [];
  for (const part of splitAtSemicolons(codeTokens(stringContent(body), 'postgres'))) {
    const start = part.findIndex(
      (token, index) => token.depth === part[0].depth && token.kind === 'word' && PLPGSQL_CHECKED.has(token.text) && (index === 0 || PLPGSQL_STATEMENT_BEFORE.has(part[index - 1].text)),
    );
    const inner = start === -1 ? null : classify(part.slice(start), context);
    if (inner) reasons.push(within(inner, 'In the DO block'));
  }
  return mostSevere(reasons);
}

/** The keyword at `index` with the object words after it: "DROP MATERIALIZED VIEW", "ALTER TABLE". */
function clause(tokens: CodeToken[], index: number): string {
  const words = [tokens[index].text];
  for (let next = index + 1; next < tokens.length && tokens[next].kind === 'word' && OBJECT_WORDS.has(tokens[next].text); next++) words.push(tokens[next].text);
  return words.join(' ');
}

function within(reason: DestructiveReason, where: string): DestructiveReason {
  return { code: reason.code, text: `${where}: ${reason.text}` };
}

/** A reason that holds on every connection outranks one that holds only on production. */
function mostSevere(reasons: DestructiveReason[]): DestructiveReason | null {
  return reasons.find((reason) => isAlwaysConfirmed(reason.code)) ?? reasons[0] ?? null;
}

function isWord(token: CodeToken | undefined, word: string): boolean {
  return token?.kind === 'word' && token.text === word;
}

function isFalse(token: CodeToken | undefined): boolean {
  return isWord(token, 'FALSE') || isWord(token, 'OFF') || token?.text === '0';
}
