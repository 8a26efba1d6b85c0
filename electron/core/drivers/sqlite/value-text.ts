import type { Cell } from '../../../../shared/model/query';

/**
 * A value from better-sqlite3 (with safe integers on) as the text the grid shows: integers keep every
 * digit, blobs become \x-prefixed lowercase hex.
 */
export function valueToCell(value: unknown): Cell {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint' || typeof value === 'number') return String(value);
  if (value instanceof Uint8Array) return `\\x${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex')}`;
  return String(value);
}

/** SQLite's storage class of a value, used as the type of an expression column that declares none. */
export function storageClassOf(value: unknown): string {
  if (typeof value === 'bigint') return 'INTEGER';
  if (typeof value === 'number') return 'REAL';
  if (typeof value === 'string') return 'TEXT';
  if (value instanceof Uint8Array) return 'BLOB';
  return '';
}
