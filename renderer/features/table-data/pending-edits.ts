import type { Cell } from '../../../shared/model/query';
import type { ColumnValue, TableChange } from '../../../shared/sql/dml';
import type { CellValue, TableColumn } from '../../../shared/sql/table-query';

/** A row added in the view and not yet applied. */
export interface NewRow {
  id: number;
  /** Only the columns the user set; the others get their defaults. */
  values: Record<string, CellValue>;
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
}

export type RowRef = { kind: 'loaded'; index: number } | { kind: 'new'; id: number };

export function hasEdits(edits: PendingEdits): boolean {
  return Object.keys(edits.cells).length > 0 || edits.deleted.length > 0 || edits.inserted.length > 0;
}

function columnIndex(loaded: LoadedRows, column: string): number {
  return loaded.columns.findIndex((candidate) => candidate.name === column);
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
  loaded.columns.forEach((column, index) => {
    if (column.inRowKey && column.hasDefault) return;
    values[column.name] = row.kind === 'new' ? (edits.inserted.find((added) => added.id === row.id)?.values[column.name] ?? null) : currentValue(edits, loaded, row.index, index);
  });
  return addRow(edits, values);
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

function keyOf(loaded: LoadedRows, row: number): ColumnValue[] {
  return loaded.keyColumns.map((column) => ({ column, value: loaded.rows[row]?.[columnIndex(loaded, column)] ?? null }));
}

/**
 * The changes to apply, in the order they run: deletes first (so a new row may reuse a deleted key),
 * then updates of rows that are not deleted, then inserts.
 */
export function toChanges(edits: PendingEdits, loaded: LoadedRows): TableChange[] {
  const deleted = new Set(edits.deleted);
  const deletes: TableChange[] = [...deleted].sort((a, b) => a - b).map((row) => ({ kind: 'delete', key: keyOf(loaded, row) }));
  const updates: TableChange[] = Object.entries(edits.cells)
    .map(([row, cells]) => [Number(row), cells] as const)
    .filter(([row]) => !deleted.has(row))
    .sort(([a], [b]) => a - b)
    .map(([row, cells]) => ({
      kind: 'update',
      key: keyOf(loaded, row),
      set: Object.entries(cells).map(([column, value]) => ({ column, value, original: loaded.rows[row]?.[columnIndex(loaded, column)] ?? null })),
    }));
  const inserts: TableChange[] = edits.inserted.map((added) => ({ kind: 'insert', values: Object.entries(added.values).map(([column, value]) => ({ column, value })) }));
  return [...deletes, ...updates, ...inserts];
}
