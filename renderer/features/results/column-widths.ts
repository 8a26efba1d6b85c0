import type { Cell, ColumnMeta } from '../../../shared/model/query';
import { displayCell } from './format-value';

export const MIN_COLUMN_WIDTH = 56;
export const MAX_AUTO_COLUMN_WIDTH = 360;
export const MAX_COLUMN_WIDTH = 2000;
const CELL_PADDING = 20;
const HEADER_PADDING = 28;
/** Rows looked at to size columns: enough to be representative, few enough to be instant. */
const SAMPLE_ROWS = 200;

export interface TextWidths {
  /** Width of one character of the monospace grid font. */
  mono: number;
  /** Average width of a character of the header's UI font. */
  ui: number;
}

/** Starting widths from the header (name and type) and the first rows' display text. */
export function estimateColumnWidths(columns: readonly ColumnMeta[], rows: readonly (readonly Cell[])[], text: TextWidths): number[] {
  const sample = rows.slice(0, SAMPLE_ROWS);
  return columns.map((column, col) => {
    const header = (column.name.length + column.dataType.length + 1) * text.ui + HEADER_PADDING;
    let longest = 0;
    for (const row of sample) longest = Math.max(longest, displayCell(row[col] ?? null, column.category).text.length);
    const cells = longest * text.mono + CELL_PADDING;
    return Math.round(Math.min(MAX_AUTO_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, header, cells)));
  });
}

export function clampColumnWidth(width: number): number {
  return Math.round(Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, width)));
}

/** The row-number gutter grows with the number of digits. */
export function gutterWidth(rowCount: number, monoWidth: number): number {
  return Math.max(44, Math.ceil(String(Math.max(rowCount, 1)).length * monoWidth + 20));
}
