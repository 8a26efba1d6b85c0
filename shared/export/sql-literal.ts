import type { ExportColumn } from './row-source';
import type { SqlDialect } from './serializer';
import { bytesToHexDigits } from './binary-text';

const CTRL_Z = String.fromCharCode(0x1a);
/** Backslash, quote, NUL, line breaks and Ctrl-Z, as mysqldump escapes them. */
const MYSQL_ESCAPED = new RegExp(`[\\\\'\\0\\n\\r${CTRL_Z}]`, 'g');
const SQL_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * A string literal. PostgreSQL (standard_conforming_strings, the default since 9.1) and SQLite only
 * double the quote. MySQL treats backslash as an escape, so it and the characters mysqldump escapes
 * are written as backslash sequences.
 */
export function stringLiteral(dialect: SqlDialect, text: string): string {
  if (dialect !== 'mysql') return `'${text.replaceAll("'", "''")}'`;
  return `'${text.replace(MYSQL_ESCAPED, mysqlEscape)}'`;
}

function mysqlEscape(char: string): string {
  switch (char) {
    case '\0':
      return '\\0';
    case '\n':
      return '\\n';
    case '\r':
      return '\\r';
    case CTRL_Z:
      return '\\Z';
    default:
      return '\\' + char;
  }
}

/** Bytes as a literal: '\x…'::bytea in PostgreSQL, X'…' in MySQL and SQLite. */
export function binaryLiteral(dialect: SqlDialect, bytes: Uint8Array): string {
  const hex = bytesToHexDigits(bytes);
  return dialect === 'postgres' ? `'\\x${hex}'::bytea` : `X'${hex}'`;
}

/**
 * One value as a literal: NULL, binary as hex, numbers bare only in numeric columns and only when the
 * text is a plain SQL number (NaN and Infinity stay quoted), booleans as TRUE/FALSE, anything else a
 * string literal with the database's exact text.
 */
export function sqlLiteral(dialect: SqlDialect, column: Pick<ExportColumn, 'category'>, text: string | null, bytes: Uint8Array | null): string {
  if (text === null) return 'NULL';
  if (bytes) return binaryLiteral(dialect, bytes);
  if (column.category === 'number' && SQL_NUMBER.test(text)) return text;
  if (column.category === 'boolean' && (text === 'true' || text === 'false')) return text.toUpperCase();
  return stringLiteral(dialect, text);
}
