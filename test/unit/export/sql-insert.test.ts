import { describe, expect, it } from 'vitest';
import { createSerializer } from '../../../shared/export/create-serializer';
import { cellRowsSource } from '../../../shared/export/row-source';
import { serializeAll } from '../../../shared/export/serializer';
import { binaryLiteral, sqlLiteral, stringLiteral } from '../../../shared/export/sql-literal';
import { bytesToHexDigits } from '../../../shared/export/binary-text';
import { ALL_BYTES, COLUMNS, hostileBatch, INT64_MIN, NUMERIC_40 } from './fixtures';

const text = { category: 'text' as const };
const number = { category: 'number' as const };

describe('SQL literals', () => {
  it('doubles quotes in PostgreSQL and SQLite and leaves backslashes alone', () => {
    expect(stringLiteral('postgres', `it's a \\ "test"`)).toBe(`'it''s a \\ "test"'`);
    expect(stringLiteral('sqlite', `it's\nnew`)).toBe(`'it''s\nnew'`);
  });

  it('escapes backslashes, quotes and control characters for MySQL', () => {
    expect(stringLiteral('mysql', `it's a \\ x\0y\nz\r\x1a`)).toBe(`'it\\'s a \\\\ x\\0y\\nz\\r\\Z'`);
  });

  it('writes binary as a bytea hex literal in PostgreSQL and X\'…\' elsewhere', () => {
    const hex = bytesToHexDigits(ALL_BYTES);
    expect(hex).toHaveLength(512);
    expect(binaryLiteral('postgres', ALL_BYTES)).toBe(`'\\x${hex}'::bytea`);
    expect(binaryLiteral('mysql', ALL_BYTES)).toBe(`X'${hex}'`);
    expect(binaryLiteral('sqlite', new Uint8Array(0))).toBe(`X''`);
  });

  it('leaves numbers bare only in numeric columns and only when they are plain numbers', () => {
    expect(sqlLiteral('postgres', number, NUMERIC_40, null)).toBe(NUMERIC_40);
    expect(sqlLiteral('postgres', number, INT64_MIN.toString(), null)).toBe('-9223372036854775808');
    expect(sqlLiteral('postgres', number, 'NaN', null)).toBe(`'NaN'`);
    expect(sqlLiteral('postgres', number, '1; DROP TABLE x', null)).toBe(`'1; DROP TABLE x'`);
    expect(sqlLiteral('mysql', text, '42', null)).toBe(`'42'`);
    expect(sqlLiteral('sqlite', { category: 'boolean' }, 'true', null)).toBe('TRUE');
    expect(sqlLiteral('mysql', text, null, null)).toBe('NULL');
    expect(sqlLiteral('mysql', text, '', null)).toBe(`''`);
    expect(sqlLiteral('mysql', text, 'NULL', null)).toBe(`'NULL'`);
  });
});

describe('SQL INSERT export', () => {
  it('quotes the table and columns per dialect', () => {
    const columns = [
      { name: 'we"ird`col', dataType: 'text', category: 'text' as const },
      { name: 'select', dataType: 'int4', category: 'number' as const },
    ];
    const rows = cellRowsSource([["o'k", '1']], columns);
    expect(serializeAll(createSerializer('sql', columns, { dialect: 'postgres', table: ['my schema', 't.1'] }), [rows])).toBe(
      `INSERT INTO "my schema"."t.1" ("we""ird\`col", "select") VALUES ('o''k', 1);\n`,
    );
    expect(serializeAll(createSerializer('sql', columns, { dialect: 'mysql', table: ['t`x'] }), [rows])).toBe(
      "INSERT INTO `t``x` (`we\"ird``col`, `select`) VALUES ('o\\'k', 1);\n",
    );
  });

  it('writes one statement per row with every hostile value as a literal', () => {
    const sql = serializeAll(createSerializer('sql', COLUMNS, { dialect: 'postgres', table: ['t'] }), [hostileBatch()]);
    const lines = sql.split(');\nINSERT');
    expect(lines).toHaveLength(8);
    expect(sql).toContain(`VALUES (-9223372036854775808, ${NUMERIC_40}, 'say "hi", then\tleave', '\\x${bytesToHexDigits(ALL_BYTES)}'::bytea, TRUE, '{"a": [1, 2.50]}');`);
    expect(sql).toContain(`VALUES (NULL, NULL, NULL, '\\x00'::bytea, FALSE, 'null');`);
  });

  it('refuses to write INSERTs without a table name or dialect', () => {
    expect(() => createSerializer('sql', COLUMNS, { dialect: 'sqlite', table: [] })).toThrow(/table/);
    expect(() => createSerializer('sql', COLUMNS, { table: ['t'] })).toThrow(/dialect/);
  });
});
