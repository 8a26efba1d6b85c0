import { encodeResultBatch, type ColumnInput } from '../../../../shared/result-batch/encode';
import type { ResultBatch } from '../../../../shared/result-batch/format';
import type { CellValue } from './cell-reader';
import type { ColumnPlan } from './column-types';

/** A small first batch paints the first rows quickly; later ones are about this size, for throughput. */
export const FIRST_BATCH_ROWS = 1000;
export const BATCH_BYTES = 1024 * 1024;
/** Offsets and typed values cost about this much per cell besides the value's own bytes. */
const CELL_OVERHEAD_BYTES = 4;

/** Collects rows column by column until a batch is full, then encodes it. */
export class BatchBuilder {
  private columns: CellValue[][];
  private rows = 0;
  private bytes = 0;
  private batches = 0;

  constructor(private readonly plans: readonly ColumnPlan[]) {
    this.columns = plans.map(() => []);
  }

  get rowCount(): number {
    return this.rows;
  }

  /** Adds one row; true when the batch is full and should be taken. */
  add(row: readonly CellValue[]): boolean {
    let bytes = this.bytes;
    for (let column = 0; column < this.columns.length; column++) {
      const value = row[column] ?? null;
      this.columns[column].push(value);
      if (value === null) continue;
      bytes += CELL_OVERHEAD_BYTES + (typeof value === 'string' ? value.length : typeof value === 'number' ? 0 : value.byteLength);
    }
    this.bytes = bytes;
    this.rows++;
    return this.batches === 0 ? this.rows >= FIRST_BATCH_ROWS : this.bytes >= BATCH_BYTES;
  }

  /** The rows added so far as one batch; the builder starts empty again. */
  take(): ResultBatch {
    const inputs = this.plans.map((plan, column) => ({ kind: plan.kind, values: this.columns[column] }) as ColumnInput);
    const batch = encodeResultBatch(inputs, this.rows);
    this.columns = this.plans.map(() => []);
    this.rows = 0;
    this.bytes = 0;
    this.batches++;
    return batch;
  }

  /** Drops the rows added so far. */
  clear(): void {
    this.columns = this.plans.map(() => []);
    this.rows = 0;
    this.bytes = 0;
  }
}
