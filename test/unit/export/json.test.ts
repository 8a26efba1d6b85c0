import { describe, expect, it } from 'vitest';
import { createSerializer } from '../../../shared/export/create-serializer';
import { cellRowsSource } from '../../../shared/export/row-source';
import { serializeAll } from '../../../shared/export/serializer';
import { bytesToHex } from '../../../shared/result-batch/read';
import { ALL_BYTES, COLUMNS, hostileBatch, INT64_MAX, INT64_MIN, NOTES, NUMERIC_40 } from './fixtures';

describe('JSON export', () => {
  it('writes an array of objects with exact numbers, true/false, strings and json text as strings', () => {
    const json = serializeAll(createSerializer('json', COLUMNS), [hostileBatch()]);
    const rows = JSON.parse(json) as Record<string, unknown>[];
    expect(rows).toHaveLength(NOTES.length);
    expect(rows.map((row) => row.note)).toEqual(NOTES);
    expect(rows[0].data).toBe(bytesToHex(ALL_BYTES));
    expect(rows[0].flag).toBe(true);
    expect(rows[2].flag).toBe(null);
    expect(rows[0].doc).toBe('{"a": [1, 2.50]}');
    expect(rows[2].amount).toBe('NaN');
    expect(json).toContain(`"id":${INT64_MIN}`);
    expect(json).toContain(`"id":${INT64_MAX}`);
    expect(json).toContain(`"amount":${NUMERIC_40}`);
    expect(json).toContain(`"amount":0.000000000000000000000000000000000000001`);
  });

  it('frames the array with one object per line', () => {
    const json = serializeAll(createSerializer('json', COLUMNS), [hostileBatch()]);
    expect(json.startsWith('[\n{"id":-9223372036854775808,')).toBe(true);
    expect(json.endsWith('}\n]\n')).toBe(true);
    expect(json.split('\n')).toHaveLength(NOTES.length + 3);
  });

  it('writes an empty result as an empty array and binary as base64 when asked', () => {
    expect(serializeAll(createSerializer('json', COLUMNS), [])).toBe('[]\n');
    const rows = JSON.parse(serializeAll(createSerializer('json', COLUMNS, { binary: 'base64' }), [hostileBatch()])) as Record<string, unknown>[];
    expect(atob(rows[0].data as string)).toBe(String.fromCharCode(...ALL_BYTES));
    expect(rows[1].data).toBe('');
  });

  it('gives repeated column names distinct keys', () => {
    const columns = [
      { name: 'id', dataType: 'int4', category: 'number' as const },
      { name: 'id', dataType: 'int4', category: 'number' as const },
    ];
    expect(JSON.parse(serializeAll(createSerializer('json', columns), [cellRowsSource([['1', '2']], columns)]))).toEqual([{ id: 1, id_2: 2 }]);
  });
});

describe('NDJSON export', () => {
  it('writes one object per line, line breaks inside values escaped', () => {
    const ndjson = serializeAll(createSerializer('ndjson', COLUMNS), [hostileBatch()]);
    const lines = ndjson.split('\n');
    expect(lines).toHaveLength(NOTES.length + 1);
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(0, -1).map((line) => (JSON.parse(line) as { note: unknown }).note)).toEqual(NOTES);
  });
});
