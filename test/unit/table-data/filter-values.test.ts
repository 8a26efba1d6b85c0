import { describe, expect, it } from 'vitest';
import { selectRowsSql, type SqlEngine, type TableFilter } from '../../../shared/sql/table-query';
import { columnValueType, filterValue, type ValueType } from '../../../shared/sql/value-types';

const BYTES: ValueType = { kind: 'bytes' };
const BITS: ValueType = { kind: 'bits', width: 8 };

function where(engine: SqlEngine, filter: TableFilter, type: ValueType) {
  const query = selectRowsSql(engine, ['t'], { columns: ['k'], filters: [filter], sort: [], keyColumns: [], offset: 0, limit: 10, valueType: () => type });
  return { sql: query.sql.slice(query.sql.indexOf(' WHERE ') + 7, query.sql.indexOf(' LIMIT ')), params: query.params };
}

describe('filter values', () => {
  it('are typed by their column: bytes for binary columns, numbers for BIT, text otherwise', () => {
    expect(columnValueType({ binary: true })).toEqual(BYTES);
    expect(columnValueType({ binary: false, bitWidth: 8 })).toEqual(BITS);
    expect(columnValueType({ binary: false })).toEqual({ kind: 'text' });
  });

  it('on a binary column are hex with the same rules as a cell, bound as the bytes they spell', () => {
    expect(filterValue(BYTES, '=', '0x00FF')).toEqual({ ok: true, value: Uint8Array.of(0, 255) });
    expect(filterValue(BYTES, 'contains', '\\x5c 78')).toEqual({ ok: true, value: Uint8Array.of(0x5c, 0x78) });
    expect(filterValue(BYTES, '=', 'abc')).toMatchObject({ ok: false, message: expect.stringContaining('3 hex digits, an odd number') });
    expect(filterValue(BYTES, 'starts with', 'zz')).toMatchObject({ ok: false, message: expect.stringContaining('"z" is not a hex digit') });
  });

  it('on a BIT column are numbers to compare with, and digits to match', () => {
    expect(filterValue(BITS, '>=', "b'11'")).toEqual({ ok: true, value: '3' });
    expect(filterValue(BITS, '=', '300')).toMatchObject({ ok: false, message: expect.stringContaining('does not fit in 8 bits') });
    expect(filterValue(BITS, 'contains', '2x')).toEqual({ ok: true, value: '2x' });
    expect(filterValue({ kind: 'text' }, '=', 'zz')).toEqual({ ok: true, value: 'zz' });
  });

  it.each<[SqlEngine, string, string, string]>([
    ['postgres', '"k" = $1', 'position($1 in "k") > 0', 'position($1 in "k") = 1'],
    ['mysql', '`k` = ?', 'LOCATE(?, `k`) > 0', 'LOCATE(?, `k`) = 1'],
    ['sqlite', '"k" = ?', 'instr("k", ?) > 0', 'instr("k", ?) = 1'],
  ])('%s: compares and matches binary columns as bytes, never as their text', (engine, equals, contains, startsWith) => {
    expect(where(engine, { column: 'k', operator: '=', value: '00ff' }, BYTES)).toEqual({ sql: equals, params: [Uint8Array.of(0, 255)] });
    expect(where(engine, { column: 'k', operator: 'contains', value: '0ff0' }, BYTES)).toEqual({ sql: contains, params: [Uint8Array.of(0x0f, 0xf0)] });
    expect(where(engine, { column: 'k', operator: 'starts with', value: '00' }, BYTES)).toEqual({ sql: startsWith, params: [Uint8Array.of(0)] });
  });

  it('MySQL: compares BIT columns with the number and matches the digits of theirs', () => {
    expect(where('mysql', { column: 'k', operator: '<', value: '5' }, BITS)).toEqual({ sql: '`k` < CAST(? AS UNSIGNED)', params: ['5'] });
    expect(where('mysql', { column: 'k', operator: 'starts with', value: '1_' }, BITS)).toEqual({ sql: "CAST(`k` + 0 AS CHAR) LIKE ? ESCAPE '!'", params: ['1!_%'] });
  });

  it('refuses to build a condition from a value of the wrong form', () => {
    expect(() => where('postgres', { column: 'k', operator: '=', value: 'not hex' }, BYTES)).toThrow(RangeError);
    expect(() => where('mysql', { column: 'k', operator: '=', value: 'x' }, BITS)).toThrow(/not a whole number/);
    // Without a value the type does not matter.
    expect(where('sqlite', { column: 'k', operator: 'is null', value: 'not hex' }, BYTES)).toEqual({ sql: '"k" IS NULL', params: [] });
  });
});
