import { describe, expect, it } from 'vitest';
import { decodeBinaryFrame, encodeBinaryFrame } from '../../../shared/ipc/binary-frame';
import { carriesByteArrays } from '../../../shared/ipc/wire';
import { encodeResultBatch } from '../../../shared/result-batch/encode';
import { batchRows } from '../../../shared/result-batch/read';
import type { TableRowsPage } from '../../../shared/sql/table-query';
import { joinBatches } from '../../../electron/core/table-data/join-batches';

describe('a table page on the wire', () => {
  const first = encodeResultBatch([{ kind: 'int32', values: [1, 2] }, { kind: 'text', values: ['ä', null] }, { kind: 'bytes', values: [new Uint8Array([0, 255]), null] }], 2);
  const second = encodeResultBatch([{ kind: 'int32', values: [3, null] }, { kind: 'text', values: ['c', 'd'] }, { kind: 'bytes', values: [null, new Uint8Array([7])] }], 2);

  it('joins the driver batches and cuts them at the page size, keeping every value', () => {
    const joined = joinBatches([first, second], 3, 3);
    expect(batchRows(joined)).toEqual([
      ['1', 'ä', '\\x00ff'],
      ['2', null, null],
      ['3', 'c', null],
    ]);
    expect(joined.columns.map((column) => column.kind)).toEqual(['int32', 'text', 'bytes']);
    expect(batchRows(joinBatches([], 2, 10))).toEqual([]);
  });

  it('travels as a binary frame and decodes to the same rows', () => {
    const page: TableRowsPage = { columns: [], keyColumns: ['id'], readOnlyReason: null, batches: [joinBatches([first, second], 3, 4)], offset: 0, hasMore: false };
    const message = { kind: 'reply' as const, id: 1, result: { ok: true as const, value: page } };
    expect(carriesByteArrays(message)).toBe(true);
    const decoded = decodeBinaryFrame(encodeBinaryFrame(message)) as typeof message;
    expect(batchRows(decoded.result.value.batches[0])).toEqual(batchRows(page.batches[0]));
  });
});
