import { describe, expect, it } from 'vitest';
import { autoMapColumns, duplicateTarget, mappedValues, targetColumns } from '../../../renderer/features/import/column-mapping';
import { LineCounter, isBlankRecord } from '../../../renderer/features/import/csv-lines';
import { guessFormat, readCsvRecords } from '../../../renderer/features/import/csv-stream';
import { looksLikeHeader } from '../../../renderer/features/import/header-detection';
import { previewProblems, valueKindOf } from '../../../renderer/features/import/type-checks';
import type { ColumnInfo } from '../../../shared/model/schema';

const column = (name: string, dataType: string, nullable = true): ColumnInfo => ({ name, dataType, nullable, defaultValue: null, primaryKeyPosition: null });

describe('header detection', () => {
  it('takes names over data as a header', () => {
    expect(looksLikeHeader([['id', 'name', 'born'], ['1', 'Ada', '1815-12-10']])).toBe(true);
    expect(looksLikeHeader([['1', 'Ada', '1815-12-10'], ['2', 'Grace', '1906-12-09']])).toBe(false);
  });

  it('refuses empty or repeated names, and recognises the table’s own column names in an all-text file', () => {
    expect(looksLikeHeader([['id', '', 'x'], ['1', '2', '3']])).toBe(false);
    expect(looksLikeHeader([['name', 'Name'], ['a', 'b']])).toBe(false);
    expect(looksLikeHeader([['city', 'country'], ['Paris', 'France']], ['City'])).toBe(true);
    expect(looksLikeHeader([['true', 'false'], ['x', 'y']])).toBe(false);
  });
});

describe('delimiter and line-break detection', () => {
  it.each([
    ['a;b;c\r\n1;2;3\r\n', ';', '\r\n'],
    ['a\tb\n1\t2\n', '\t', '\n'],
    ['a,b\n1,2', ',', '\n'],
  ])('guesses the format of %j', (sample, delimiter, newline) => {
    expect(guessFormat(sample)).toEqual({ delimiter, newline });
  });
});

describe('column mapping', () => {
  const table = ['id', 'Full Name', 'email'];

  it('matches header names exactly, then ignoring case and blanks, and skips the rest', () => {
    expect(autoMapColumns(4, ['ID', ' full name ', 'phone', 'email'], table)).toEqual(['id', 'Full Name', null, 'email']);
  });

  it('maps by position without a header and never gives a table column twice', () => {
    expect(autoMapColumns(4, null, table)).toEqual(['id', 'Full Name', 'email', null]);
    expect(autoMapColumns(2, ['id', 'ID'], table)).toEqual(['id', null]);
    expect(duplicateTarget(['id', null, 'id'])).toBe('id');
    expect(duplicateTarget(['id', null, 'email'])).toBeNull();
  });

  it('orders values as the target columns and turns empty fields into NULL or keeps them', () => {
    const mapping = ['email', null, 'id'];
    expect(targetColumns(mapping)).toEqual(['email', 'id']);
    expect(mappedValues(['a@b', 'skip', ''], mapping, true)).toEqual(['a@b', null]);
    expect(mappedValues(['a@b'], mapping, false)).toEqual(['a@b', '']);
  });
});

describe('type checks in the preview', () => {
  it('reads the kind of values from each dialect’s type names', () => {
    expect(['integer', 'int(11)', 'BIGINT', 'INTEGER'].map(valueKindOf)).toEqual(['integer', 'integer', 'integer', 'integer']);
    expect(['numeric(10,2)', 'double precision', 'REAL'].map(valueKindOf)).toEqual(['decimal', 'decimal', 'decimal']);
    expect(['boolean', 'tinyint(1)', 'date', 'timestamp without time zone', 'datetime', 'time', 'text', 'varchar(20)'].map(valueKindOf)).toEqual([
      'boolean', 'boolean', 'date', 'timestamp', 'timestamp', 'time', 'other', 'other',
    ]);
  });

  it('reports each bad value with its line and CSV column, under the empty-field choice', () => {
    const columns = [column('qty', 'integer', false), column('born', 'date'), column('ok', 'boolean'), column('note', 'text')];
    const records = [
      { line: 2, fields: ['3', '2024-02-29', 'yes', ''] },
      { line: 5, fields: ['3.5', '2023-02-29', 'maybe', 'x'] },
      { line: 6, fields: ['', '', '', ''] },
    ];
    const problems = previewProblems(records, ['qty', 'born', 'ok', 'note'], columns, true);
    expect(problems.map(({ line, csvColumn }) => [line, csvColumn])).toEqual([[5, 0], [5, 1], [5, 2], [6, 0]]);
    expect(problems[3].message).toBe('qty cannot be empty (NOT NULL)');
    expect(previewProblems(records.slice(2), ['qty', null, null, null], columns, false).map((problem) => problem.message)).toEqual(['qty: "" is not a whole number']);
  });
});

describe('streaming a CSV file', () => {
  const collect = async (blob: Blob, chunkBytes: number) => {
    const records: string[][] = [];
    const progress: number[] = [];
    for await (const chunk of readCsvRecords(blob, { delimiter: ',', newline: '\n' }, chunkBytes)) {
      records.push(...chunk.records);
      progress.push(chunk.bytesRead);
    }
    return { records, progress };
  };

  it('yields the same records whatever the slice size, with quoted fields and multi-byte characters cut across slices', async () => {
    const text = '\uFEFFid,text\n1,"Zoë ""日本""\n🎉, ok"\n2,plain\n\n3,last';
    const expected = [['id', 'text'], ['1', 'Zoë "日本"\n🎉, ok'], ['2', 'plain'], [''], ['3', 'last']];
    const blob = new Blob([text]);
    for (const size of [1, 2, 3, 5, 7, 64, 1 << 20]) {
      const { records, progress } = await collect(blob, size);
      expect(records, `slices of ${size} bytes`).toEqual(expected);
      expect(progress.at(-1)).toBe(blob.size);
    }
  });

  it('numbers lines across quoted line breaks and skips blank lines', () => {
    const counter = new LineCounter();
    const records = [['id', 'text'], ['1', 'a\r\nb\nc'], [''], ['2', 'x']];
    expect(records.map((record) => counter.take(record))).toEqual([1, 2, 5, 6]);
    expect(records.map(isBlankRecord)).toEqual([false, false, true, false]);
  });
});
