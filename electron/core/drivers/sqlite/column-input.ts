import type { ColumnInput } from '../../../../shared/result-batch/encode';
import { valueToCell } from './value-text';

const INT32_MIN = -2147483648n;
const INT32_MAX = 2147483647n;
const SAFE_MIN = BigInt(Number.MIN_SAFE_INTEGER);
const SAFE_MAX = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * One column's values of a batch (better-sqlite3 with safe integers: INTEGER is a bigint, REAL a
 * number, BLOB a Buffer) in the narrowest vector that holds every non-null value exactly. A column
 * whose rows mix REAL with integers a double holds exactly is float64; any other mix of storage
 * classes becomes text, each value as the grid would show it.
 */
export function columnInputOf(values: readonly unknown[], rowCount: number): ColumnInput {
  let bigints = 0;
  let int32s = 0;
  let safeBigints = 0;
  let numbers = 0;
  let blobs = 0;
  let strings = 0;
  let present = 0;
  for (let row = 0; row < rowCount; row++) {
    const value = values[row];
    if (value === null || value === undefined) continue;
    present++;
    switch (typeof value) {
      case 'string':
        strings++;
        break;
      case 'bigint':
        bigints++;
        if (value >= INT32_MIN && value <= INT32_MAX) int32s++;
        if (value >= SAFE_MIN && value <= SAFE_MAX) safeBigints++;
        break;
      case 'number':
        numbers++;
        break;
      default:
        if (value instanceof Uint8Array) blobs++;
    }
  }
  if (present === 0 || strings === present) return { kind: 'text', values: values as ArrayLike<string | null> };
  if (int32s === present) return { kind: 'int32', values: convert(values, rowCount, Number) };
  if (bigints === present) return { kind: 'int64', values: values as ArrayLike<bigint | null> };
  if (numbers === present) return { kind: 'float64', values: values as ArrayLike<number | null> };
  // NUMERIC affinity stores whole values as INTEGER and others as REAL: as doubles they show exactly as each alone would.
  if (numbers + safeBigints === present) return { kind: 'float64', values: convert(values, rowCount, Number) };
  if (blobs === present) return { kind: 'bytes', values: values as ArrayLike<Uint8Array | null> };
  return { kind: 'text', values: convert(values, rowCount, valueToCell) };
}

function convert<T>(values: readonly unknown[], rowCount: number, toValue: (value: never) => T): (T | null)[] {
  const converted = new Array<T | null>(rowCount);
  for (let row = 0; row < rowCount; row++) {
    const value = values[row];
    converted[row] = value === null || value === undefined ? null : toValue(value as never);
  }
  return converted;
}
