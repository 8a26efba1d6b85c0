import type { Cell } from '../../../../shared/model/query';
import { encodeResultBatch, type ColumnInput } from '../../../../shared/result-batch/encode';
import type { ResultBatch } from '../../../../shared/result-batch/format';
import { parseTimestampInto, type TimestampShape } from '../../../../shared/result-batch/timestamp-text';
import { decodeByteaText } from './bytea-text';
import { BUILTIN_TYPE_NAMES } from './type-names';

/** How a PostgreSQL column travels in a ResultBatch. Types not listed keep the server's exact text. */
export type PostgresColumnKind = 'int32' | 'bool' | 'bytes' | 'date' | 'timestamp' | 'timestamptz' | 'text';

const KIND_BY_TYPE_NAME: Readonly<Record<string, PostgresColumnKind>> = {
  int2: 'int32',
  int4: 'int32',
  bool: 'bool',
  bytea: 'bytes',
  date: 'date',
  timestamp: 'timestamp',
  timestamptz: 'timestamptz',
};

const TIMESTAMP_SHAPES: Readonly<Record<'date' | 'timestamp' | 'timestamptz', TimestampShape>> = {
  date: { time: false, zone: false },
  timestamp: { time: true, zone: false },
  timestamptz: { time: true, zone: true },
};

export function columnKindOfType(typeOid: number): PostgresColumnKind {
  const name = BUILTIN_TYPE_NAMES.get(typeOid);
  return (name !== undefined && KIND_BY_TYPE_NAME[name]) || 'text';
}

/** Turns rows of server text (pg-cursor, rowMode array) into one columnar batch, one pass per column. */
export function buildResultBatch(rows: readonly Cell[][], kinds: readonly PostgresColumnKind[]): ResultBatch {
  const columns = kinds.map((kind, column) => columnInput(rows, column, kind));
  return encodeResultBatch(columns, rows.length);
}

function columnInput(rows: readonly Cell[][], column: number, kind: PostgresColumnKind): ColumnInput {
  const rowCount = rows.length;
  switch (kind) {
    case 'int32': {
      const values = new Array<number | null>(rowCount);
      for (let row = 0; row < rowCount; row++) {
        const text = rows[row][column];
        values[row] = text === null ? null : Number(text);
      }
      return { kind, values };
    }
    case 'bool': {
      const values = new Array<boolean | null>(rowCount);
      for (let row = 0; row < rowCount; row++) {
        const text = rows[row][column];
        values[row] = text === null ? null : text === 't';
      }
      return { kind, values };
    }
    case 'bytes': {
      const values = new Array<Uint8Array | null>(rowCount);
      for (let row = 0; row < rowCount; row++) {
        const text = rows[row][column];
        values[row] = text === null ? null : decodeByteaText(text);
      }
      return { kind, values };
    }
    case 'date':
    case 'timestamp':
    case 'timestamptz':
      return timestampInput(rows, column, TIMESTAMP_SHAPES[kind]) ?? textInput(rows, column);
    case 'text':
      return textInput(rows, column);
  }
}

function textInput(rows: readonly Cell[][], column: number): ColumnInput {
  const values = new Array<string | null>(rows.length);
  for (let row = 0; row < rows.length; row++) values[row] = rows[row][column];
  return { kind: 'text', values };
}

/**
 * The column as typed date-times, or null when any value is not in the canonical ISO form (another
 * DateStyle, BC, infinity): then the whole column of this batch stays the server's text.
 */
function timestampInput(rows: readonly Cell[][], column: number, shape: TimestampShape): ColumnInput | null {
  const rowCount = rows.length;
  const values = new Array<string | null>(rowCount);
  const parts = { days: new Int32Array(rowCount), micros: new Float64Array(rowCount), offsets: new Int32Array(rowCount) };
  for (let row = 0; row < rowCount; row++) {
    const text = rows[row][column];
    values[row] = text;
    if (text !== null && !parseTimestampInto(text, shape, parts, row)) return null;
  }
  return { kind: 'timestamp', ...shape, values, ...parts };
}
