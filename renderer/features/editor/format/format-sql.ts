import { formatDialect, mariadb, mysql, postgresql, sqlite, type DialectOptions, type ParamTypes } from 'sql-formatter';
import type { Engine } from '../../../../shared/model/connection';

export type FormatterDialect = 'postgresql' | 'mysql' | 'mariadb' | 'sqlite';

const DIALECTS: Record<FormatterDialect, DialectOptions> = { postgresql, mysql, mariadb, sqlite };

/** The parameter forms Strata accepts per dialect, so `:name` and `$1` stay intact. */
const PARAM_TYPES: Record<FormatterDialect, ParamTypes> = {
  postgresql: { numbered: ['$'], named: [':'] },
  mysql: { positional: true, named: [':'] },
  mariadb: { positional: true, named: [':'] },
  sqlite: { positional: true, numbered: ['?'], named: [':', '$', '@'] },
};

/** sql-formatter's dialect for a connection: MariaDB when the server says so, PostgreSQL without a connection. */
export function formatterDialectFor(engine: Engine | null, serverVersion: string | null): FormatterDialect {
  if (engine === 'mysql') return serverVersion !== null && /mariadb/i.test(serverVersion) ? 'mariadb' : 'mysql';
  if (engine === 'sqlite') return 'sqlite';
  return 'postgresql';
}

export type FormatResult = { ok: true; text: string } | { ok: false; message: string };

/** Formats SQL with sql-formatter; a text it cannot parse comes back as an error message, never thrown. */
export function formatSql(text: string, dialect: FormatterDialect, tabWidth = 2): FormatResult {
  try {
    const formatted = formatDialect(text, { dialect: DIALECTS[dialect], tabWidth, paramTypes: PARAM_TYPES[dialect] });
    // The formatter drops the text's leading and trailing blank space; keep a final line break.
    return { ok: true, text: /\n\s*$/.test(text) ? `${formatted}\n` : formatted };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
