import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { createSerializer } from '../../../shared/export/create-serializer';
import { cellRowsSource } from '../../../shared/export/row-source';
import { serializeAll } from '../../../shared/export/serializer';
import { bytesToHex } from '../../../shared/result-batch/read';
import { ALL_BYTES, COLUMNS, hostileBatch, INT64_MAX, INT64_MIN, NOTES, NUMERIC_40 } from './fixtures';

describe('CSV export', () => {
  it('quotes fields with delimiters, quotes and line breaks, and keeps NULL apart from the empty string', () => {
    const columns = [{ name: 'v', dataType: 'text', category: 'text' as const }];
    const rows = [['a,b'], ['say "hi"'], ['two\nlines'], [''], [null], ['plain']];
    const csv = serializeAll(createSerializer('csv', columns), [cellRowsSource(rows, columns)]);
    expect(csv).toBe('v\r\n"a,b"\r\n"say ""hi"""\r\n"two\nlines"\r\n""\r\n\r\nplain\r\n');
  });

  it('round-trips hostile values exactly through a CSV parser, numbers and binary included', () => {
    const reader = hostileBatch();
    const csv = serializeAll(createSerializer('csv', COLUMNS), [reader]);
    const parsed = Papa.parse<string[]>(csv, { skipEmptyLines: false }).data.slice(0, -1);
    expect(parsed[0]).toEqual(COLUMNS.map((c) => c.name));
    const expected = reader.rows().map((row) => row.map((cell) => cell ?? ''));
    expect(parsed.slice(1)).toEqual(expected);
    expect(parsed[1][0]).toBe(INT64_MIN.toString());
    expect(parsed[2][0]).toBe(INT64_MAX.toString());
    expect(parsed[1][1]).toBe(NUMERIC_40);
    expect(parsed[1][3]).toBe(bytesToHex(ALL_BYTES));
    expect(parsed[1][2]).toBe(NOTES[0]);
    expect(parsed[6][2]).toBe(NOTES[5]);
  });

  it('uses the chosen delimiter and can leave out the header', () => {
    const columns = [
      { name: 'a', dataType: 'text', category: 'text' as const },
      { name: 'b', dataType: 'text', category: 'text' as const },
    ];
    const csv = serializeAll(createSerializer('csv', columns, { delimiter: ';', header: false }), [cellRowsSource([['x;y', 'z,w']], columns)]);
    expect(csv).toBe('"x;y";z,w\r\n');
  });

  it('refuses a delimiter that would make the file ambiguous', () => {
    expect(() => createSerializer('csv', COLUMNS, { delimiter: '"' })).toThrow(/delimiter/);
    expect(() => createSerializer('csv', COLUMNS, { delimiter: '\n' })).toThrow(/delimiter/);
    expect(() => createSerializer('csv', COLUMNS, { delimiter: ';;' })).toThrow(/delimiter/);
  });

  it('writes binary as base64 when asked', () => {
    const csv = serializeAll(createSerializer('csv', COLUMNS, { binary: 'base64' }), [hostileBatch()]);
    const parsed = Papa.parse<string[]>(csv).data;
    expect(atob(parsed[1][3])).toBe(String.fromCharCode(...ALL_BYTES));
    expect(parsed[2][3]).toBe('');
  });

  it('writes the rows of several blocks and parts of blocks in order', () => {
    const columns = [{ name: 'n', dataType: 'int4', category: 'number' as const }];
    const serializer = createSerializer('csv', columns);
    const source = cellRowsSource([['1'], ['2'], ['3']], columns);
    const text = serializer.begin() + serializer.rows(source, 0, 2) + serializer.rows(source, 2, 3) + serializer.end();
    expect(text).toBe('n\r\n1\r\n2\r\n3\r\n');
  });
});

describe('TSV export', () => {
  it('separates with tabs and quotes values holding tabs or line breaks', () => {
    const reader = hostileBatch();
    const tsv = serializeAll(createSerializer('tsv', COLUMNS), [reader]);
    expect(tsv.split('\n')[0]).toBe('id\tamount\tnote\tdata\tflag\tdoc');
    const parsed = Papa.parse<string[]>(tsv, { delimiter: '\t' }).data.slice(0, -1);
    expect(parsed.slice(1)).toEqual(reader.rows().map((row) => row.map((cell) => cell ?? '')));
  });
});
