import type { Cell } from '../../../../shared/model/query';

/**
 * Catalog rows as they cross from the worker to main: every non-null cell's text back to back in
 * one string, and each cell's length in row-major order (-1 for null). Cloning one string and
 * transferring one buffer costs far less than cloning thousands of small arrays.
 */
export interface PackedRows {
  columnCount: number;
  text: string;
  lengths: Int32Array;
}

const NULL_LENGTH = -1;

/** Worker side: collects cells row by row and hands out packed batches. */
export class RowPacker {
  private readonly columnCount: number;
  private text = '';
  private lengths: Int32Array;
  private cellCount = 0;

  constructor(columnCount: number, expectedRows: number) {
    this.columnCount = columnCount;
    this.lengths = new Int32Array(Math.max(1, columnCount * expectedRows));
  }

  addCell(cell: Cell): void {
    if (this.cellCount === this.lengths.length) this.grow();
    if (cell === null) {
      this.lengths[this.cellCount++] = NULL_LENGTH;
    } else {
      this.lengths[this.cellCount++] = cell.length;
      this.text += cell;
    }
  }

  take(): PackedRows {
    const packed: PackedRows = { columnCount: this.columnCount, text: this.text, lengths: this.lengths.slice(0, this.cellCount) };
    this.text = '';
    this.cellCount = 0;
    return packed;
  }

  private grow(): void {
    const larger = new Int32Array(this.lengths.length * 2);
    larger.set(this.lengths);
    this.lengths = larger;
  }
}

/** Main side: turns a packed batch back into rows of cells. */
function unpackRows(packed: PackedRows): Cell[][] {
  const { columnCount, text, lengths } = packed;
  const rows: Cell[][] = [];
  let offset = 0;
  for (let start = 0; start < lengths.length; start += columnCount) {
    const row: Cell[] = new Array<Cell>(columnCount);
    for (let column = 0; column < columnCount; column++) {
      const length = lengths[start + column];
      if (length === NULL_LENGTH) {
        row[column] = null;
      } else {
        row[column] = text.slice(offset, offset + length);
        offset += length;
      }
    }
    rows.push(row);
  }
  return rows;
}

/** Main side: a packed batch as objects keyed by column name. */
export function unpackObjects(columns: string[], packed: PackedRows): Record<string, Cell>[] {
  return unpackRows(packed).map((row) => {
    const object: Record<string, Cell> = {};
    for (let index = 0; index < columns.length; index++) object[columns[index]] = row[index];
    return object;
  });
}
