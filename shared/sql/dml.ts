import { z } from 'zod';
import { bitPlaceholder } from './bit-columns';
import { HEX_DIGITS, hexToBytes } from './hex-bytes';
import { qualifiedName, quoteIdentifier } from './quote';
import { Placeholders, type BoundSql, type BoundValue, type CellValue, type SqlEngine, type TableColumn } from './table-query';

const columnName = z.string().min(1).max(1024);
const cellValue = z.string().max(10_000_000).nullable();
/** `hex`: the value is bytes written as hex digits (two per byte, no prefix) and is bound as bytes. */
const encoding = z.literal('hex').optional();
const isHexOrNull = (value: string | null) => value === null || HEX_DIGITS.test(value);
const NOT_HEX = 'A value marked as hex must be hex digits, two per byte, without a prefix.';
const columnValue = z
  .strictObject({ column: columnName, value: cellValue, encoding })
  .refine((entry) => entry.encoding !== 'hex' || isHexOrNull(entry.value), { message: NOT_HEX, path: ['value'] });
const columnValues = z.array(columnValue).max(1000);
/** A changed column: its new value and the value it had when loaded, both in the same encoding. */
const setValue = z
  .strictObject({ column: columnName, value: cellValue, original: cellValue, encoding })
  .refine((entry) => entry.encoding !== 'hex' || isHexOrNull(entry.value), { message: NOT_HEX, path: ['value'] })
  .refine((entry) => entry.encoding !== 'hex' || isHexOrNull(entry.original), { message: NOT_HEX, path: ['original'] });

/**
 * One pending change of a table's rows. Rows are found by `key`: the row's ORIGINAL values of the
 * table's primary (or unique, non-null) key. An update also names each changed column's original
 * value, so a row someone else changed since it was read matches nothing and is reported as a conflict.
 */
export const tableChangeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('insert'), values: columnValues }),
  z.strictObject({
    kind: z.literal('update'),
    key: columnValues.min(1),
    set: z.array(setValue).min(1).max(1000),
  }),
  z.strictObject({ kind: z.literal('delete'), key: columnValues.min(1) }),
]);
export type TableChange = z.infer<typeof tableChangeSchema>;
export type ColumnValue = z.infer<typeof columnValue>;
export type ValueEncoding = NonNullable<ColumnValue['encoding']>;

/** What a value is bound as: hex becomes the bytes it spells, anything else stays text or NULL. */
export function boundValue(value: CellValue, encoding: ValueEncoding | undefined): BoundValue {
  return encoding === 'hex' && value !== null ? hexToBytes(value) : value;
}

/**
 * What a statement must do for its change to count as applied: `affects-row` means exactly one row
 * changed, `finds-row` that the statement returned a row; otherwise the row was changed or deleted
 * by someone else (a conflict).
 */
export type StatementCheck = 'affects-row' | 'finds-row' | null;

export interface PlannedStatement extends BoundSql {
  check: StatementCheck;
}

export interface DmlOptions {
  /**
   * Whether a column's values can be compared with `=`: PostgreSQL's json, xml and geometric types
   * cannot, so their original values are not part of an update's WHERE.
   */
  comparable?: (column: string) => boolean;
  /** Whether a column is MySQL's BIT, whose values (decimal digits) are bound as numbers. */
  bits?: (column: string) => boolean;
}

/** The placeholder of one column's value: a MySQL BIT column's digits are cast to the number they spell. */
function valuePlaceholder(engine: SqlEngine, column: string, value: BoundValue, placeholders: Placeholders, options: DmlOptions): string {
  const placeholder = placeholders.bind(value);
  return engine === 'mysql' && options.bits?.(column) ? bitPlaceholder(placeholder) : placeholder;
}

/** Null-safe equality per dialect, so an original NULL matches a NULL. */
function sameValue(engine: SqlEngine, column: string, placeholder: string): string {
  switch (engine) {
    case 'postgres':
      return `${column} IS NOT DISTINCT FROM ${placeholder}`;
    case 'mysql':
      return `${column} <=> ${placeholder}`;
    case 'sqlite':
      return `${column} IS ${placeholder}`;
  }
}

/** Key columns are never NULL, so plain `=` finds the row (and, unlike IS NOT DISTINCT FROM, uses the index). */
function keyCondition(engine: SqlEngine, key: ColumnValue[], placeholders: Placeholders, options: DmlOptions): string[] {
  return key.map(({ column, value, encoding }) => `${quoteIdentifier(engine, column)} = ${valuePlaceholder(engine, column, boundValue(value, encoding), placeholders, options)}`);
}

export function insertStatement(engine: SqlEngine, table: string[], values: ColumnValue[], options: DmlOptions = {}): PlannedStatement {
  const target = qualifiedName(engine, table);
  if (values.length === 0) {
    return { sql: engine === 'mysql' ? `INSERT INTO ${target} () VALUES ()` : `INSERT INTO ${target} DEFAULT VALUES`, params: [], check: null };
  }
  const placeholders = new Placeholders(engine);
  const columns = values.map(({ column }) => quoteIdentifier(engine, column)).join(', ');
  const bound = values.map(({ column, value, encoding }) => valuePlaceholder(engine, column, boundValue(value, encoding), placeholders, options)).join(', ');
  return { sql: `INSERT INTO ${target} (${columns}) VALUES (${bound})`, params: placeholders.params, check: null };
}

function updateWhere(engine: SqlEngine, change: Extract<TableChange, { kind: 'update' }>, placeholders: Placeholders, options: DmlOptions): string {
  const keyColumns = new Set(change.key.map(({ column }) => column));
  const comparable = options.comparable ?? (() => true);
  // Placeholders are bound in the order they appear in the text: the key first.
  const key = keyCondition(engine, change.key, placeholders, options);
  const originals = change.set
    .filter(({ column }) => !keyColumns.has(column) && comparable(column))
    .map(({ column, original, encoding }) => sameValue(engine, quoteIdentifier(engine, column), valuePlaceholder(engine, column, boundValue(original, encoding), placeholders, options)));
  return [...key, ...originals].join(' AND ');
}

/**
 * The statements of one update. MySQL counts only rows whose values really changed, so an update to
 * the same value would look like a conflict: there the row is first found (and locked) by a SELECT
 * ... FOR UPDATE with the same conditions, and the UPDATE's count is not checked.
 */
export function updateStatements(engine: SqlEngine, table: string[], change: Extract<TableChange, { kind: 'update' }>, options: DmlOptions = {}): PlannedStatement[] {
  const target = qualifiedName(engine, table);
  const statements: PlannedStatement[] = [];
  if (engine === 'mysql') {
    const find = new Placeholders(engine);
    statements.push({ sql: `SELECT 1 FROM ${target} WHERE ${updateWhere(engine, change, find, options)} FOR UPDATE`, params: find.params, check: 'finds-row' });
  }
  const placeholders = new Placeholders(engine);
  const assignments = change.set
    .map(({ column, value, encoding }) => `${quoteIdentifier(engine, column)} = ${valuePlaceholder(engine, column, boundValue(value, encoding), placeholders, options)}`)
    .join(', ');
  const where = updateWhere(engine, change, placeholders, options);
  statements.push({ sql: `UPDATE ${target} SET ${assignments} WHERE ${where}`, params: placeholders.params, check: engine === 'mysql' ? null : 'affects-row' });
  return statements;
}

export function deleteStatement(engine: SqlEngine, table: string[], key: ColumnValue[], options: DmlOptions = {}): PlannedStatement {
  const placeholders = new Placeholders(engine);
  const where = keyCondition(engine, key, placeholders, options).join(' AND ');
  return { sql: `DELETE FROM ${qualifiedName(engine, table)} WHERE ${where}`, params: placeholders.params, check: 'affects-row' };
}

/** The statements that apply one change, in order. */
export function changeStatements(engine: SqlEngine, table: string[], change: TableChange, options: DmlOptions = {}): PlannedStatement[] {
  switch (change.kind) {
    case 'insert':
      return [insertStatement(engine, table, change.values, options)];
    case 'update':
      return updateStatements(engine, table, change, options);
    case 'delete':
      return [deleteStatement(engine, table, change.key, options)];
  }
}

/** Each change's statements, in order: what Apply runs between BEGIN and COMMIT, and what the UI lists. */
export function planChanges(engine: SqlEngine, table: string[], changes: TableChange[], options: DmlOptions = {}): { change: number; statement: PlannedStatement }[] {
  return changes.flatMap((change, index) => changeStatements(engine, table, change, options).map((statement) => ({ change: index, statement })));
}

/** PostgreSQL types without an equality operator. */
const INCOMPARABLE_POSTGRES_TYPES = new Set(['json', 'xml', 'point', 'line', 'lseg', 'box', 'path', 'polygon', 'circle']);

/** Whether values of a column of this type can be compared with `=` in the engine. */
export function isComparableType(engine: SqlEngine, dataType: string): boolean {
  if (engine !== 'postgres') return true;
  return !INCOMPARABLE_POSTGRES_TYPES.has(dataType.toLowerCase().replace(/\[\]$/, ''));
}

/** A table's change options from its columns: which compare with `=`, which are MySQL BIT. */
export function tableDmlOptions(engine: SqlEngine, columns: readonly TableColumn[]): DmlOptions {
  const byName = new Map(columns.map((column) => [column.name, column]));
  return {
    comparable: (column) => isComparableType(engine, byName.get(column)?.dataType ?? ''),
    bits: (column) => byName.get(column)?.bitWidth !== undefined,
  };
}

export type { CellValue };
