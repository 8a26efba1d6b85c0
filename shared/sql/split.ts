import {
  mysqlSplitterOptions,
  postgreSplitterOptions,
  splitQuery,
  sqliteSplitterOptions,
  type SplitterOptions,
} from 'dbgate-query-splitter';
import { forEachCodeToken } from './code-tokens';
import { maskForSplitter } from './split-mask';

type SplitResultItem = ReturnType<typeof splitQuery>[number];

export type SplitDialect = 'postgres' | 'mysql' | 'sqlite';

/** One statement of a script: `sql` equals `script.slice(offset, end)`, without its delimiter. */
export interface SqlStatement {
  sql: string;
  offset: number;
  end: number;
}

// The splitter reads a masked script (split-mask.ts) in which what it would misread is already blanked:
// E'…' and dollar-quoted strings, # and nested comments, and the semicolons inside routine bodies.
const splitterOptions: Record<SplitDialect, SplitterOptions> = {
  postgres: { ...postgreSplitterOptions, allowDollarDollarString: false, returnRichInfo: true },
  mysql: { ...mysqlSplitterOptions, returnRichInfo: true },
  // SQLite also quotes names with `backticks` and [brackets]. Its BEGIN…END tracking
  // (skipSeparatorBeginEnd) also fires on `BEGIN;` transactions, so the mask finds trigger bodies instead.
  sqlite: {
    ...sqliteSplitterOptions,
    returnRichInfo: true,
    skipSeparatorBeginEnd: false,
    stringsBegins: ["'", '"', '`', '['],
    stringsEnds: { "'": "'", '"': '"', '`': '`', '[': ']' },
    stringEscapes: { "'": "'", '"': '"', '`': '`' },
  },
};

/** Splits a script into statements. Pieces holding only whitespace and comments are dropped. */
export function splitStatements(sql: string, dialect: SplitDialect): SqlStatement[] {
  const masked = maskForSplitter(sql, dialect);
  return splitQuery(masked, splitterOptions[dialect])
    .map((item) => toStatement(sql, item))
    .filter((statement) => holdsCode(statement.sql, dialect));
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
  let keyword: string | null = null;
  forEachCodeToken(statement, dialect, (token) => {
    if (token.kind === 'word') keyword = token.text;
    return 'stop';
  });
  return keyword;
}

function holdsCode(text: string, dialect: SplitDialect): boolean {
  let found = false;
  forEachCodeToken(text, dialect, () => {
    found = true;
    return 'stop';
  });
  return found;
}

function toStatement(sql: string, item: SplitResultItem): SqlStatement {
  if (typeof item === 'string') throw new Error('The SQL splitter returned text without positions.');
  const offset = item.trimStart?.position ?? item.start.position;
  // An unterminated string makes the splitter report one character past the end.
  const end = Math.min(item.trimEnd?.position ?? item.end.position, sql.length);
  return { sql: sql.slice(offset, end), offset, end };
}
