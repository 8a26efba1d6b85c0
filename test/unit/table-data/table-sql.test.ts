import { describe, expect, it } from 'vitest';
import { changeStatements, isComparableType, planChanges } from '../../../shared/sql/dml';
import { selectRowsSql, type SqlEngine } from '../../../shared/sql/table-query';

const hostileTable = ['we"ird `schema`', 'order.items ?$1 select'];
const hostileColumn = 'na"me` ?$1';

describe('table page SELECT', () => {
  it.each<[SqlEngine, string]>([
    [
      'postgres',
      'SELECT "id", "na""me` ?$1" FROM "we""ird `schema`"."order.items ?$1 select" WHERE "na""me` ?$1" = $1 AND CAST("id" AS text) ILIKE $2 ESCAPE \'!\' AND "na""me` ?$1" IS NULL ORDER BY "na""me` ?$1" DESC, "id" ASC LIMIT 51 OFFSET 100',
    ],
    [
      'mysql',
      "SELECT `id`, `na\"me`` ?$1` FROM `we\"ird ``schema```.`order.items ?$1 select` WHERE `na\"me`` ?$1` = ? AND CAST(`id` AS CHAR) LIKE ? ESCAPE '!' AND `na\"me`` ?$1` IS NULL ORDER BY `na\"me`` ?$1` DESC, `id` ASC LIMIT 51 OFFSET 100",
    ],
    [
      'sqlite',
      'SELECT "id", "na""me` ?$1" FROM "we""ird `schema`"."order.items ?$1 select" WHERE "na""me` ?$1" = ? AND CAST("id" AS TEXT) LIKE ? ESCAPE \'!\' AND "na""me` ?$1" IS NULL ORDER BY "na""me` ?$1" DESC, "id" ASC LIMIT 51 OFFSET 100',
    ],
  ])('%s quotes every name and binds every value', (engine, sql) => {
    const query = selectRowsSql(engine, hostileTable, {
      columns: ['id', hostileColumn],
      filters: [
        { column: hostileColumn, operator: '=', value: "O'Brien; DROP TABLE x --" },
        { column: 'id', operator: 'contains', value: '50%_!x' },
        { column: hostileColumn, operator: 'is null', value: 'ignored' },
      ],
      sort: [{ column: hostileColumn, direction: 'desc' }],
      keyColumns: ['id'],
      offset: 100,
      limit: 51,
    });
    expect(query.sql).toBe(sql);
    expect(query.params).toEqual(["O'Brien; DROP TABLE x --", '%50!%!_!!x%']);
  });

  it('starts with anchors the pattern at the start only', () => {
    const query = selectRowsSql('sqlite', ['t'], { columns: ['a'], filters: [{ column: 'a', operator: 'starts with', value: 'ab' }], sort: [], keyColumns: [], offset: 0, limit: 10 });
    expect(query.params).toEqual(['ab%']);
    expect(query.sql).toBe('SELECT "a" FROM "t" WHERE CAST("a" AS TEXT) LIKE ? ESCAPE \'!\' LIMIT 10 OFFSET 0');
  });
});

describe('change statements', () => {
  const update = {
    kind: 'update' as const,
    key: [{ column: 'id', value: '7' }],
    set: [{ column: hostileColumn, value: "it's $1 ?", original: null }],
  };

  it('PostgreSQL: numbered placeholders, original values compared null-safely', () => {
    expect(changeStatements('postgres', hostileTable, update)).toEqual([
      {
        sql: 'UPDATE "we""ird `schema`"."order.items ?$1 select" SET "na""me` ?$1" = $1 WHERE "id" = $2 AND "na""me` ?$1" IS NOT DISTINCT FROM $3',
        params: ["it's $1 ?", '7', null],
        check: 'affects-row',
      },
    ]);
  });

  it('MySQL: the row is found and locked first, because UPDATE counts only rows it really changed', () => {
    expect(changeStatements('mysql', hostileTable, update)).toEqual([
      { sql: "SELECT 1 FROM `we\"ird ``schema```.`order.items ?$1 select` WHERE `id` = ? AND `na\"me`` ?$1` <=> ? FOR UPDATE", params: ['7', null], check: 'finds-row' },
      { sql: "UPDATE `we\"ird ``schema```.`order.items ?$1 select` SET `na\"me`` ?$1` = ? WHERE `id` = ? AND `na\"me`` ?$1` <=> ?", params: ["it's $1 ?", '7', null], check: null },
    ]);
  });

  it('SQLite: IS compares originals, so NULL matches NULL', () => {
    const [statement] = changeStatements('sqlite', ['select'], update);
    expect(statement.sql).toBe('UPDATE "select" SET "na""me` ?$1" = ? WHERE "id" = ? AND "na""me` ?$1" IS ?');
  });

  it('inserts bind values and fall back to defaults for an empty row', () => {
    expect(changeStatements('postgres', ['public', 'user'], { kind: 'insert', values: [{ column: 'a b', value: null }, { column: 'c', value: '1' }] })).toEqual([
      { sql: 'INSERT INTO "public"."user" ("a b", "c") VALUES ($1, $2)', params: [null, '1'], check: null },
    ]);
    expect(changeStatements('mysql', ['t'], { kind: 'insert', values: [] })[0].sql).toBe('INSERT INTO `t` () VALUES ()');
    expect(changeStatements('sqlite', ['t'], { kind: 'insert', values: [] })[0].sql).toBe('INSERT INTO "t" DEFAULT VALUES');
  });

  it('deletes by every key column', () => {
    expect(changeStatements('postgres', ['t'], { kind: 'delete', key: [{ column: 'a', value: '1' }, { column: 'b"', value: 'x' }] })).toEqual([
      { sql: 'DELETE FROM "t" WHERE "a" = $1 AND "b""" = $2', params: ['1', 'x'], check: 'affects-row' },
    ]);
  });

  it('leaves incomparable columns (PostgreSQL json) and key columns out of the original-value check', () => {
    const plan = planChanges('postgres', ['t'], [
      { kind: 'update', key: [{ column: 'id', value: '1' }], set: [{ column: 'doc', value: '{}', original: '[]' }, { column: 'id', value: '2', original: '1' }] },
    ], { comparable: (column) => column !== 'doc' });
    expect(plan).toEqual([{ change: 0, statement: { sql: 'UPDATE "t" SET "doc" = $1, "id" = $2 WHERE "id" = $3', params: ['{}', '2', '1'], check: 'affects-row' } }]);
    expect(isComparableType('postgres', 'json')).toBe(false);
    expect(isComparableType('postgres', 'jsonb')).toBe(true);
    expect(isComparableType('mysql', 'json')).toBe(true);
  });
});
