import { z } from 'zod';
import type { Engine } from '../model/connection';
import type { ResultBatch } from '../result-batch/format';
import { bitPlaceholder } from './bit-columns';
import { qualifiedName, quoteIdentifier } from './quote';
import { filterValue, PATTERN_OPERATORS, TEXT_VALUES, type ValueType } from './value-types';

/** A value as the grid shows and edits it: the database's text form, or SQL NULL. */
export type CellValue = string | null;

/** A value bound to a placeholder: text for the server to convert, bytes for binary columns, or NULL. */
export type BoundValue = CellValue | Uint8Array;

/** A statement with its values kept apart, to be bound to its placeholders. */
export interface BoundSql {
  sql: string;
  params: BoundValue[];
}

export type SqlEngine = Extract<Engine, 'postgres' | 'mysql' | 'sqlite'>;

export const FILTER_OPERATORS = ['=', '<>', '<', '<=', '>', '>=', 'contains', 'starts with', 'is null', 'is not null'] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];
/** Operators that compare with no value. */
export const VALUELESS_OPERATORS: readonly FilterOperator[] = ['is null', 'is not null'];

export const MAX_TABLE_PAGE_ROWS = 5000;
const columnName = z.string().min(1).max(1024);

export const tableFilterSchema = z.strictObject({
  column: columnName,
  operator: z.enum(FILTER_OPERATORS),
  /** Ignored by `is null` and `is not null`. */
  value: z.string().max(100_000),
});
export type TableFilter = z.infer<typeof tableFilterSchema>;

export const tableSortSchema = z.strictObject({ column: columnName, direction: z.enum(['asc', 'desc']) });
export type TableSort = z.infer<typeof tableSortSchema>;

/** Numbers placeholders per dialect: $1, $2… in PostgreSQL, ? elsewhere. */
export class Placeholders {
  readonly params: BoundValue[] = [];
  constructor(private readonly engine: SqlEngine) {}

  bind(value: BoundValue): string {
    this.params.push(value);
    return this.engine === 'postgres' ? `$${this.params.length}` : '?';
  }
}

/** LIKE patterns escape their wildcards with `!`, which no dialect treats specially inside a string literal. */
function likePattern(value: string, prefix: string, suffix: string): string {
  return prefix + value.replace(/[!%_]/g, (char) => `!${char}`) + suffix;
}

function asText(engine: SqlEngine, column: string): string {
  const type = engine === 'postgres' ? 'text' : engine === 'mysql' ? 'CHAR' : 'TEXT';
  return `CAST(${column} AS ${type})`;
}

/** Bytes within a value, by position: matching on the hex text could match across two bytes. */
function bytesPosition(engine: SqlEngine, column: string, needle: string): string {
  switch (engine) {
    case 'postgres':
      return `position(${needle} in ${column})`;
    case 'mysql':
      return `LOCATE(${needle}, ${column})`;
    case 'sqlite':
      return `instr(${column}, ${needle})`;
  }
}

/**
 * One filter as a condition; its value is bound, never spliced. A binary column's value is hex bound as
 * bytes (also to match part of the bytes), a MySQL BIT column's a number; a value of the wrong form is
 * a RangeError (the caller checks values with filterValue first, to say what is wrong).
 */
export function filterCondition(engine: SqlEngine, filter: TableFilter, placeholders: Placeholders, type: ValueType = TEXT_VALUES): string {
  const column = quoteIdentifier(engine, filter.column);
  if (filter.operator === 'is null') return `${column} IS NULL`;
  if (filter.operator === 'is not null') return `${column} IS NOT NULL`;
  const value = filterValue(type, filter.operator, filter.value);
  if (!value.ok) throw new RangeError(value.message);
  const pattern = PATTERN_OPERATORS.includes(filter.operator);
  if (pattern && type.kind === 'bytes') {
    const position = bytesPosition(engine, column, placeholders.bind(value.value));
    return filter.operator === 'contains' ? `${position} > 0` : `${position} = 1`;
  }
  if (pattern) {
    const text = likePattern(filter.value, filter.operator === 'contains' ? '%' : '', '%');
    // PostgreSQL's LIKE is case-sensitive; ILIKE matches what MySQL's and SQLite's LIKE do.
    const like = engine === 'postgres' ? 'ILIKE' : 'LIKE';
    // A BIT column's text is its bytes: its digits are those of the number it holds.
    const subject = type.kind === 'bits' && engine === 'mysql' ? `CAST(${column} + 0 AS CHAR)` : asText(engine, column);
    return `${subject} ${like} ${placeholders.bind(text)} ESCAPE '!'`;
  }
  const placeholder = placeholders.bind(value.value);
  return `${column} ${filter.operator} ${type.kind === 'bits' && engine === 'mysql' ? bitPlaceholder(placeholder) : placeholder}`;
}

export interface RowsQuery {
  /** Every column to read, in order. */
  columns: string[];
  filters: TableFilter[];
  sort: TableSort[];
  /** Appended to the sort so pages do not overlap or skip rows; empty when the table has no key. */
  keyColumns: string[];
  offset: number;
  limit: number;
  /**
   * SQLite only: adds a last column of one '1' or '0' per column, telling whether the row's value
   * there is a blob (any SQLite column may hold one).
   */
  blobMask?: boolean;
  /** How each column's filter values are typed and bound; text when absent. */
  valueType?: (column: string) => ValueType;
}

/** Flags joined per group, so a table of 2,000 columns stays within SQLite's expression depth of 1,000. */
const MASK_GROUP = 64;

/** SQLite: one text of '1' (blob) or '0' per column, e.g. '010'. */
function blobMaskExpression(columns: string[]): string {
  const flags = columns.map((column) => `(typeof(${quoteIdentifier('sqlite', column)}) = 'blob')`);
  const groups: string[] = [];
  for (let start = 0; start < flags.length; start += MASK_GROUP) groups.push(`(${["''", ...flags.slice(start, start + MASK_GROUP)].join(' || ')})`);
  return groups.join(' || ');
}

/** SELECT of one page: `limit` rows after `offset`, filtered and sorted on the server. */
export function selectRowsSql(engine: SqlEngine, table: string[], query: RowsQuery): BoundSql {
  const placeholders = new Placeholders(engine);
  const selected = query.columns.map((column) => quoteIdentifier(engine, column));
  if (query.blobMask) {
    if (engine !== 'sqlite') throw new RangeError('Only SQLite rows carry a blob mask.');
    selected.push(blobMaskExpression(query.columns));
  }
  const columns = selected.join(', ');
  let sql = `SELECT ${columns} FROM ${qualifiedName(engine, table)}`;
  if (query.filters.length > 0) {
    sql += ` WHERE ${query.filters.map((filter) => filterCondition(engine, filter, placeholders, query.valueType?.(filter.column))).join(' AND ')}`;
  }
  const sorted = new Set(query.sort.map((sort) => sort.column));
  const order = [
    ...query.sort.map((sort) => `${quoteIdentifier(engine, sort.column)} ${sort.direction === 'desc' ? 'DESC' : 'ASC'}`),
    ...query.keyColumns.filter((column) => !sorted.has(column)).map((column) => `${quoteIdentifier(engine, column)} ASC`),
  ];
  if (order.length > 0) sql += ` ORDER BY ${order.join(', ')}`;
  sql += ` LIMIT ${integer(query.limit)} OFFSET ${integer(query.offset)}`;
  return { sql, params: placeholders.params };
}

/**
 * Counts rows, or the rows matching `filters`, up to `cap` (reading at most cap + 1), so a huge table
 * is not scanned whole.
 */
export function cappedCountSql(engine: SqlEngine, table: string[], cap: number, filters: TableFilter[] = [], valueType?: (column: string) => ValueType): BoundSql {
  const placeholders = new Placeholders(engine);
  const where = filters.length > 0 ? ` WHERE ${filters.map((filter) => filterCondition(engine, filter, placeholders, valueType?.(filter.column))).join(' AND ')}` : '';
  return { sql: `SELECT COUNT(*) AS row_count FROM (SELECT 1 AS one FROM ${qualifiedName(engine, table)}${where} LIMIT ${integer(cap + 1)}) capped`, params: placeholders.params };
}

/** The engine's own row estimate from its statistics, bound to the table's name parts. */
export function statisticsEstimateSql(engine: SqlEngine, table: string[]): BoundSql {
  const name = table[table.length - 1];
  switch (engine) {
    case 'postgres':
      return { sql: 'SELECT CAST(reltuples AS bigint) AS estimate FROM pg_class WHERE oid = to_regclass($1)', params: [qualifiedName(engine, table)] };
    case 'mysql':
      return {
        sql: 'SELECT TABLE_ROWS AS estimate FROM information_schema.TABLES WHERE TABLE_SCHEMA = COALESCE(?, DATABASE()) AND TABLE_NAME = ?',
        params: [table.length > 1 ? table[0] : null, name],
      };
    case 'sqlite':
      return { sql: 'SELECT stat AS estimate FROM sqlite_stat1 WHERE tbl = ? ORDER BY idx IS NULL DESC LIMIT 1', params: [name] };
  }
}

function integer(value: number): string {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`Expected a non-negative integer, got ${value}.`);
  return String(value);
}

/** A column of the table view, with what the editor needs to know about it. */
export interface TableColumn {
  name: string;
  dataType: string;
  nullable: boolean;
  hasDefault: boolean;
  /** Part of the key that identifies rows for editing. */
  inRowKey: boolean;
  /** Its type holds bytes (bytea, BLOB, VARBINARY…): values are shown and edited as hex. */
  binary: boolean;
  /** MySQL BIT(n): n. Its values are unsigned numbers, shown, edited and bound as such. */
  bitWidth?: number;
  /** The foreign key this column starts, if any: "Go to referenced row" follows it. */
  references: ColumnReference | null;
}

export interface ColumnReference {
  /** Path of the referenced table in the schema tree. */
  tablePath: { kind: 'database' | 'schema' | 'group' | 'table'; name: string }[];
  /** Referencing column → referenced column, for every column of the foreign key. */
  columns: { from: string; to: string }[];
}

/** Why rows of a table cannot be edited; null when they can. */
export type ReadOnlyReason = string | null;

/**
 * One page of table/rows: at most `limit` rows as one ResultBatch, inside a one-element `batches`
 * list because replies with `batches` travel as binary frames (shared/ipc/wire.ts).
 */
export interface TableRowsPage {
  columns: TableColumn[];
  /** The primary key, else a unique key of non-null columns; empty when there is none. */
  keyColumns: string[];
  readOnlyReason: ReadOnlyReason;
  batches: [ResultBatch];
  offset: number;
  hasMore: boolean;
  /**
   * SQLite only, where any column may hold a blob: [row, column] of every cell whose value is one.
   * Elsewhere a column's `binary` says which values are bytes.
   */
  blobCells?: [number, number][];
}

export interface TableEstimate {
  rows: number;
  /** Counted, rather than read from the engine's statistics. */
  exact: boolean;
  /** Filtered rows beyond the count's cap: there are more than `rows - 1`, and no statistics say how many. */
  atLeast?: boolean;
}

/** table/apply's answer: every change applied and committed, or none of them. */
export type TableApplyResult =
  | { status: 'applied'; changes: number; statements: number }
  | {
      status: 'rolled-back';
      /** Index of the change that failed, within the changes sent. */
      change: number;
      /** Index of the failing statement among all statements run, counting from 0. */
      statement: number;
      sql: string;
      reason: 'conflict' | 'error';
      message: string;
    };
