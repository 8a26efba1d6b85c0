import type { Engine } from '../../../shared/model/connection';
import { quoteIdentifier } from '../../../shared/sql/quote';

/** Most placeholders one statement may bind: PostgreSQL's and MySQL's 16-bit count, SQLite's SQLITE_MAX_VARIABLE_NUMBER. */
export const PARAMETER_LIMITS: Readonly<Record<'postgres' | 'mysql' | 'sqlite', number>> = {
  postgres: 65535,
  mysql: 65535,
  sqlite: 32766,
};

/** Rows per INSERT even when the parameter limit allows more: past this, bigger statements stop paying off. */
export const MAX_ROWS_PER_INSERT = 1000;
/** Characters of values per INSERT, far under MySQL's 16 MiB max_allowed_packet even at 3 bytes per character. */
export const MAX_CHARS_PER_INSERT = 2_000_000;

export type ImportEngine = keyof typeof PARAMETER_LIMITS;

/** One multi-row INSERT: rows [start, end) of a batch. */
export interface InsertChunk {
  start: number;
  end: number;
}

export function parameterLimit(engine: Engine): number {
  return engine in PARAMETER_LIMITS ? PARAMETER_LIMITS[engine as ImportEngine] : 0;
}

/** How many rows of `columnCount` values one statement can bind. */
export function rowsPerInsert(engine: Engine, columnCount: number): number {
  return Math.max(1, Math.min(MAX_ROWS_PER_INSERT, Math.floor(parameterLimit(engine) / columnCount)));
}

/** Splits a batch into statements under the engine's parameter limit and the character budget. */
export function planInsertChunks(rows: readonly (readonly (string | null)[])[], maxRows: number, maxChars = MAX_CHARS_PER_INSERT): InsertChunk[] {
  const chunks: InsertChunk[] = [];
  let start = 0;
  let chars = 0;
  for (let index = 0; index < rows.length; index += 1) {
    const size = rows[index].reduce((total, value) => total + (value?.length ?? 0), 0);
    if (index > start && (index - start >= maxRows || chars + size > maxChars)) {
      chunks.push({ start, end: index });
      start = index;
      chars = 0;
    }
    chars += size;
  }
  if (rows.length > start) chunks.push({ start, end: rows.length });
  return chunks;
}

/** INSERT INTO table (columns) VALUES (…), (…) with `rowCount` rows of placeholders in the engine's style. */
export function insertSql(engine: Engine, table: string, columns: readonly string[], rowCount: number): string {
  const columnList = columns.map((column) => quoteIdentifier(engine, column)).join(', ');
  const tuples: string[] = [];
  let next = 1;
  for (let row = 0; row < rowCount; row += 1) {
    const marks: string[] = [];
    for (let column = 0; column < columns.length; column += 1) {
      marks.push(engine === 'postgres' ? `$${next}` : '?');
      next += 1;
    }
    tuples.push(`(${marks.join(', ')})`);
  }
  return `INSERT INTO ${table} (${columnList}) VALUES ${tuples.join(', ')}`;
}
