import type { Cell } from '../../../shared/model/query';
import type { ColumnValue, TableChange, ValueEncoding } from '../../../shared/sql/dml';
import type { CellValue, TableColumn } from '../../../shared/sql/table-query';
import { TEXT_VALUES, type ValueType } from '../../../shared/sql/value-types';

/** A row added in the view and not yet applied. */
export interface NewRow {
  id: number;
  /** Only the columns the user set; the others get their defaults. */
  values: Record<string, CellValue>;
  /**
   * Copied values whose kind differs from their column's type (SQLite keeps any value in any column):
   * true for a blob in a column not typed as binary, false for text in one that is.
   */
  copiedBinary?: Record<string, boolean>;
}

/** Changes made in the grid and not yet applied, relative to the loaded page. */
export interface PendingEdits {
  /** Loaded row index → column → new value. */
  cells: Record<number, Record<string, CellValue>>;
  /** Loaded row indexes marked for deletion. */
  deleted: number[];
  inserted: NewRow[];
  nextNewRowId: number;
}

export const NO_EDITS: PendingEdits = { cells: {}, deleted: [], inserted: [], nextNewRowId: 1 };

/** The rows as loaded, with the columns that describe them. */
export interface LoadedRows {
  columns: TableColumn[];
  keyColumns: string[];
  rows: Cell[][];
  /**
   * SQLite, where any value may be a blob: `row * columns.length + column` of each loaded blob. Absent
   * elsewhere, where a column's `binary` says.
   */
  blobCells?: ReadonlySet<number>;
}

export type RowRef = { kind: 'loaded'; index: number } | { kind: 'new'; id: number };

export function hasEdits(edits: PendingEdits): boolean {
  return Object.keys(edits.cells).length > 0 || edits.deleted.length > 0 || edits.inserted.length > 0;
}

function columnIndex(loaded: LoadedRows, column: string): number {
  return loaded.columns.findIndex((candidate) => candidate.name === column);
}

/**
 * Whether a cell's value is bytes, shown as \x-hex and edited as hex: a loaded blob (SQLite), a value
 * copied from one, or any value of a binary column; a SQLite text value stays text whatever the type.
 */
export function isBinaryCell(edits: PendingEdits, loaded: LoadedRows, row: RowRef, column: number): boolean {
  const info = loaded.columns[column];
  if (!info) return false;
  if (row.kind === 'new') return edits.inserted.find((added) => added.id === row.id)?.copiedBinary?.[info.name] ?? info.binary;
  const original = loaded.rows[row.index]?.[column] ?? null;
  if (original === null || !loaded.blobCells) return info.binary;
  return loaded.blobCells.has(row.index * loaded.columns.length + column);
}

/** How a cell's value is typed and edited: as hex when it is bytes, as a number in a BIT column, else as text. */
export function cellValueType(edits: PendingEdits, loaded: LoadedRows, row: RowRef, column: number): ValueType {
  if (isBinaryCell(edits, loaded, row, column)) return { kind: 'bytes' };
  const width = loaded.columns[column]?.bitWidth;
  return width === undefined ? TEXT_VALUES : { kind: 'bits', width };
}

/** A value as a change carries it: bytes as hex digits marked `hex`, anything else as it is. */
function wireValue(value: CellValue, binary: boolean): { value: CellValue; encoding?: ValueEncoding } {
  if (!binary) return { value };
  return { value: value?.startsWith('\\x') ? value.slice(2) : value, encoding: 'hex' };
}

/** Sets one cell. A loaded cell set back to its loaded value is no longer a change. */
export function setCell(edits: PendingEdits, loaded: LoadedRows, row: RowRef, column: string, value: CellValue): PendingEdits {
  if (row.kind === 'new') {
    return { ...edits, inserted: edits.inserted.map((added) => (added.id === row.id ? { ...added, values: { ...added.values, [column]: value } } : added)) };
  }
  const original = loaded.rows[row.index]?.[columnIndex(loaded, column)];
  const rowCells = { ...(edits.cells[row.index] ?? {}) };
  if (original === value) delete rowCells[column];
  else rowCells[column] = value;
  const cells = { ...edits.cells };
  if (Object.keys(rowCells).length === 0) delete cells[row.index];
  else cells[row.index] = rowCells;
  return { ...edits, cells };
}

export function addRow(edits: PendingEdits, values: Record<string, CellValue> = {}): PendingEdits {
  return { ...edits, inserted: [...edits.inserted, { id: edits.nextNewRowId, values }], nextNewRowId: edits.nextNewRowId + 1 };
}

/** A copy of the row as a new row; key columns the database fills itself (defaults) are left out. */
export function duplicateRow(edits: PendingEdits, loaded: LoadedRows, row: RowRef): PendingEdits {
  const values: Record<string, CellValue> = {};
  const copiedBinary: Record<string, boolean> = {};
  loaded.columns.forEach((column, index) => {
    if (column.inRowKey && column.hasDefault) return;
    values[column.name] = row.kind === 'new' ? (edits.inserted.find((added) => added.id === row.id)?.values[column.name] ?? null) : currentValue(edits, loaded, row.index, index);
    const binary = isBinaryCell(edits, loaded, row, index);
    if (binary !== column.binary) copiedBinary[column.name] = binary;
  });
  const added = addRow(edits, values);
  if (Object.keys(copiedBinary).length === 0) return added;
  return { ...added, inserted: added.inserted.map((newRow) => (newRow.id === edits.nextNewRowId ? { ...newRow, copiedBinary } : newRow)) };
}

/** Marks loaded rows for deletion (or unmarks them); new rows are simply dropped. */
export function toggleDelete(edits: PendingEdits, rows: RowRef[]): PendingEdits {
  const newIds = new Set(rows.flatMap((row) => (row.kind === 'new' ? [row.id] : [])));
  let deleted = [...edits.deleted];
  for (const row of rows) {
    if (row.kind !== 'loaded') continue;
    deleted = deleted.includes(row.index) ? deleted.filter((index) => index !== row.index) : [...deleted, row.index];
  }
  return { ...edits, deleted, inserted: edits.inserted.filter((added) => !newIds.has(added.id)) };
}

/** The value a loaded cell shows: the pending one if it was edited, else the loaded one. */
export function currentValue(edits: PendingEdits, loaded: LoadedRows, row: number, column: number): CellValue {
  const name = loaded.columns[column]?.name;
  const pending = name === undefined ? undefined : edits.cells[row]?.[name];
  return pending !== undefined ? pending : (loaded.rows[row]?.[column] ?? null);
}

function keyOf(edits: PendingEdits, loaded: LoadedRows, row: number): ColumnValue[] {
  return loaded.keyColumns.map((column) => {
    const index = columnIndex(loaded, column);
    return { column, ...wireValue(loaded.rows[row]?.[index] ?? null, isBinaryCell(edits, loaded, { kind: 'loaded', index: row }, index)) };
  });
}

/**
 * The changes to apply, in the order they run: deletes first (so a new row may reuse a deleted key),
 * then updates of rows that are not deleted, then inserts.
 */
export function toChanges(edits: PendingEdits, loaded: LoadedRows): TableChange[] {
  const deleted = new Set(edits.deleted);
  const deletes: TableChange[] = [...deleted].sort((a, b) => a - b).map((row) => ({ kind: 'delete', key: keyOf(edits, loaded, row) }));
  const updates: TableChange[] = Object.entries(edits.cells)
    .map(([row, cells]) => [Number(row), cells] as const)
    .filter(([row]) => !deleted.has(row))
    .sort(([a], [b]) => a - b)
    .map(([row, cells]) => ({
      kind: 'update',
      key: keyOf(edits, loaded, row),
      set: Object.entries(cells).map(([column, value]) => {
        const index = columnIndex(loaded, column);
        const binary = isBinaryCell(edits, loaded, { kind: 'loaded', index: row }, index);
        const original = wireValue(loaded.rows[row]?.[index] ?? null, binary);
        return { column, ...wireValue(value, binary), original: original.value };
      }),
    }));
  const inserts: TableChange[] = edits.inserted.map((added) => ({
    kind: 'insert',
    values: Object.entries(added.values).map(([column, value]) => ({ column, ...wireValue(value, isBinaryCell(edits, loaded, { kind: 'new', id: added.id }, columnIndex(loaded, column))) })),
  }));
  return [...deletes, ...updates, ...inserts];
}
