import type { ResultBatch } from '../../../../shared/result-batch/format';

/** A small first read paints the first rows quickly. */
export const FIRST_READ_ROWS = 1000;
/** Later reads aim at batches of about this many encoded bytes. */
const TARGET_BATCH_BYTES = 1024 * 1024;
const MIN_READ_ROWS = 256;
const MAX_READ_ROWS = 50_000;

/** Rows to read next so the next batch is about 1 MiB, judged by the bytes per row of the last one. */
export function nextReadSize(previous: ResultBatch): number {
  const bytesPerRow = previous.bytes.byteLength / previous.rowCount;
  const rows = Math.round(TARGET_BATCH_BYTES / bytesPerRow);
  return Math.min(MAX_READ_ROWS, Math.max(MIN_READ_ROWS, rows));
}
