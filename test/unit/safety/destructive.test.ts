import { describe, expect, it } from 'vitest';
import { findDestructiveStatements, type DestructiveCode } from '../../../shared/sql/destructive';
import type { SplitDialect } from '../../../shared/sql/split';

const normal = { production: false };
const production = { production: true };

/** The reason codes found in a script, in order. */
function codes(sql: string, dialect: SplitDialect = 'postgres', rules = normal): DestructiveCode[] {
  return findDestructiveStatements(sql, dialect, rules).map((statement) => statement.reason.code);
}

describe('destructive statements on a normal connection', () => {
  it('lets DELETE and UPDATE with a WHERE clause run without asking', () => {
    expect(codes('delete from orders where id = 7')).toEqual([]);
    expect(codes("UPDATE orders SET status = 'paid' WHERE id = 7")).toEqual([]);
    expect(codes('update orders o set total = 0 from customers c where c.id = o.customer_id')).toEqual([]);
  });

  it('flags DELETE and UPDATE without a WHERE clause', () => {
    expect(codes('delete from orders')).toEqual(['delete-without-where']);
    expect(codes('UPDATE orders SET status = 1')).toEqual(['update-without-where']);
    expect(codes('DELETE FROM orders RETURNING *')).toEqual(['delete-without-where']);
  });

  it('does not count a WHERE that is commented out', () => {
    expect(codes('delete from t -- where x = 1')).toEqual(['delete-without-where']);
    expect(codes('delete from t /* where x = 1 */')).toEqual(['delete-without-where']);
    expect(codes('delete from t /* outer /* nested */ where x = 1 */')).toEqual(['delete-without-where']);
    expect(codes('delete from t # where x = 1', 'mysql')).toEqual(['delete-without-where']);
  });

  it('does not count a WHERE inside a subquery', () => {
    expect(codes('update t set a = (select b from u where u.id = t.id)')).toEqual(['update-without-where']);
    expect(codes('delete from t using (select id from u where u.flag) s')).toEqual(['delete-without-where']);
    expect(codes('update t set a = (select b from u where u.id = t.id) where t.id > 3')).toEqual([]);
  });

  it('does not count WHERE in a string, a quoted name or a name after a dot', () => {
    expect(codes("update t set note = 'where'")).toEqual(['update-without-where']);
    expect(codes('update t set "where" = 1')).toEqual(['update-without-where']);
    expect(codes('update t set a = u.where from u')).toEqual(['update-without-where']);
    expect(codes('update `t` set `where` = 1', 'mysql')).toEqual(['update-without-where']);
    expect(codes('update t set [where] = 1', 'sqlite')).toEqual(['update-without-where']);
  });

  it('flags DROP in any case, TRUNCATE and ALTER … DROP', () => {
    expect(codes('DROP TABLE orders')).toEqual(['drop']);
    expect(codes('drop view v')).toEqual(['drop']);
    expect(codes('DrOp SCHEMA s CASCADE')).toEqual(['drop']);
    expect(codes('truncate table orders')).toEqual(['truncate']);
    expect(codes('ALTER TABLE orders DROP COLUMN note')).toEqual(['alter-drop']);
    expect(codes('alter table orders drop constraint orders_pk')).toEqual(['alter-drop']);
    expect(codes('ALTER TABLE t ALTER COLUMN c DROP DEFAULT')).toEqual(['alter-drop']);
    expect(codes('ALTER TABLE t DROP PRIMARY KEY', 'mysql')).toEqual(['alter-drop']);
    expect(codes('ALTER TABLE t DROP COLUMN c', 'sqlite')).toEqual(['alter-drop']);
  });

  it('lets other statements run without asking', () => {
    expect(codes('select * from orders')).toEqual([]);
    expect(codes("insert into t values (1, 'drop table t')")).toEqual([]);
    expect(codes('ALTER TABLE t ADD COLUMN c int')).toEqual([]);
    expect(codes('GRANT SELECT ON t TO reader')).toEqual([]);
    expect(codes('create table t (id int primary key)')).toEqual([]);
    expect(codes('insert into t values (1) on conflict (id) do update set id = excluded.id')).toEqual([]);
    expect(codes('select * from t for update')).toEqual([]);
    expect(codes('')).toEqual([]);
    expect(codes('-- drop table t\n/* truncate t */')).toEqual([]);
  });

  it('never reads keywords inside strings', () => {
    expect(codes("select 'drop table t'")).toEqual([]);
    expect(codes("select 'it''s; drop table t'")).toEqual([]);
    expect(codes("update t set a = E'\\' where'")).toEqual(['update-without-where']);
    expect(codes("select 'a\\'; drop table t'", 'mysql')).toEqual([]);
    expect(codes('select "drop table t"', 'mysql')).toEqual([]);
    expect(codes('select "drop table t" from t')).toEqual([]);
  });

  it('does not look into dollar-quoted function bodies: CREATE FUNCTION is not destructive', () => {
    const sql = `CREATE OR REPLACE FUNCTION purge() RETURNS void AS $body$
BEGIN
  DROP TABLE staging;
  DELETE FROM audit;
END
$body$ LANGUAGE plpgsql`;
    expect(codes(sql)).toEqual([]);
    expect(codes('create function f() returns int as $$ select 1; $$ language sql; drop table t')).toEqual(['drop']);
  });

  it('does not flag DELETE inside SQLite trigger or MySQL procedure bodies', () => {
    const trigger = `CREATE TRIGGER cleanup AFTER DELETE ON customers BEGIN
  DELETE FROM orders WHERE customer_id = old.id;
  UPDATE stats SET customers = customers - 1;
END;
select 1`;
    expect(codes(trigger, 'sqlite')).toEqual([]);
    const procedure = `DELIMITER //
CREATE PROCEDURE purge() BEGIN DELETE FROM audit; DROP TABLE staging; END//
DELIMITER ;
DELETE FROM audit`;
    expect(codes(procedure, 'mysql')).toEqual(['delete-without-where']);
  });

  it('finds every destructive statement of a script with its offsets', () => {
    const script = 'select 1;\nDELETE FROM a;\nupdate b set x = 1 where id = 2;\n  drop table c';
    const found = findDestructiveStatements(script, 'postgres', normal);
    expect(found.map((statement) => statement.reason.code)).toEqual(['delete-without-where', 'drop']);
    for (const statement of found) expect(script.slice(statement.offset, statement.end)).toBe(statement.sql);
    expect(found.map((statement) => statement.sql)).toEqual(['DELETE FROM a', 'drop table c']);
  });

  it('keeps a trailing comment with the statement, so the dialog shows the WHERE that is not there', () => {
    const [statement] = findDestructiveStatements('delete from t -- where id = 1\n', 'postgres', normal);
    expect(statement.sql).toContain('-- where id = 1');
  });

  it('catches a statement after a semicolon that an escaped quote or a # comment would hide from a naive splitter', () => {
    const script = "select E'\\''; drop table t";
    const found = findDestructiveStatements(script, 'postgres', normal);
    expect(found).toMatchObject([{ sql: 'drop table t', reason: { code: 'drop' } }]);
    expect(script.slice(found[0].offset, found[0].end)).toBe('drop table t');
    expect(codes("select 1 # don't\n; drop table t", 'mysql')).toEqual(['drop']);
    expect(codes("select 1 # don't; drop table t\n; select 2", 'mysql')).toEqual([]);
  });

  it('checks what Strata sends: a semicolon inside a MySQL # comment ends nothing, so the DROP after it never runs', () => {
    expect(codes('select 1 # ; drop table t', 'mysql')).toEqual([]);
  });

  it('reads MySQL # and -- comments as MySQL does, and runs /*! … */ bodies', () => {
    expect(codes('delete from t # where id = 1', 'mysql')).toEqual(['delete-without-where']);
    expect(codes('delete from t where a --1', 'mysql')).toEqual([]);
    expect(codes('/*!40101 DROP TABLE t */', 'mysql')).toEqual(['drop']);
    expect(codes('/* DROP TABLE t */ select 1', 'mysql')).toEqual([]);
  });

  it('checks PostgreSQL data-modifying WITH queries', () => {
    expect(codes('with gone as (delete from t returning *) select count(*) from gone')).toEqual(['delete-without-where']);
    expect(codes('WITH changed AS (UPDATE t SET a = 1 WHERE id = 3 RETURNING id) SELECT * FROM changed')).toEqual([]);
    expect(codes('with recursive r(n) as (select 1 union all select n + 1 from r where n < 5) delete from t')).toEqual(['delete-without-where']);
    expect(codes('with x as (select id from u where flag) delete from t where id in (select id from x)')).toEqual([]);
    expect(codes('with x as materialized (select 1), y as not materialized (select 2) update t set a = 1')).toEqual(['update-without-where']);
    expect(codes('with outer_q as (with inner_q as (delete from t returning id) select id from inner_q) select * from outer_q')).toEqual(['delete-without-where']);
  });

  it('checks what EXPLAIN ANALYZE runs, not what plain EXPLAIN shows', () => {
    expect(codes('explain delete from t')).toEqual([]);
    expect(codes('explain analyze delete from t')).toEqual(['delete-without-where']);
    expect(codes('EXPLAIN (ANALYZE, BUFFERS) UPDATE t SET a = 1')).toEqual(['update-without-where']);
    expect(codes('EXPLAIN (ANALYZE false) UPDATE t SET a = 1')).toEqual([]);
    expect(codes('EXPLAIN QUERY PLAN DELETE FROM t', 'sqlite')).toEqual([]);
  });

  it('checks the statements a PostgreSQL DO block runs', () => {
    expect(codes('DO $$ BEGIN DELETE FROM t; END $$')).toEqual(['delete-without-where']);
    expect(codes("DO 'BEGIN IF true THEN DROP TABLE t; END IF; END'")).toEqual(['drop']);
    expect(codes('DO $$ BEGIN DELETE FROM t WHERE id = 1; PERFORM 1 FROM u WHERE x FOR UPDATE; END $$')).toEqual([]);
    expect(codes('DO $$ BEGIN RAISE NOTICE $q$drop table t$q$; END $$')).toEqual([]);
  });

  it('explains each reason in words', () => {
    const [dropped, altered, emptied] = findDestructiveStatements('drop materialized view v; alter table t drop column c; delete from t', 'postgres', normal);
    expect(dropped.reason.text).toMatch(/^DROP MATERIALIZED VIEW /);
    expect(altered.reason.text).toMatch(/^ALTER TABLE … DROP COLUMN /);
    expect(emptied.reason.text).toMatch(/every row/);
  });
});

describe('destructive statements on a production connection', () => {
  it('also flags DELETE and UPDATE with a WHERE clause', () => {
    expect(codes('delete from t where id = 1', 'postgres', production)).toEqual(['delete']);
    expect(codes('update t set a = 1 where id = 1', 'mysql', production)).toEqual(['update']);
  });

  it('keeps the stronger reason for DELETE without WHERE', () => {
    expect(codes('delete from t', 'postgres', production)).toEqual(['delete-without-where']);
  });

  it('flags any ALTER, GRANT, REVOKE, MERGE and DO', () => {
    expect(codes('ALTER TABLE t ADD COLUMN c int', 'postgres', production)).toEqual(['alter']);
    expect(codes('GRANT SELECT ON t TO reader', 'postgres', production)).toEqual(['grant']);
    expect(codes('revoke all on t from public', 'mysql', production)).toEqual(['revoke']);
    expect(codes('MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE', 'postgres', production)).toEqual(['merge']);
    expect(codes("DO $$ BEGIN EXECUTE 'select 1'; END $$", 'postgres', production)).toEqual(['do-block']);
  });

  it('flags DELETE and UPDATE inside WITH even with a WHERE clause', () => {
    const sql = 'with gone as (delete from t where id < 10 returning *) insert into archive select * from gone';
    expect(codes(sql, 'postgres', production)).toEqual(['delete']);
    expect(codes(sql, 'postgres', normal)).toEqual([]);
    const [statement] = findDestructiveStatements(sql, 'postgres', production);
    expect(statement.reason.text).toMatch(/^In a WITH query: DELETE/);
  });

  it('still lets reads and inserts run without asking', () => {
    expect(codes('select * from t where id = 1', 'postgres', production)).toEqual([]);
    expect(codes('insert into t values (1)', 'postgres', production)).toEqual([]);
    expect(codes("create function f() returns void as $$ delete from t $$ language sql", 'postgres', production)).toEqual([]);
  });
});
