import { closingIndex, codeTokens, splitAtSemicolons, type CodeToken } from './code-tokens';
import { identifierAt, literalReadings } from './literal-text';
import type { SplitDialect } from './split';

/** A statement that would turn a read-only session or transaction read-write. */
export interface ReadWriteSwitch {
  /** What was found, for the error message: "SET default_transaction_read_only", "START TRANSACTION … READ WRITE". */
  form: string;
}

/**
 * Whether a statement (or a script: every statement in it counts) would switch the session or a
 * transaction to read-write, or turn the read-only setting to anything but on. A second line of
 * defence behind the read-only session a read-only profile opens, as DBeaver's and DataGrip's
 * read-only modes are: it reads the code token by token, so words in strings, comments and quoted
 * names never count, and case, spacing and comments between words change nothing.
 *
 * PostgreSQL: SET/RESET of default_transaction_read_only and transaction_read_only, SET [SESSION
 * CHARACTERISTICS AS] TRANSACTION, BEGIN and START TRANSACTION with READ WRITE, set_config() on those
 * settings (or on a name computed at run time), and ALTER SYSTEM, which a read-only transaction
 * does not stop. MySQL/MariaDB: SET GLOBAL/PERSIST of any variable (a change to the server), SET [scope] TRANSACTION … READ WRITE,
 * START TRANSACTION … READ WRITE, SET of transaction_read_only or tx_read_only in every spelling
 * (@@session.…, SESSION …, SET STATEMENT … FOR). Code whose text is written out is read too: DO
 * bodies and EXECUTE '…' in them, MySQL's PREPARE … FROM '…', EXECUTE IMMEDIATE '…' and BEGIN NOT
 * ATOMIC blocks.
 *
 * What it cannot see: SQL text built at run time (EXECUTE format(…), PREPARE … FROM @variable, hex
 * literals) and functions or procedures already stored on the server. Only a role that may only
 * read is a hard guarantee. SQLite has no such switch: a read-only connection opens the file read-only.
 */
export function findReadWriteSwitch(sql: string, dialect: SplitDialect): ReadWriteSwitch | null {
  if (dialect === 'sqlite' || !MENTIONS.test(sql)) return null;
  return scanCode(sql, dialect, 0);
}

/**
 * Every switch names a read-only setting, READ WRITE or set_config; a U& name or a backslash escape
 * could spell them without these letters.
 */
const MENTIONS = /read|set_config|u&|\\|system|global|persist/i;

const PG_SETTINGS = new Set(['default_transaction_read_only', 'transaction_read_only']);
const MYSQL_VARIABLES = new Set(['transaction_read_only', 'tx_read_only']);
const MYSQL_SCOPES = new Set(['GLOBAL', 'SESSION', 'LOCAL', 'PERSIST', 'PERSIST_ONLY']);
/** Scopes whose assignments change the server for every session, not this one. */
const MYSQL_SERVER_SCOPES = new Set(['GLOBAL', 'PERSIST', 'PERSIST_ONLY']);
/** Boolean spellings PostgreSQL reads as true: on, 1, and the prefixes of true and yes. */
const PG_TRUE = new Set(['on', '1', 't', 'tr', 'tru', 'true', 'y', 'ye', 'yes']);
const MYSQL_TRUE = new Set(['on', '1', 'true']);
/** In procedural code (PL/pgSQL, MySQL compound statements), a statement starts after these words. */
const STATEMENT_BEFORE = new Set(['BEGIN', 'THEN', 'ELSE', 'LOOP', 'DO', 'REPEAT', 'ATOMIC']);
/** `set_config (` after these words names a table or a function being defined, not a call. */
const NOT_A_CALL_AFTER = new Set(['TABLE', 'INTO', 'REFERENCES', 'FUNCTION', 'PROCEDURE', 'ROUTINE']);
/** Code inside code inside code…: deeper than this is not read. */
const MAX_NESTING = 8;

interface Context {
  dialect: SplitDialect;
  nesting: number;
}

function scanCode(code: string, dialect: SplitDialect, nesting: number): ReadWriteSwitch | null {
  if (nesting > MAX_NESTING) return null;
  const context: Context = { dialect, nesting };
  for (const part of splitAtSemicolons(codeTokens(code, dialect))) {
    for (let index = 0; index < part.length; index++) {
      if (index > 0 && !(part[index - 1].kind === 'word' && STATEMENT_BEFORE.has(part[index - 1].text))) continue;
      const found = classifyStatement(part.slice(index), context);
      if (found) return found;
    }
    const call = dialect === 'postgres' ? findSetConfig(part) : null;
    if (call) return call;
  }
  return null;
}

function classifyStatement(tokens: CodeToken[], context: Context): ReadWriteSwitch | null {
  const first = tokens[0];
  if (first?.kind !== 'word') return null;
  const postgres = context.dialect === 'postgres';
  switch (first.text) {
    case 'SET':
      return postgres ? classifyPostgresSet(tokens) : classifyMysqlSet(tokens, context);
    case 'RESET': {
      // RESET default_transaction_read_only returns to the session's start value: on for a read-only profile.
      const target = postgres ? identifierAt(tokens, 1, 'postgres') : null;
      return target?.name === 'transaction_read_only' ? { form: 'RESET transaction_read_only' } : null;
    }
    case 'BEGIN':
      // MySQL's BEGIN takes no transaction modes; BEGIN NOT ATOMIC opens a block, read statement by statement.
      return postgres && hasReadWrite(tokens) ? { form: 'BEGIN … READ WRITE' } : null;
    case 'START':
      return hasReadWrite(tokens) ? { form: 'START TRANSACTION … READ WRITE' } : null;
    case 'DO':
      return postgres ? classifyDoBlock(tokens, context) : null;
    case 'ALTER':
      // Writes postgresql.auto.conf, and a read-only transaction does not stop it.
      return postgres && isWord(tokens[1], 'SYSTEM') ? { form: 'ALTER SYSTEM' } : null;
    case 'EXECUTE':
      // PL/pgSQL's EXECUTE '…'; MariaDB's EXECUTE IMMEDIATE '…'.
      if (postgres) return withinCode(untilWord(tokens.slice(1), ['INTO', 'USING']), context, 'EXECUTE');
      return isWord(tokens[1], 'IMMEDIATE') ? withinCode(untilWord(tokens.slice(2), ['USING']), context, 'EXECUTE IMMEDIATE') : null;
    case 'PREPARE': {
      if (postgres) return null;
      const from = tokens.findIndex((token) => isWord(token, 'FROM'));
      return from === -1 ? null : withinCode(tokens.slice(from + 1), context, 'PREPARE');
    }
    default:
      return null;
  }
}

/** SET [SESSION | LOCAL] name {= | TO} value, and SET [SESSION CHARACTERISTICS AS] TRANSACTION modes. */
function classifyPostgresSet(tokens: CodeToken[]): ReadWriteSwitch | null {
  let index = isWord(tokens[1], 'SESSION') || isWord(tokens[1], 'LOCAL') ? 2 : 1;
  if (isWord(tokens[index], 'TRANSACTION') || isWord(tokens[index], 'CHARACTERISTICS')) {
    return hasReadWrite(tokens) ? { form: 'SET … TRANSACTION READ WRITE' } : null;
  }
  const target = identifierAt(tokens, index, 'postgres');
  if (!target || !PG_SETTINGS.has(target.name)) return null;
  index = target.next;
  if (tokens[index]?.text === '=' || isWord(tokens[index], 'TO')) index++;
  const value = tokens.slice(index);
  // DEFAULT is the session's start value: on for default_transaction_read_only; for transaction_read_only, off.
  if (target.name === 'default_transaction_read_only' && value.length === 1 && isWord(value[0], 'DEFAULT')) return null;
  return isTrue(value, 'postgres') ? null : { form: `SET ${target.name}` };
}

/** SET [scope] TRANSACTION characteristics, SET STATEMENT assignments FOR statement, SET assignments. */
function classifyMysqlSet(tokens: CodeToken[], context: Context): ReadWriteSwitch | null {
  const scoped = tokens[1]?.kind === 'word' && MYSQL_SCOPES.has(tokens[1].text);
  if (isWord(tokens[scoped ? 2 : 1], 'TRANSACTION')) return hasReadWrite(tokens) ? { form: 'SET TRANSACTION READ WRITE' } : null;
  if (!isWord(tokens[1], 'STATEMENT')) return classifyAssignments(tokens.slice(1));
  const depth = tokens[0].depth;
  const forIndex = tokens.findIndex((token, index) => index > 1 && token.depth === depth && isWord(token, 'FOR'));
  if (forIndex === -1) return classifyAssignments(tokens.slice(2));
  return classifyAssignments(tokens.slice(2, forIndex)) ?? classifyStatement(tokens.slice(forIndex + 1), context);
}

/** `target = value, …` where a target is @@[scope.]name, [scope] name or a user variable @name. */
function classifyAssignments(tokens: CodeToken[]): ReadWriteSwitch | null {
  for (const assignment of splitAtDepth(tokens, tokens[0]?.depth ?? 0)) {
    let index = 0;
    let scope: string | undefined;
    if (assignment[0]?.text === '@' && assignment[1]?.text === '@') {
      index = assignment[3]?.kind === 'dot' ? 4 : 2;
      if (index === 4) scope = assignment[2]?.text.toUpperCase();
    } else if (assignment[0]?.text === '@') {
      continue;
    } else if (assignment[0]?.kind === 'word' && MYSQL_SCOPES.has(assignment[0].text) && assignment[1] && assignment[1].kind !== 'other') {
      index = 1;
      scope = assignment[0].text;
    }
    // A server-wide setting is a change to the server, whatever the variable.
    if (scope !== undefined && MYSQL_SERVER_SCOPES.has(scope)) return { form: `SET ${scope}` };
    const target = identifierAt(assignment, index, 'mysql');
    if (!target || !MYSQL_VARIABLES.has(target.name)) continue;
    let valueStart = target.next;
    while (assignment[valueStart]?.text === ':' || assignment[valueStart]?.text === '=') valueStart++;
    if (!isTrue(assignment.slice(valueStart), 'mysql')) return { form: `SET ${target.name}` };
  }
  return null;
}

/** DO [LANGUAGE plpgsql] 'body': the body is read as code; a body in another language cannot be. */
function classifyDoBlock(tokens: CodeToken[], context: Context): ReadWriteSwitch | null {
  const language = tokens.findIndex((token) => isWord(token, 'LANGUAGE'));
  const name = language === -1 ? null : identifierAt(tokens, language + 1, 'postgres');
  if (name && name.name !== 'plpgsql') return null;
  const body = tokens.findIndex((token, index) => index > 0 && index !== language + 1 && (token.kind === 'string' || (token.kind === 'word' && token.text === 'U')));
  if (body === -1) return null;
  let end = body + 1;
  while (end < tokens.length && !isWord(tokens[end], 'LANGUAGE')) end++;
  return withinCode(tokens.slice(body, end), context, 'a DO block');
}

/** Text given to the server to run as code: each reading of the literal is read as statements. */
function withinCode(tokens: CodeToken[], context: Context, where: string): ReadWriteSwitch | null {
  const readings = literalReadings(tokens, context.dialect);
  if (!readings) return null;
  for (const reading of readings) {
    const found = scanCode(reading, context.dialect, context.nesting + 1);
    if (found) return { form: `${found.form} in ${where}` };
  }
  return null;
}

/**
 * set_config(name, value, is_local) anywhere in a PostgreSQL statement, schema-qualified or quoted. A
 * name Strata cannot read (an expression, a parameter) counts, since it could be either setting.
 */
function findSetConfig(tokens: CodeToken[]): ReadWriteSwitch | null {
  for (let index = 0; index < tokens.length; index++) {
    const callee = identifierAt(tokens, index, 'postgres');
    if (!callee || callee.name !== 'set_config' || tokens[callee.next]?.kind !== 'open') continue;
    const before = tokens[index - 1];
    if (before?.kind === 'word' && NOT_A_CALL_AFTER.has(before.text)) continue;
    const open = callee.next;
    const [name = [], value = []] = splitAtDepth(tokens.slice(open + 1, closingIndex(tokens, open)), tokens[open].depth + 1);
    const names = literalReadings(name, 'postgres');
    if (!names || names.some((reading) => reading.includes('\\'))) return { form: 'set_config() with a setting name Strata cannot read' };
    const setting = names.find((reading) => PG_SETTINGS.has(reading.toLowerCase()));
    if (setting && !isTrue(value, 'postgres')) return { form: `set_config('${setting.toLowerCase()}', …)` };
    index = callee.next;
  }
  return null;
}

/** One token that the engine reads as true. Anything else (off, DEFAULT, an expression) is not. */
function isTrue(value: CodeToken[], dialect: 'postgres' | 'mysql'): boolean {
  const accepted = dialect === 'postgres' ? PG_TRUE : MYSQL_TRUE;
  if (value.length === 1 && (value[0].kind === 'word' || value[0].kind === 'other')) return accepted.has(value[0].text.toLowerCase());
  // PostgreSQL reads a quoted name as the value's text: SET … = "on".
  if (dialect === 'postgres' && value.length === 1 && value[0].kind === 'name') return accepted.has(identifierAt(value, 0, dialect)?.name ?? '');
  // MySQL takes the string 'ON' but not 'TRUE' or '1'.
  const readings = literalReadings(value, dialect);
  return readings !== null && readings.every((reading) => (dialect === 'mysql' ? reading.toLowerCase() === 'on' : accepted.has(reading.toLowerCase())));
}

/** READ WRITE among the transaction modes; comments between the two words are already gone. */
function hasReadWrite(tokens: CodeToken[]): boolean {
  return tokens.some((token, index) => isWord(token, 'READ') && isWord(tokens[index + 1], 'WRITE'));
}

/** The tokens before the first of `words` at the depth of the first token. */
function untilWord(tokens: CodeToken[], words: string[]): CodeToken[] {
  const end = tokens.findIndex((token) => token.depth === tokens[0].depth && token.kind === 'word' && words.includes(token.text));
  return end === -1 ? tokens : tokens.slice(0, end);
}

function splitAtDepth(tokens: CodeToken[], depth: number): CodeToken[][] {
  const parts: CodeToken[][] = [[]];
  for (const token of tokens) {
    if (token.kind === 'comma' && token.depth === depth) parts.push([]);
    else parts[parts.length - 1].push(token);
  }
  return parts;
}

function isWord(token: CodeToken | undefined, word: string): boolean {
  return token?.kind === 'word' && token.text === word;
}
