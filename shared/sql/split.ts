import {
  mysqlSplitterOptions,
  postgreSplitterOptions,
  splitQuery,
  sqliteSplitterOptions,
  type SplitterOptions,
} from 'dbgate-query-splitter';

type SplitResultItem = ReturnType<typeof splitQuery>[number];

export type SplitDialect = 'postgres' | 'mysql' | 'sqlite';

/** One statement of a script: `sql` equals `script.slice(offset, end)`, without its delimiter. */
export interface SqlStatement {
  sql: string;
  offset: number;
  end: number;
}

const splitterOptions: Record<SplitDialect, SplitterOptions> = {
  postgres: { ...postgreSplitterOptions, returnRichInfo: true },
  mysql: { ...mysqlSplitterOptions, returnRichInfo: true },
  // SQLite also quotes names with `backticks` and [brackets]. The library's BEGIN…END tracking
  // (skipSeparatorBeginEnd) also fires on `BEGIN;` transactions and inside names such as "beginning",
  // so it stays off and trigger bodies are joined again by joinTriggerBodies.
  sqlite: {
    ...sqliteSplitterOptions,
    skipSeparatorBeginEnd: false,
    stringsBegins: ["'", '"', '`', '['],
    stringsEnds: { "'": "'", '"': '"', '`': '`', '[': ']' },
    stringEscapes: { "'": "'", '"': '"', '`': '`' },
    returnRichInfo: true,
  },
};

/** Splits a script into statements. Pieces holding only whitespace and comments are dropped. */
export function splitStatements(sql: string, dialect: SplitDialect): SqlStatement[] {
  let pieces = splitQuery(sql, splitterOptions[dialect]).map((item) => toStatement(sql, item));
  if (dialect === 'sqlite') pieces = joinTriggerBodies(sql, pieces);
  return pieces.filter((piece) => codeStart(piece.sql, dialect) < piece.sql.length);
}

/**
 * The statement to run for a cursor at `cursorOffset`: the one containing it (its end included, so a
 * cursor right after the last character counts), else the nearest one before it, else the first.
 */
export function statementAt(sql: string, dialect: SplitDialect, cursorOffset: number): SqlStatement | null {
  const statements = splitStatements(sql, dialect);
  let nearestBefore: SqlStatement | null = null;
  for (const statement of statements) {
    if (statement.offset <= cursorOffset && cursorOffset <= statement.end) return statement;
    if (statement.end <= cursorOffset) nearestBefore = statement;
  }
  return nearestBefore ?? statements[0] ?? null;
}

/** The statement's first word after any leading comments, upper-cased: SELECT, CREATE, WITH… */
export function firstKeyword(statement: string, dialect: SplitDialect): string | null {
  return /^[A-Za-z_]+/.exec(statement.slice(codeStart(statement, dialect)))?.[0].toUpperCase() ?? null;
}

function toStatement(sql: string, item: SplitResultItem): SqlStatement {
  if (typeof item === 'string') throw new Error('The SQL splitter returned text without positions.');
  const offset = item.trimStart?.position ?? item.start.position;
  // An unterminated string or comment makes the splitter report one character past the end.
  const end = Math.min(item.trimEnd?.position ?? item.end.position, sql.length);
  return { sql: sql.slice(offset, end), offset, end };
}

const CREATE_TRIGGER = /^CREATE\s+(?:TEMP\s+|TEMPORARY\s+)?TRIGGER\b/i;
const END_KEYWORD = /^END\b/i;

/** A SQLite trigger's body ends with `; END`: join the pieces from CREATE TRIGGER up to that END. */
function joinTriggerBodies(sql: string, pieces: SqlStatement[]): SqlStatement[] {
  const joined: SqlStatement[] = [];
  for (let index = 0; index < pieces.length; index++) {
    const first = pieces[index];
    if (!CREATE_TRIGGER.test(first.sql.slice(codeStart(first.sql, 'sqlite')))) {
      joined.push(first);
      continue;
    }
    let last = first;
    while (!isTriggerEnd(last) && index + 1 < pieces.length) last = pieces[++index];
    joined.push({ sql: sql.slice(first.offset, last.end), offset: first.offset, end: last.end });
  }
  return joined;
}

function isTriggerEnd(piece: SqlStatement): boolean {
  const code = piece.sql.slice(codeStart(piece.sql, 'sqlite'));
  if (!END_KEYWORD.test(code)) return false;
  const rest = code.slice(3);
  return codeStart(rest, 'sqlite') === rest.length;
}

/** Index of the first character that is neither whitespace nor inside a leading comment. */
function codeStart(text: string, dialect: SplitDialect): number {
  let position = 0;
  while (position < text.length) {
    const char = text[position];
    if (/\s/.test(char)) {
      position++;
    } else if (text.startsWith('--', position)) {
      const newline = text.indexOf('\n', position);
      position = newline === -1 ? text.length : newline + 1;
    } else if (text.startsWith('/*', position) && !(dialect === 'mysql' && text.startsWith('/*!', position))) {
      // MySQL runs the body of /*! … */ as SQL, so such a comment is code.
      const close = text.indexOf('*/', position + 2);
      position = close === -1 ? text.length : close + 2;
    } else {
      return position;
    }
  }
  return position;
}
