import type { ColumnVector, ResultBatch, Section } from './format';
import { encodeUtf8, utf8Length } from './utf8';

/** One column's values for a batch, in row order; null is SQL NULL. */
export type ColumnInput =
  | { kind: 'text'; values: ArrayLike<string | null> }
  | { kind: 'bytes'; values: ArrayLike<Uint8Array | null> }
  | { kind: 'int32'; values: ArrayLike<number | null> }
  | { kind: 'int64'; values: ArrayLike<bigint | null> }
  | { kind: 'float64'; values: ArrayLike<number | null> }
  | { kind: 'bool'; values: ArrayLike<boolean | null> }
  /** `values` only tells nulls apart; the parts of row i are days[i], micros[i] and offsets[i]. */
  | { kind: 'timestamp'; time: boolean; zone: boolean; values: ArrayLike<unknown>; days: Int32Array; micros: Float64Array; offsets: Int32Array };

const align8 = (n: number) => (n + 7) & ~7;

/** Lays out sections back to back, each on an 8-byte boundary. */
class Layout {
  size = 0;
  add(length: number): Section {
    const section = { offset: this.size, length };
    this.size = align8(this.size + length);
    return section;
  }
}

interface Planned {
  vector: ColumnVector;
  write(bytes: Uint8Array): void;
}

function nullBitmap(values: ArrayLike<unknown>, rowCount: number): Uint8Array | null {
  let bitmap: Uint8Array | null = null;
  for (let row = 0; row < rowCount; row++) {
    if (values[row] !== null && values[row] !== undefined) continue;
    bitmap ??= new Uint8Array((rowCount + 7) >>> 3);
    bitmap[row >>> 3] |= 1 << (row & 7);
  }
  return bitmap;
}

/** Builds one batch from column arrays; every column's text lands in the batch's one text section. */
export function encodeResultBatch(columns: readonly ColumnInput[], rowCount: number): ResultBatch {
  const layout = new Layout();
  const planned: Planned[] = [];

  // Each text column is concatenated into one string (V8 builds it as a rope, far cheaper than
  // push + join) and encoded in one pass; for pure ASCII the character offsets are the byte offsets.
  const textColumns: { offsets: Uint32Array; bytes: Uint8Array }[] = [];
  let textLength = 0;
  for (const column of columns) {
    if (column.kind !== 'text') continue;
    const values = column.values;
    const offsets = new Uint32Array(rowCount + 1);
    let joined = '';
    let chars = 0;
    for (let row = 0; row < rowCount; row++) {
      const value = values[row];
      if (value !== null && value !== undefined) {
        joined += value;
        chars += value.length;
      }
      offsets[row + 1] = chars;
    }
    const bytes = encodeUtf8(joined);
    if (bytes.length !== chars) {
      let position = 0;
      for (let row = 0; row < rowCount; row++) {
        const value = values[row];
        if (value !== null && value !== undefined) position += utf8Length(value);
        offsets[row + 1] = position;
      }
    }
    if (textLength > 0) for (let row = 0; row <= rowCount; row++) offsets[row] += textLength;
    textColumns.push({ offsets, bytes });
    textLength += bytes.length;
  }
  const text = layout.add(textLength);

  let textIndex = 0;
  for (const column of columns) {
    const bitmap = nullBitmap(column.values, rowCount);
    const nulls = bitmap ? layout.add(bitmap.length) : null;
    const writeNulls = (bytes: Uint8Array) => {
      if (bitmap && nulls) bytes.set(bitmap, nulls.offset);
    };
    switch (column.kind) {
      case 'text': {
        const { offsets } = textColumns[textIndex++];
        const section = layout.add(offsets.byteLength);
        planned.push({
          vector: { kind: 'text', nulls, offsets: section },
          write: (bytes) => {
            writeNulls(bytes);
            new Uint32Array(bytes.buffer, bytes.byteOffset + section.offset, offsets.length).set(offsets);
          },
        });
        break;
      }
      case 'bytes': {
        const offsets = new Uint32Array(rowCount + 1);
        for (let row = 0; row < rowCount; row++) offsets[row + 1] = offsets[row] + (column.values[row]?.byteLength ?? 0);
        const offsetSection = layout.add(offsets.byteLength);
        const data = layout.add(offsets[rowCount]);
        const values = column.values;
        planned.push({
          vector: { kind: 'bytes', nulls, offsets: offsetSection, data },
          write: (bytes) => {
            writeNulls(bytes);
            new Uint32Array(bytes.buffer, bytes.byteOffset + offsetSection.offset, offsets.length).set(offsets);
            for (let row = 0; row < rowCount; row++) {
              const value = values[row];
              if (value) bytes.set(value, data.offset + offsets[row]);
            }
          },
        });
        break;
      }
      case 'int32':
      case 'float64': {
        const width = column.kind === 'int32' ? 4 : 8;
        const section = layout.add(rowCount * width);
        const values = column.values;
        const kind = column.kind;
        planned.push({
          vector: { kind, nulls, values: section },
          write: (bytes) => {
            writeNulls(bytes);
            const target =
              kind === 'int32'
                ? new Int32Array(bytes.buffer, bytes.byteOffset + section.offset, rowCount)
                : new Float64Array(bytes.buffer, bytes.byteOffset + section.offset, rowCount);
            for (let row = 0; row < rowCount; row++) target[row] = values[row] ?? 0;
          },
        });
        break;
      }
      case 'int64': {
        const section = layout.add(rowCount * 8);
        const values = column.values;
        planned.push({
          vector: { kind: 'int64', nulls, values: section },
          write: (bytes) => {
            writeNulls(bytes);
            const target = new BigInt64Array(bytes.buffer, bytes.byteOffset + section.offset, rowCount);
            for (let row = 0; row < rowCount; row++) target[row] = values[row] ?? 0n;
          },
        });
        break;
      }
      case 'timestamp': {
        const days = layout.add(rowCount * 4);
        const micros = layout.add(rowCount * 8);
        const offsets = layout.add(rowCount * 4);
        const input = column;
        planned.push({
          vector: { kind: 'timestamp', nulls, time: input.time, zone: input.zone, days, micros, offsets },
          write: (bytes) => {
            writeNulls(bytes);
            new Int32Array(bytes.buffer, bytes.byteOffset + days.offset, rowCount).set(input.days.subarray(0, rowCount));
            new Float64Array(bytes.buffer, bytes.byteOffset + micros.offset, rowCount).set(input.micros.subarray(0, rowCount));
            new Int32Array(bytes.buffer, bytes.byteOffset + offsets.offset, rowCount).set(input.offsets.subarray(0, rowCount));
          },
        });
        break;
      }
      case 'bool': {
        const section = layout.add(rowCount);
        const values = column.values;
        planned.push({
          vector: { kind: 'bool', nulls, values: section },
          write: (bytes) => {
            writeNulls(bytes);
            for (let row = 0; row < rowCount; row++) bytes[section.offset + row] = values[row] ? 1 : 0;
          },
        });
        break;
      }
    }
  }

  const bytes = new Uint8Array(new ArrayBuffer(layout.size));
  let textPosition = text.offset;
  for (const column of textColumns) {
    bytes.set(column.bytes, textPosition);
    textPosition += column.bytes.length;
  }
  for (const column of planned) column.write(bytes);
  return { rowCount, columns: planned.map((column) => column.vector), text, bytes };
}
