import { describe, expect, it } from 'vitest';
import { changesData, explainRecipe, isExplainStatement, mentionsName } from '../../../shared/explain/explain-statement';

describe('explainRecipe', () => {
  it('asks PostgreSQL for JSON, with ANALYZE and BUFFERS inside a rolled-back transaction', () => {
    expect(explainRecipe('postgres', 'SELECT 1', false)).toEqual({
      kind: 'explain',
      sql: 'EXPLAIN (FORMAT JSON) SELECT 1',
      prefixLength: 'EXPLAIN (FORMAT JSON) '.length,
      rollback: false,
      warnings: [],
    });
    const analyzed = explainRecipe('postgres', 'SELECT 1', true);
    expect(analyzed).toMatchObject({ sql: 'EXPLAIN (FORMAT JSON, ANALYZE, BUFFERS) SELECT 1', rollback: true, warnings: [] });
  });

  it('warns that a data-changing statement really ran and was rolled back', () => {
    const recipe = explainRecipe('postgres', 'DELETE FROM orders', true);
    expect(recipe).toMatchObject({ rollback: true });
    if (recipe.kind !== 'explain') throw new Error('expected a recipe');
    expect(recipe.warnings).toEqual([
      'ANALYZE really ran this DELETE to measure it, inside a transaction that was then rolled back: its changes were undone. Sequence values it drew stay used.',
    ]);
    expect(explainRecipe('postgres', 'DELETE FROM orders', false)).toMatchObject({ rollback: false, warnings: [] });
  });

  it('uses ANALYZE FORMAT=JSON on MariaDB and EXPLAIN FORMAT=JSON on MySQL', () => {
    expect(explainRecipe('mariadb', 'UPDATE t SET a = 1', true)).toMatchObject({ sql: 'ANALYZE FORMAT=JSON UPDATE t SET a = 1', rollback: true });
    expect(explainRecipe('mariadb', 'SELECT 1', false)).toMatchObject({ sql: 'EXPLAIN FORMAT=JSON SELECT 1', rollback: false });
    expect(explainRecipe('mysql', 'SELECT 1', false)).toMatchObject({ sql: 'EXPLAIN FORMAT=JSON SELECT 1', rollback: false });
  });

  it('says why MySQL 8 and SQLite cannot give an analyzed plan', () => {
    expect(explainRecipe('mysql', 'SELECT 1', true)).toMatchObject({ kind: 'unsupported', message: expect.stringMatching(/only as text/) });
    expect(explainRecipe('sqlite', 'SELECT 1', true)).toMatchObject({ kind: 'unsupported', message: expect.stringMatching(/no EXPLAIN ANALYZE/) });
    expect(explainRecipe('sqlite', 'SELECT 1', false)).toMatchObject({ sql: 'EXPLAIN QUERY PLAN SELECT 1' });
  });
});

describe('changesData', () => {
  it('knows the writing commands, writing CTEs and SELECT … INTO', () => {
    expect(changesData('-- go\ninsert into t values (1)', 'postgres')).toBe(true);
    expect(changesData('MERGE INTO t USING s ON true WHEN MATCHED THEN DELETE', 'postgres')).toBe(true);
    expect(changesData('WITH x AS (DELETE FROM t RETURNING *) SELECT * FROM x', 'postgres')).toBe(true);
    expect(changesData('SELECT * INTO copy FROM t', 'postgres')).toBe(true);
    expect(changesData('REPLACE INTO t VALUES (1)', 'mariadb')).toBe(true);
    expect(changesData('SELECT * FROM t', 'postgres')).toBe(false);
    expect(changesData('WITH x AS (SELECT 1) SELECT * FROM x', 'postgres')).toBe(false);
  });
});

describe('isExplainStatement', () => {
  it('spots EXPLAIN and DESCRIBE after comments', () => {
    expect(isExplainStatement('/* x */ explain select 1', 'postgres')).toBe(true);
    expect(isExplainStatement('DESCRIBE t', 'mariadb')).toBe(true);
    expect(isExplainStatement('SELECT explain FROM t', 'postgres')).toBe(false);
  });
});

describe('mentionsName', () => {
  it('matches whole names, quoted or not, ignoring case', () => {
    expect(mentionsName('DELETE FROM audit_log', 'audit_log')).toBe(true);
    expect(mentionsName('delete from `Audit_Log` where 1', 'audit_log')).toBe(true);
    expect(mentionsName('UPDATE shop.audit_log SET a = 1', 'audit_log')).toBe(true);
    expect(mentionsName('DELETE FROM audit_logs', 'audit_log')).toBe(false);
    expect(mentionsName('DELETE FROM old_audit_log', 'audit_log')).toBe(false);
    expect(mentionsName('DELETE FROM t', '')).toBe(false);
  });
});
