import type { SqlEngine } from './table-query';

/** MySQL's byte-string types as information_schema's COLUMN_TYPE names them; BIT is a number, not bytes. */
const MYSQL_BINARY = /^(?:binary|varbinary|tinyblob|blob|mediumblob|longblob)\b/i;
/** SQLite keeps any declared type; these are the names tools use for byte columns. */
const SQLITE_BINARY = /blob|bytea|binary/i;

/**
 * Whether a column of this declared type holds bytes, which the table editor shows and edits as hex.
 * In SQLite any column may hold a blob: a cell whose loaded value is one is binary whatever the type.
 */
export function isBinaryType(engine: SqlEngine, dataType: string): boolean {
  const type = dataType.trim();
  switch (engine) {
    case 'postgres':
      return type.toLowerCase() === 'bytea';
    case 'mysql':
      return MYSQL_BINARY.test(type);
    case 'sqlite':
      return SQLITE_BINARY.test(type);
  }
}
