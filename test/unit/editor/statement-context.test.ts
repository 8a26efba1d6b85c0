import { describe, expect, it } from 'vitest';
import { contextAt } from '../../../renderer/features/editor/completion/complete';
import type { SplitDialect } from '../../../shared/sql/split';
import { withCaret } from './caret';

function contextOf(marked: string, dialect: SplitDialect = 'postgres') {
  const { text, offset } = withCaret(marked);
  const { context, base } = contextAt(text, offset, dialect);
  return { ...context, typed: text.slice(base + context.prefix.start, offset) };
}

describe('completion context', () => {
  it('asks for tables after FROM, JOIN, UPDATE, INTO and DROP TABLE', () => {
    for (const marked of ['select * from ‸', 'select * from ord‸', 'select * from a join ‸', 'update ‸', 'insert into ‸', 'delete from ‸', 'drop table ‸', 'select * from a, b‸']) {
      expect(contextOf(marked).clause, marked).toBe('relation');
    }
    expect(contextOf('select * from ord‸').prefix.text).toBe('ord');
  });

  it('asks for columns after SELECT, WHERE, ON, SET, GROUP BY and ORDER BY', () => {
    for (const marked of ['select ‸', 'select a, ‸ from t', 'select * from t where ‸', 'select * from a join b on ‸', 'update t set ‸', 'select * from t group by ‸', 'select * from t order by a, ‸', 'select * from t where a = 1 and st‸']) {
      expect(contextOf(marked).clause, marked).toBe('column');
    }
  });

  it('reads tables and aliases anywhere in the statement, also after the cursor', () => {
    const context = contextOf('select o.‸ from orders o, (select 1 from dual) s join public.customers as c on c.id = o.customer_id');
    expect(context.clause).toBe('member');
    expect(context.qualifier).toEqual(['o']);
    expect(context.scope.refs).toEqual([
      { parts: ['orders'], alias: 'o' },
      { parts: [], alias: 's' },
      { parts: ['dual'], alias: null },
      { parts: ['public', 'customers'], alias: 'c' },
    ]);
  });

  it('reads a schema-qualified prefix and quoted qualifiers', () => {
    expect(contextOf('select * from sales.inv‸')).toMatchObject({ clause: 'member', qualifier: ['sales'], prefix: { text: 'inv' } });
    expect(contextOf('select "we""ird".‸ from "we""ird"')).toMatchObject({ clause: 'member', qualifier: ['we"ird'] });
    expect(contextOf('select w.‸ from `back``tick` w', 'mysql').scope.refs).toEqual([{ parts: ['back`tick'], alias: 'w' }]);
    expect(contextOf('select s.orders.‸ from s.orders')).toMatchObject({ clause: 'member', qualifier: ['s', 'orders'] });
  });

  it('takes a name typed inside quotes as the prefix, quote and doubled quotes undone', () => {
    expect(contextOf('select * from "we""i‸')).toMatchObject({ clause: 'relation', prefix: { text: 'we"i', quote: '"' }, typed: '"we""i' });
    expect(contextOf('select * from `back``t‸', 'mysql')).toMatchObject({ prefix: { text: 'back`t', quote: '`' } });
    expect(contextOf('select * from [odd na‸', 'sqlite')).toMatchObject({ prefix: { text: 'odd na', quote: '[' } });
  });

  it('offers nothing inside strings, comments and numbers, or where a new name is typed', () => {
    for (const marked of ["select 'fr‸", "select 'a' from t where x = 'o‸'", 'select 1 -- from ‸', 'select /* from ‸ */ 1', 'select 12‸', 'select a as ‸', 'select $$ from ‸']) {
      expect(contextOf(marked).clause, marked).toBe('none');
    }
  });

  it('knows the start of a statement, also after a finished one', () => {
    expect(contextOf('‸').clause).toBe('start');
    expect(contextOf('sel‸').clause).toBe('start');
    expect(contextOf('select 1;\nsel‸').clause).toBe('start');
    expect(contextOf('select 1; ‸').clause).toBe('start');
  });

  it('offers keywords after a complete table reference, and columns inside INSERT INTO t (…)', () => {
    expect(contextOf('select * from orders o ‸').clause).toBe('keyword');
    expect(contextOf('select * from orders o left ‸').clause).toBe('keyword');
    expect(contextOf('insert into sales.orders (id, ‸')).toMatchObject({ clause: 'insert-columns', target: ['sales', 'orders'] });
  });

  it('reads CTE names and their column lists', () => {
    const context = contextOf('with recent (id, total) as (select id, total from orders), big as (select 1) select * from rec‸');
    expect(context.scope.ctes).toEqual([
      { name: 'recent', columns: ['id', 'total'] },
      { name: 'big', columns: [] },
    ]);
    expect(context.clause).toBe('relation');
  });

  it('analyses only the statement under the cursor', () => {
    const context = contextOf('select * from customers c;\nselect c.‸ from orders c;\nselect 1 from products c');
    expect(context.scope.refs).toEqual([{ parts: ['orders'], alias: 'c' }]);
  });

  it('finds the statement under the cursor in a long script, with offsets into the whole text', () => {
    const filler = Array.from({ length: 4000 }, (_, i) => `select * from filler_${i};\n`).join('');
    const middle = `${filler}select c.na‸ from customers c;\n${filler}`;
    const context = contextOf(middle);
    expect(context).toMatchObject({ clause: 'member', qualifier: ['c'], typed: 'na' });
    expect(context.scope.refs).toEqual([{ parts: ['customers'], alias: 'c' }]);
    expect(contextOf(`${filler}select * from ord‸`)).toMatchObject({ clause: 'relation', typed: 'ord' });
  });
});
