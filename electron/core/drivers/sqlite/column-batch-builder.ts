import { encodeResultBatch } from '../../../../shared/result-batch/encode';
import type { ResultBatch } from '../../../../shared/result-batch/format';
import { columnInputOf } from './column-input';

/** Bytes a cell is counted as besides its text or blob: about what a number takes in a batch. */
const CELL_OVERHEAD_BYTES = 8;

/** Worker side: collects raw rows column by column and hands them out as ResultBatches. */
export class ColumnBatchBuilder {
  private columns: unknown[][];
  private rows = 0;
  private bytes = 0;

  constructor(private readonly columnCount: number) {
    this.columns = this.emptyColumns();
  }

  get rowCount(): number {
    return this.rows;
  }

  /** A cheap estimate of the batch's encoded size: text length, blob length and a few bytes per cell. */
  get approximateBytes(): number {
    return this.bytes;
  }

  add(row: readonly unknown[]): void {
    let bytes = this.columnCount * CELL_OVERHEAD_BYTES;
    for (let column = 0; column < this.columnCount; column++) {
      const value = row[column];
      this.columns[column].push(value);
      if (typeof value === 'string') bytes += value.length;
      else if (typeof value === 'object' && value !== null) bytes += (value as Uint8Array).byteLength;
    }
    this.rows++;
    this.bytes += bytes;
  }

  take(): ResultBatch {
    const batch = encodeResultBatch(
      this.columns.map((values) => columnInputOf(values, this.rows)),
      this.rows,
    );
    this.columns = this.emptyColumns();
    this.rows = 0;
    this.bytes = 0;
    return batch;
  }

  private emptyColumns(): unknown[][] {
    return Array.from({ length: this.columnCount }, () => []);
  }
}
