import type { Cell, ColumnMeta } from '../model/query';
import { hexToBytes } from './binary-text';

/**
 * A block of rows to serialize: a BatchReader fits as it is. `cell` is the database's exact text (the
 * grid's form, binary as \x-hex); `binary` gives the raw bytes of a binary value and null otherwise.
 */
export interface RowSource {
  readonly rowCount: number;
  cell(row: number, column: number): Cell;
  binary(row: number, column: number): Uint8Array | null;
}

export type ExportColumn = Pick<ColumnMeta, 'name' | 'dataType' | 'category'>;

/**
 * Rows already read as text cells (a result's rows, a copied selection) as a RowSource. Binary
 * columns hold \x-hex cells, which are turned back into their bytes.
 */
export function cellRowsSource(rows: readonly (readonly Cell[])[], columns: readonly ExportColumn[]): RowSource {
  return {
    rowCount: rows.length,
    cell: (row, column) => rows[row][column] ?? null,
    binary(row, column) {
      if (columns[column]?.category !== 'binary') return null;
      const value = rows[row][column];
      return value == null ? null : hexToBytes(value);
    },
  };
}
