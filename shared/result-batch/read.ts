import type { Cell } from '../model/query';
import type { ColumnVector, ResultBatch, Section, TimestampVector } from './format';
import { formatTimestamp } from './timestamp-text';
import { decodeUtf8 } from './utf8';

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/** Binary values as the grid shows and copies them: \x and lowercase hex, every byte. */
export function bytesToHex(bytes: Uint8Array): string {
  const parts = new Array<string>(bytes.length + 1);
  parts[0] = '\\x';
  for (let i = 0; i < bytes.length; i++) parts[i + 1] = HEX[bytes[i]];
  return parts.join('');
}

type Values = Int32Array | BigInt64Array | Float64Array | Uint8Array | Uint32Array;

/**
 * Reads cells of one batch. Typed views are made on first use of a column and values become text
 * only when asked for, so holding a batch costs its bytes and nothing per value.
 */
export class BatchReader {
  readonly rowCount: number;
  readonly columnCount: number;
  private readonly bytes: Uint8Array;
  private readonly views: (Values | undefined)[];
  private readonly stamps = new Map<number, [Int32Array, Float64Array, Int32Array]>();

  constructor(readonly batch: ResultBatch) {
    this.rowCount = batch.rowCount;
    this.columnCount = batch.columns.length;
    // Typed views need aligned offsets; a buffer received at an odd offset is copied once.
    this.bytes = batch.bytes.byteOffset % 8 === 0 ? batch.bytes : batch.bytes.slice();
    this.views = new Array<Values | undefined>(batch.columns.length);
  }

  isNull(row: number, column: number): boolean {
    const nulls = this.batch.columns[column].nulls;
    return nulls !== null && (this.bytes[nulls.offset + (row >>> 3)] & (1 << (row & 7))) !== 0;
  }

  /** The value as display text: the database's own digits, \x-hex for bytes, true/false. */
  cell(row: number, column: number): Cell {
    if (this.isNull(row, column)) return null;
    const vector = this.batch.columns[column];
    switch (vector.kind) {
      case 'text': {
        const offsets = this.view(column, vector) as Uint32Array;
        const start = this.batch.text.offset + offsets[row];
        return decodeUtf8(this.bytes.subarray(start, this.batch.text.offset + offsets[row + 1]));
      }
      case 'bytes':
        return bytesToHex(this.binary(row, column) as Uint8Array);
      case 'bool':
        return this.bytes[vector.values.offset + row] === 1 ? 'true' : 'false';
      case 'timestamp': {
        const [days, micros, offsets] = this.timestampParts(column, vector);
        return formatTimestamp(days[row], micros[row], offsets[row], vector);
      }
      default:
        return String((this.view(column, vector) as Int32Array | BigInt64Array | Float64Array)[row]);
    }
  }

  /** The raw bytes of a binary cell, or null for NULL and non-binary columns. */
  binary(row: number, column: number): Uint8Array | null {
    const vector = this.batch.columns[column];
    if (vector.kind !== 'bytes' || this.isNull(row, column)) return null;
    const offsets = this.view(column, vector) as Uint32Array;
    return this.bytes.subarray(vector.data.offset + offsets[row], vector.data.offset + offsets[row + 1]);
  }

  row(row: number): Cell[] {
    const cells = new Array<Cell>(this.columnCount);
    for (let column = 0; column < this.columnCount; column++) cells[column] = this.cell(row, column);
    return cells;
  }

  rows(from = 0, to = this.rowCount): Cell[][] {
    const rows: Cell[][] = [];
    for (let row = from; row < to; row++) rows.push(this.row(row));
    return rows;
  }

  private timestampParts(column: number, vector: TimestampVector): [Int32Array, Float64Array, Int32Array] {
    let parts = this.stamps.get(column);
    if (!parts) {
      const at = (section: Section) => this.bytes.byteOffset + section.offset;
      const buffer = this.bytes.buffer;
      parts = [new Int32Array(buffer, at(vector.days), this.rowCount), new Float64Array(buffer, at(vector.micros), this.rowCount), new Int32Array(buffer, at(vector.offsets), this.rowCount)];
      this.stamps.set(column, parts);
    }
    return parts;
  }

  private view(column: number, vector: ColumnVector): Values {
    const cached = this.views[column];
    if (cached) return cached;
    const at = (section: Section) => this.bytes.byteOffset + section.offset;
    const buffer = this.bytes.buffer;
    const count = this.rowCount;
    let view: Values;
    switch (vector.kind) {
      case 'text':
      case 'bytes':
        view = new Uint32Array(buffer, at(vector.offsets), count + 1);
        break;
      case 'int32':
        view = new Int32Array(buffer, at(vector.values), count);
        break;
      case 'int64':
        view = new BigInt64Array(buffer, at(vector.values), count);
        break;
      case 'float64':
        view = new Float64Array(buffer, at(vector.values), count);
        break;
      case 'bool':
        view = this.bytes.subarray(vector.values.offset, vector.values.offset + count);
        break;
      case 'timestamp':
        view = this.timestampParts(column, vector)[0];
        break;
    }
    this.views[column] = view;
    return view;
  }
}

/** All rows of a batch as text cells; for tests, exports and small results. */
export function batchRows(batch: ResultBatch): Cell[][] {
  return new BatchReader(batch).rows();
}
