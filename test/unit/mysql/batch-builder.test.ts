import { describe, expect, it } from 'vitest';
import { BATCH_BYTES, BatchBuilder, FIRST_BATCH_ROWS } from '../../../electron/core/drivers/mysql/batch-builder';
import type { ColumnPlan } from '../../../electron/core/drivers/mysql/column-types';
import { batchRows } from '../../../shared/result-batch/read';

const plans: ColumnPlan[] = [
  { kind: 'int32', utf8Json: false, meta: { name: 'n', dataType: 'int', category: 'number' } },
  { kind: 'text', utf8Json: false, meta: { name: 's', dataType: 'varchar', category: 'text' } },
  { kind: 'bytes', utf8Json: false, meta: { name: 'b', dataType: 'blob', category: 'binary' } },
];

describe('MySQL batch builder', () => {
  it('fills the first batch at 1000 rows and encodes the values as the reader shows them', () => {
    const builder = new BatchBuilder(plans);
    for (let row = 1; row < FIRST_BATCH_ROWS; row++) expect(builder.add([row, `r${row}`, null])).toBe(false);
    expect(builder.add([-5, null, new Uint8Array([0, 255])])).toBe(true);
    const batch = builder.take();
    expect(batch.rowCount).toBe(FIRST_BATCH_ROWS);
    const rows = batchRows(batch);
    expect(rows[0]).toEqual(['1', 'r1', null]);
    expect(rows[FIRST_BATCH_ROWS - 1]).toEqual(['-5', null, '\\x00ff']);
    expect(builder.rowCount).toBe(0);
  });

  it('fills later batches by size, about a mebibyte each', () => {
    const builder = new BatchBuilder(plans);
    for (let row = 0; row < FIRST_BATCH_ROWS; row++) builder.add([row, 'x', null]);
    builder.take();
    const wide = 'w'.repeat(1000);
    let rows = 0;
    while (!builder.add([rows, wide, null])) rows++;
    const batch = builder.take();
    expect(batch.rowCount).toBe(rows + 1);
    expect(batch.bytes.byteLength).toBeGreaterThanOrEqual(BATCH_BYTES);
    expect(batch.bytes.byteLength).toBeLessThan(BATCH_BYTES + 8 * 1024);
  });
});
