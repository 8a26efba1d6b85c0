import type { ColumnInput } from '../../../shared/result-batch/encode';
import { encodeResultBatch } from '../../../shared/result-batch/encode';
import type { ResultBatch, VectorKind } from '../../../shared/result-batch/format';
import { BatchReader } from '../../../shared/result-batch/read';

/**
 * The first `maxRows` rows and `columnCount` columns of a statement's batches as one batch. A column
 * keeps the kind the driver gave it when every batch holding a value there agrees; a column whose kind
 * changed between batches (SQLite picks kinds per batch) and date-times become text, each value as
 * it is shown.
 */
export function joinBatches(batches: ResultBatch[], columnCount: number, maxRows: number): ResultBatch {
  const readers = batches.map((batch) => new BatchReader(batch));
  const rowCount = Math.min(maxRows, readers.reduce((sum, reader) => sum + reader.rowCount, 0));
  if (readers.length === 1 && readers[0].rowCount === rowCount && readers[0].columnCount === columnCount) return batches[0];
  const kinds: VectorKind[] = Array.from({ length: columnCount }, (_, column) => {
    // A batch with only NULLs in the column says nothing of its kind (SQLite calls it text).
    const seen = new Set(readers.filter((reader) => holdsValue(reader, column)).map((reader) => reader.batch.columns[column]?.kind ?? 'text'));
    const [only] = seen;
    return seen.size === 1 && only !== 'timestamp' ? only : 'text';
  });
  const columns = kinds.map((kind, column) => columnInput(kind, readers, column, rowCount));
  return encodeResultBatch(columns, rowCount);
}

function holdsValue(reader: BatchReader, column: number): boolean {
  if (column >= reader.columnCount) return false;
  for (let row = 0; row < reader.rowCount; row++) if (!reader.isNull(row, column)) return true;
  return false;
}

function columnInput(kind: VectorKind, readers: BatchReader[], column: number, rowCount: number): ColumnInput {
  const read = <T>(value: (reader: BatchReader, row: number) => T): (T | null)[] => {
    const values: (T | null)[] = [];
    for (const reader of readers) {
      for (let row = 0; row < reader.rowCount && values.length < rowCount; row++) {
        values.push(reader.isNull(row, column) ? null : value(reader, row));
      }
    }
    return values;
  };
  const text = (reader: BatchReader, row: number) => reader.cell(row, column) as string;
  switch (kind) {
    case 'text':
    case 'timestamp':
      return { kind: 'text', values: read(text) };
    case 'bytes':
      return { kind, values: read((reader, row) => reader.binary(row, column) as Uint8Array) };
    case 'int32':
    case 'float64':
      return { kind, values: read((reader, row) => Number(text(reader, row))) };
    case 'int64':
      return { kind, values: read((reader, row) => BigInt(text(reader, row))) };
    case 'bool':
      return { kind, values: read((reader, row) => text(reader, row) === 'true') };
  }
}
