import { describe, expect, it } from 'vitest';
import { PlanFormatError, type PlanNode } from '../../../shared/explain/plan';
import { parseSqlitePlan } from '../../../shared/explain/sqlite-plan';
import { sqliteRows } from './fixtures';

function outline(node: PlanNode, depth = 0): string[] {
  const mark = node.hot ? ` [${node.hot.reason}]` : '';
  return [`${'  '.repeat(depth)}${node.label}${node.detail ? ` | ${node.detail}` : ''}${mark}`, ...node.children.flatMap((child) => outline(child, depth + 1))];
}

describe('parseSqlitePlan', () => {
  it('lists the steps of a flat plan in order, marking the full table scan', () => {
    const plan = parseSqlitePlan(sqliteRows('join'));
    expect(plan).toMatchObject({ engine: 'sqlite', analyzed: false });
    expect(plan.roots.flatMap((root) => outline(root))).toEqual([
      'Scan | o [Full table scan]',
      'Search | c USING INTEGER PRIMARY KEY (rowid=?)',
      'Temp B-tree | for GROUP BY',
      'Temp B-tree | for ORDER BY',
    ]);
    expect(plan.roots.map((root) => root.id)).toEqual(['0', '1', '2', '3']);
    expect(plan.roots[0].raw).toEqual([
      { name: 'id', value: '8' },
      { name: 'parent', value: '0' },
      { name: 'notused', value: '216' },
      { name: 'detail', value: 'SCAN o' },
    ]);
  });

  it('hangs each row under its parent id', () => {
    const plan = parseSqlitePlan(sqliteRows('union'));
    expect(plan.roots).toHaveLength(1);
    expect(outline(plan.roots[0])).toEqual([
      'COMPOUND QUERY',
      '  LEFT-MOST SUBQUERY',
      '    Search | customers USING INTEGER PRIMARY KEY (rowid=?)',
      '    SCALAR SUBQUERY 1',
      '      Search | orders USING COVERING INDEX orders_customer_idx',
      '  UNION ALL',
      '    Search | customers USING INTEGER PRIMARY KEY (rowid=?)',
      '    LIST SUBQUERY 3',
      '      Scan | orders [Full table scan]',
    ]);
    expect(plan.roots[0].children[1].children[1].children[0].id).toBe('0.1.1.0');
  });

  it('does not mark a scan through an index or of a constant row', () => {
    const plan = parseSqlitePlan([
      ['2', '0', '0', 'SCAN orders USING COVERING INDEX orders_customer_idx'],
      ['3', '0', '0', 'SCAN CONSTANT ROW'],
    ]);
    expect(plan.roots.map((root) => root.hot)).toEqual([undefined, undefined]);
  });

  it('refuses rows that are not EXPLAIN QUERY PLAN rows', () => {
    expect(() => parseSqlitePlan([['0', 'Init', '0']])).toThrow(PlanFormatError);
  });
});
