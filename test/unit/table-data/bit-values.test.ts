import { describe, expect, it } from 'vitest';
import { bitDigits } from '../../../electron/core/drivers/mysql/cell-reader';
import { bitWidth, parseBitInput } from '../../../shared/sql/bit-columns';
import { changeStatements, tableDmlOptions, type TableChange } from '../../../shared/sql/dml';
import type { TableColumn } from '../../../shared/sql/table-query';
import { cellInput } from '../../../renderer/features/table-data/cell-input';
import { cellValueType, NO_EDITS, type LoadedRows } from '../../../renderer/features/table-data/pending-edits';

const column = (name: string, extra: Partial<TableColumn> = {}): TableColumn => ({ name, dataType: 'int', nullable: true, hasDefault: false, inRowKey: false, binary: false, references: null, ...extra });

describe('MySQL BIT columns', () => {
  it('are told by their declared type, with their width; only in MySQL', () => {
    expect(bitWidth('mysql', 'bit(8)')).toBe(8);
    expect(bitWidth('mysql', 'BIT( 64 )')).toBe(64);
    expect(bitWidth('mysql', 'bit')).toBe(1);
    expect(bitWidth('mysql', 'bigint')).toBeNull();
    expect(bitWidth('mysql', 'binary(8)')).toBeNull();
    expect(bitWidth('postgres', 'bit(8)')).toBeNull();
    expect(bitWidth('sqlite', 'bit(8)')).toBeNull();
  });

  it('show the unsigned number their big-endian bytes spell, up to 64 bits', () => {
    expect(bitDigits(Uint8Array.of())).toBe('0');
    expect(bitDigits(Uint8Array.of(0b1010_0101))).toBe('165');
    expect(bitDigits(Uint8Array.of(1, 44))).toBe('300');
    expect(bitDigits(new Uint8Array(8).fill(255))).toBe('18446744073709551615');
  });

  it('take a whole number that fits, or bits, as the decimal digits they are bound as', () => {
    expect(parseBitInput(' 5 ', 8)).toEqual({ ok: true, value: '5' });
    expect(parseBitInput('007', 8)).toEqual({ ok: true, value: '7' });
    expect(parseBitInput("b'0101'", 8)).toEqual({ ok: true, value: '5' });
    expect(parseBitInput("B''", 8)).toEqual({ ok: true, value: '0' });
    expect(parseBitInput('0b11111111', 8)).toEqual({ ok: true, value: '255' });
    expect(parseBitInput('18446744073709551615', 64)).toEqual({ ok: true, value: '18446744073709551615' });
    expect(parseBitInput('1', 1)).toEqual({ ok: true, value: '1' });
  });

  it('refuse anything else and say what the column takes', () => {
    expect(parseBitInput('256', 8)).toEqual({ ok: false, message: "256 does not fit in 8 bits. A BIT(8) value is a whole number from 0 to 255, or its bits written b'0101'." });
    expect(parseBitInput('2', 1)).toMatchObject({ ok: false, message: expect.stringContaining('does not fit in 1 bit. A BIT(1) value is a whole number from 0 to 1') });
    expect(parseBitInput('18446744073709551616', 64)).toMatchObject({ ok: false, message: expect.stringContaining('from 0 to 18446744073709551615') });
    expect(parseBitInput('-1', 8)).toMatchObject({ ok: false, message: expect.stringContaining('"-1" is not a whole number') });
    expect(parseBitInput('5.0', 8)).toMatchObject({ ok: false });
    expect(parseBitInput('\\x05', 8)).toMatchObject({ ok: false });
    expect(parseBitInput('', 8)).toMatchObject({ ok: false, message: expect.stringContaining('"" is not a whole number') });
    expect(parseBitInput("b'102'", 8)).toMatchObject({ ok: false });
  });

  it('are typed into a cell as numbers, and their cells are of the bits type', () => {
    expect(cellInput("b'101'", { kind: 'bits', width: 8 })).toEqual({ ok: true, value: '5' });
    expect(cellInput('x', { kind: 'bits', width: 8 })).toMatchObject({ ok: false });
    const loaded: LoadedRows = { columns: [column('id'), column('flags', { dataType: 'bit(8)', bitWidth: 8 })], keyColumns: ['id'], rows: [['1', '5']] };
    expect(cellValueType(NO_EDITS, loaded, { kind: 'loaded', index: 0 }, 1)).toEqual({ kind: 'bits', width: 8 });
    expect(cellValueType(NO_EDITS, loaded, { kind: 'loaded', index: 0 }, 0)).toEqual({ kind: 'text' });
  });

  it('are bound as numbers in every place a change names them, in MySQL only', () => {
    const columns = [column('k', { dataType: 'bit(16)', bitWidth: 16 }), column('b', { dataType: 'bit(8)', bitWidth: 8 }), column('note', { dataType: 'varchar(10)' })];
    const update: TableChange = { kind: 'update', key: [{ column: 'k', value: '300' }], set: [{ column: 'b', value: '6', original: '5' }, { column: 'note', value: 'x', original: null }] };
    expect(changeStatements('mysql', ['t'], update, tableDmlOptions('mysql', columns))).toEqual([
      {
        sql: 'SELECT 1 FROM `t` WHERE `k` = CAST(? AS UNSIGNED) AND `b` <=> CAST(? AS UNSIGNED) AND `note` <=> ? FOR UPDATE',
        params: ['300', '5', null],
        check: 'finds-row',
      },
      {
        sql: 'UPDATE `t` SET `b` = CAST(? AS UNSIGNED), `note` = ? WHERE `k` = CAST(? AS UNSIGNED) AND `b` <=> CAST(? AS UNSIGNED) AND `note` <=> ?',
        params: ['6', 'x', '300', '5', null],
        check: null,
      },
    ]);
    const insert = changeStatements('mysql', ['t'], { kind: 'insert', values: [{ column: 'k', value: '1' }, { column: 'note', value: '2' }] }, tableDmlOptions('mysql', columns));
    expect(insert[0]?.sql).toBe('INSERT INTO `t` (`k`, `note`) VALUES (CAST(? AS UNSIGNED), ?)');
    const remove = changeStatements('mysql', ['t'], { kind: 'delete', key: [{ column: 'k', value: '1' }] }, tableDmlOptions('mysql', columns));
    expect(remove[0]?.sql).toBe('DELETE FROM `t` WHERE `k` = CAST(? AS UNSIGNED)');
    // Other engines have no such column; a stray width changes nothing there.
    expect(changeStatements('postgres', ['t'], update, tableDmlOptions('postgres', columns))[0]?.sql).toBe('UPDATE "t" SET "b" = $1, "note" = $2 WHERE "k" = $3 AND "b" IS NOT DISTINCT FROM $4 AND "note" IS NOT DISTINCT FROM $5');
  });
});
