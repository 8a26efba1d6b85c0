/**
 * ResultBatch: a block of result rows, column by column, in one byte buffer.
 *
 * Numbers, booleans and date-times are typed arrays, text is UTF-8 with offsets, binary values are their raw
 * bytes with offsets, and every column has a null bitmap. The buffer crosses processes as one
 * ArrayBuffer (structured clone over Electron IPC, a binary frame over the WebSocket), so nothing
 * is parsed or copied per value on the way. Values become display text only when a cell is read.
 */

/** Where a part of the batch lies in `bytes`; every section starts on an 8-byte boundary. */
export interface Section {
  offset: number;
  length: number;
}

interface VectorBase {
  /** Bit i (LSB first) set means row i is null; null when the column has no nulls in this batch. */
  nulls: Section | null;
}

/** UTF-8 text: rowCount + 1 Uint32 byte offsets into the batch's shared text section. */
export interface TextVector extends VectorBase {
  kind: 'text';
  offsets: Section;
}
/** Raw bytes (bytea, BLOB): rowCount + 1 Uint32 offsets into `data`; shown as \x-prefixed hex. */
export interface BytesVector extends VectorBase {
  kind: 'bytes';
  offsets: Section;
  data: Section;
}
/** Int32Array values. */
export interface Int32Vector extends VectorBase {
  kind: 'int32';
  values: Section;
}
/** BigInt64Array values: 64-bit integers that keep every digit. */
export interface Int64Vector extends VectorBase {
  kind: 'int64';
  values: Section;
}
/** Float64Array values. */
export interface Float64Vector extends VectorBase {
  kind: 'float64';
  values: Section;
}
/** One byte per row, 0 or 1. */
export interface BoolVector extends VectorBase {
  kind: 'bool';
  values: Section;
}
/**
 * Dates and date-times (see timestamp-text.ts): Int32 days since 1970-01-01, Float64 microseconds
 * into the day (whole numbers, exact) and Int32 UTC offsets in seconds.
 */
export interface TimestampVector extends VectorBase {
  kind: 'timestamp';
  /** Has a time of day (timestamp, timestamptz) rather than a date only. */
  time: boolean;
  /** Ends with its UTC offset (timestamptz). */
  zone: boolean;
  days: Section;
  micros: Section;
  offsets: Section;
}

export type ColumnVector = TextVector | BytesVector | Int32Vector | Int64Vector | Float64Vector | BoolVector | TimestampVector;
export type VectorKind = ColumnVector['kind'];

export interface ResultBatch {
  rowCount: number;
  columns: ColumnVector[];
  /** The UTF-8 bytes every text column's offsets point into. */
  text: Section;
  bytes: Uint8Array;
}

export const VECTOR_KINDS: readonly VectorKind[] = ['text', 'bytes', 'int32', 'int64', 'float64', 'bool', 'timestamp'];

/** Bytes a batch occupies in memory and on the wire (its metadata is a few bytes per column). */
export function batchByteLength(batch: ResultBatch): number {
  return batch.bytes.byteLength;
}
