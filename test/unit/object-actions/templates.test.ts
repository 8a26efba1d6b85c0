import { describe, expect, it } from 'vitest';
import { deleteTemplate, insertTemplate, selectTemplate, statementTemplate, updateTemplate, type TemplateColumn } from '../../../shared/sql/templates';

const columns: TemplateColumn[] = [
  { name: 'tenant', primaryKeyPosition: 2 },
  { name: 'id', primaryKeyPosition: 1 },
  { name: 'say "hi"', primaryKeyPosition: null },
  { name: 'we`ird', primaryKeyPosition: null },
];

describe('statement templates', () => {
  it('SELECT lists every column quoted per dialect, from the qualified table', () => {
    expect(selectTemplate({ engine: 'postgres', nameParts: ['my schema', 'Order'], columns })).toBe(
      'SELECT\n  "tenant",\n  "id",\n  "say ""hi""",\n  "we`ird"\nFROM "my schema"."Order";\n',
    );
    expect(selectTemplate({ engine: 'mysql', nameParts: ['shop', 'order'], columns })).toBe(
      'SELECT\n  `tenant`,\n  `id`,\n  `say "hi"`,\n  `we``ird`\nFROM `shop`.`order`;\n',
    );
  });

  it('INSERT lists the columns with one :name placeholder each, made of word characters', () => {
    expect(insertTemplate({ engine: 'sqlite', nameParts: ['t'], columns })).toBe(
      'INSERT INTO "t" (\n  "tenant",\n  "id",\n  "say ""hi""",\n  "we`ird"\n) VALUES (\n  :tenant,\n  :id,\n  :say_hi,\n  :we_ird\n);\n',
    );
  });

  it('UPDATE sets the other columns and matches the primary key in key order', () => {
    expect(updateTemplate({ engine: 'postgres', nameParts: ['public', 't'], columns })).toBe(
      'UPDATE "public"."t"\nSET "say ""hi""" = :say_hi,\n    "we`ird" = :we_ird\nWHERE "id" = :id\n  AND "tenant" = :tenant;\n',
    );
  });

  it('DELETE matches the primary key only', () => {
    expect(deleteTemplate({ engine: 'mysql', nameParts: ['db', 't'], columns })).toBe('DELETE FROM `db`.`t`\nWHERE `id` = :id\n  AND `tenant` = :tenant;\n');
  });

  it('without a primary key, UPDATE and DELETE match every column and say so', () => {
    const plain: TemplateColumn[] = [
      { name: 'a', primaryKeyPosition: null },
      { name: 'b', primaryKeyPosition: null },
    ];
    expect(deleteTemplate({ engine: 'sqlite', nameParts: ['t'], columns: plain })).toBe(
      'DELETE FROM "t"\n-- The table has no primary key: this matches rows on every column.\nWHERE "a" = :a\n  AND "b" = :b;\n',
    );
    // The SET and WHERE placeholders of one column must differ, or one value would fill both.
    expect(updateTemplate({ engine: 'sqlite', nameParts: ['t'], columns: plain })).toContain('SET "a" = :a,\n    "b" = :b\n');
    expect(updateTemplate({ engine: 'sqlite', nameParts: ['t'], columns: plain })).toContain('WHERE "a" = :a_2\n  AND "b" = :b_2;');
  });

  it('gives distinct placeholders to names that reduce to the same word, or to none', () => {
    const clashing: TemplateColumn[] = [
      { name: 'a b', primaryKeyPosition: null },
      { name: 'a?b', primaryKeyPosition: null },
      { name: '$1', primaryKeyPosition: null },
      { name: '???', primaryKeyPosition: null },
      { name: '2nd', primaryKeyPosition: null },
    ];
    const sql = insertTemplate({ engine: 'postgres', nameParts: ['t'], columns: clashing });
    expect(sql).toContain('VALUES (\n  :a_b,\n  :a_b_2,\n  :p_1,\n  :p,\n  :p_2nd\n)');
    expect(sql).toContain('"a?b"');
    expect(sql).toContain('"$1"');
  });

  it('a view or a table whose columns are unknown selects *', () => {
    expect(statementTemplate('select', { engine: 'sqlite', nameParts: ['v'], columns: [] })).toBe('SELECT *\nFROM "v";\n');
  });
});
