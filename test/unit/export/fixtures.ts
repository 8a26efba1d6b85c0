import { encodeResultBatch } from '../../../shared/result-batch/encode';
import { BatchReader } from '../../../shared/result-batch/read';
import type { ExportColumn } from '../../../shared/export/row-source';

export const ALL_BYTES = Uint8Array.from({ length: 256 }, (_, i) => i);
export const NUMERIC_40 = '-1234567890123456789012345678901234.567890';
export const INT64_MIN = -9223372036854775808n;
export const INT64_MAX = 9223372036854775807n;

export const COLUMNS: ExportColumn[] = [
  { name: 'id', dataType: 'int8', category: 'number' },
  { name: 'amount', dataType: 'numeric', category: 'number' },
  { name: 'note', dataType: 'text', category: 'text' },
  { name: 'data', dataType: 'bytea', category: 'binary' },
  { name: 'flag', dataType: 'bool', category: 'boolean' },
  { name: 'doc', dataType: 'jsonb', category: 'json' },
];

/** Hostile values, one per row, in a real ResultBatch as the drivers build them. */
export const NOTES = ['say "hi", then\tleave', 'line1\nline2\r\nline3\rend', 'pipe | and \\ back', '', null, 'ünïcødé 🐘 日本', "it's", '$1 ? `x` ;'];

export function hostileBatch(): BatchReader {
  const rows = NOTES.length;
  const ids = [INT64_MIN, INT64_MAX, 0n, 1n, null, -1n, 42n, 7n];
  const amounts = [NUMERIC_40, '0.000000000000000000000000000000000000001', 'NaN', '-0', null, '1e5', '3', '4'];
  const data = [ALL_BYTES, new Uint8Array(0), null, Uint8Array.of(0xff), Uint8Array.of(0), Uint8Array.of(1, 2), null, Uint8Array.of(0x5c, 0x27)];
  const flags = [true, false, null, true, false, true, false, true];
  const docs = ['{"a": [1, 2.50]}', null, '"s"', '1', 'null', '[]', '{}', '{"k":"v\\"q"}'];
  return new BatchReader(
    encodeResultBatch(
      [
        { kind: 'int64', values: ids },
        { kind: 'text', values: amounts },
        { kind: 'text', values: NOTES },
        { kind: 'bytes', values: data },
        { kind: 'bool', values: flags },
        { kind: 'text', values: docs },
      ],
      rows,
    ),
  );
}
