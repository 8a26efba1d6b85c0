import type { ResultBatch } from '../../../shared/result-batch/format';
import { BatchReader } from '../../../shared/result-batch/read';

/**
 * [row, column] of every blob among the first `maxRows` rows, read from the blob-mask column SQLite
 * page SELECTs end with (one '1' or '0' per column).
 */
export function blobCellsOf(batches: ResultBatch[], maskColumn: number, maxRows: number): [number, number][] {
  const cells: [number, number][] = [];
  let pageRow = 0;
  for (const batch of batches) {
    const reader = new BatchReader(batch);
    for (let row = 0; row < reader.rowCount && pageRow < maxRows; row++, pageRow++) {
      const mask = reader.cell(row, maskColumn) ?? '';
      for (let column = mask.indexOf('1'); column !== -1; column = mask.indexOf('1', column + 1)) cells.push([pageRow, column]);
    }
  }
  return cells;
}

/**
 * [row, column] of every non-null value in the page's binary columns: the blobs a page without a mask
 * still shows for certain (a column mixing blobs with other values travels as text).
 */
export function blobCellsOfKinds(page: ResultBatch): [number, number][] {
  const reader = new BatchReader(page);
  const cells: [number, number][] = [];
  page.columns.forEach((vector, column) => {
    if (vector.kind !== 'bytes') return;
    for (let row = 0; row < reader.rowCount; row++) if (!reader.isNull(row, column)) cells.push([row, column]);
  });
  return cells;
}
