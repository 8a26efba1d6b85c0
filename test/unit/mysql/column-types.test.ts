import type { FieldPacket } from 'mysql2';
import { describe, expect, it } from 'vitest';
import { planColumn } from '../../../electron/core/drivers/mysql/column-types';

const BINARY = 63;
const UTF8MB4 = 224;

/** What a column definition packet says of a column, besides its type. */
interface FieldFacts {
  characterSet?: number;
  flags?: number;
  columnLength?: number;
  extendedFormat?: string;
  extendedTypeName?: string;
}

function field(columnType: number, extra: FieldFacts = {}): FieldPacket {
  return { name: 'c', columnType, characterSet: BINARY, flags: 0, columnLength: 11, decimals: 0, ...extra } as unknown as FieldPacket;
}

const plan = (columnType: number, extra?: FieldFacts) => {
  const { kind, meta } = planColumn(field(columnType, extra));
  return [kind, meta.dataType, meta.category];
};

describe('MySQL column plans', () => {
  it('sends integers that always fit 32 bits as int32 and keeps every other number as exact text', () => {
    expect(plan(1)).toEqual(['int32', 'tinyint', 'number']);
    expect(plan(2, { flags: 32 })).toEqual(['int32', 'smallint unsigned', 'number']);
    expect(plan(9)).toEqual(['int32', 'mediumint', 'number']);
    expect(plan(3)).toEqual(['int32', 'int', 'number']);
    expect(plan(3, { flags: 32 })).toEqual(['text', 'int unsigned', 'number']);
    expect(plan(3, { flags: 96 })).toEqual(['text', 'int unsigned zerofill', 'number']);
    expect(plan(8)).toEqual(['text', 'bigint', 'number']);
    expect(plan(246)).toEqual(['text', 'decimal', 'number']);
    expect(plan(4)).toEqual(['text', 'float', 'number']);
    expect(plan(5)).toEqual(['text', 'double', 'number']);
  });

  it('sends binary strings and GEOMETRY as bytes, BIT as the digits of its number and text with a character set as text', () => {
    expect(plan(253)).toEqual(['bytes', 'varbinary', 'binary']);
    expect(plan(253, { characterSet: UTF8MB4 })).toEqual(['text', 'varchar', 'text']);
    expect(plan(254)).toEqual(['bytes', 'binary', 'binary']);
    expect(plan(254, { characterSet: UTF8MB4 })).toEqual(['text', 'char', 'text']);
    expect(plan(254, { characterSet: UTF8MB4, flags: 256 })).toEqual(['text', 'enum', 'text']);
    expect(plan(254, { characterSet: UTF8MB4, flags: 2048 })).toEqual(['text', 'set', 'text']);
    expect(plan(16, { flags: 32 })).toEqual(['text', 'bit', 'number']);
    expect(planColumn(field(16)).bitNumber).toBe(true);
    expect(planColumn(field(253)).bitNumber).toBeUndefined();
    expect(plan(255)).toEqual(['bytes', 'geometry', 'binary']);
  });

  it('names BLOB and TEXT columns by their maximum length', () => {
    expect(plan(252, { columnLength: 255 })).toEqual(['bytes', 'tinyblob', 'binary']);
    expect(plan(252, { columnLength: 65_535 })).toEqual(['bytes', 'blob', 'binary']);
    expect(plan(252, { columnLength: 16_777_215 })).toEqual(['bytes', 'mediumblob', 'binary']);
    expect(plan(252, { columnLength: 4_294_967_295 })).toEqual(['bytes', 'longblob', 'binary']);
    expect(plan(252, { characterSet: UTF8MB4, columnLength: 1020 })).toEqual(['text', 'tinytext', 'text']);
    expect(plan(252, { characterSet: UTF8MB4, columnLength: 262_140 })).toEqual(['text', 'text', 'text']);
    expect(plan(252, { characterSet: UTF8MB4, columnLength: 67_108_860 })).toEqual(['text', 'mediumtext', 'text']);
  });

  it('reads JSON as UTF-8 text, MySQL type and MariaDB format alike, and MariaDB type names as given', () => {
    expect(planColumn(field(245))).toMatchObject({ kind: 'text', utf8Json: true, meta: { dataType: 'json', category: 'json' } });
    expect(planColumn(field(252, { characterSet: UTF8MB4, extendedFormat: 'json' }))).toMatchObject({ kind: 'text', utf8Json: false, meta: { dataType: 'json', category: 'json' } });
    expect(plan(254, { characterSet: UTF8MB4, extendedTypeName: 'uuid' })).toEqual(['text', 'uuid', 'text']);
  });

  it('keeps dates and times as the server text', () => {
    expect(plan(12)).toEqual(['text', 'datetime', 'datetime']);
    expect(plan(7)).toEqual(['text', 'timestamp', 'datetime']);
    expect(plan(10)).toEqual(['text', 'date', 'datetime']);
    expect(plan(11)).toEqual(['text', 'time', 'datetime']);
    expect(plan(13, { flags: 96 })).toEqual(['text', 'year', 'datetime']);
  });
});
