import { describe, expect, it } from 'vitest';
import { parseMysqlPlan } from '../../../shared/explain/mysql-plan';
import { planNodes, PlanFormatError, type PlanNode } from '../../../shared/explain/plan';
import { fixture } from './fixtures';

function outline(node: PlanNode, depth = 0): string[] {
  return [`${'  '.repeat(depth)}${node.label}${node.detail ? ` | ${node.detail}` : ''}`, ...node.children.flatMap((child) => outline(child, depth + 1))];
}

function find(roots: PlanNode[], match: (node: PlanNode) => boolean): PlanNode {
  const found = [...planNodes(roots)].find(match);
  if (!found) throw new Error('No such node');
  return found;
}

describe('parseMysqlPlan on MariaDB 10.11', () => {
  it('reads EXPLAIN FORMAT=JSON into a tree of named steps', () => {
    const plan = parseMysqlPlan(fixture('mariadb-join-estimate.json'), 'mariadb');
    expect(plan).toMatchObject({ engine: 'mariadb', analyzed: false });
    expect(outline(plan.roots[0])).toEqual([
      'Select #1',
      '  Sort | sum(o.total) desc',
      '    Temporary table',
      '      Nested loop join',
      '        Full table scan | c',
      "        Index lookup | o using orders_customer_idx (customer_id) · Condition: o.placed_at >= '2024-06-01'",
    ]);
    const lookup = find(plan.roots, (node) => node.label === 'Index lookup');
    expect(lookup.planRows).toBe(12);
    expect(lookup.raw).toContainEqual({ name: 'ref', value: 'strata_explain_capture.c.id' });
    expect(lookup.totalCost).toBeUndefined();
    // No costs in MariaDB 10: a full table scan is the only sign there is.
    expect(find(plan.roots, (node) => node.detail === 'c').hot).toEqual({ level: 'notable', reason: 'Full table scan' });
  });

  it('reads ANALYZE FORMAT=JSON: loops, real rows per loop, times and the optimizer time', () => {
    const plan = parseMysqlPlan(fixture('mariadb-join-analyze.json'), 'mariadb');
    expect(plan.analyzed).toBe(true);
    expect(plan.planningTimeMs).toBeCloseTo(0.1744, 4);
    expect(plan.executionTimeMs).toBeCloseTo(130.24, 2);
    const lookup = find(plan.roots, (node) => node.label === 'Index lookup');
    expect(lookup).toMatchObject({ planRows: 12, actualRows: 25, loops: 2000 });
    // r_table_time_ms + r_other_time_ms
    expect(lookup.selfTimeMs).toBeCloseTo(109.176 + 17.165, 3);
    expect(lookup.raw).toContainEqual({ name: 'r_engine_stats.pages_accessed', value: '104060' });
    const sort = find(plan.roots, (node) => node.label === 'Sort');
    expect(sort).toMatchObject({ actualRows: 2, loops: 1 });
    expect(sort.selfTimeMs).toBeCloseTo(0.0121, 4);
    expect(plan.roots[0].actualTimeMs).toBeCloseTo(130.24, 2);
  });

  it('shows a block nested loop join over the table it buffers', () => {
    const plan = parseMysqlPlan(fixture('mariadb-bnl-analyze.json'), 'mariadb');
    const join = find(plan.roots, (node) => node.label === 'Block nested loop join');
    expect(join.detail).toBe('Condition: o.total > c.`id` * 10');
    expect(join.loops).toBe(4);
    expect(join.children.map((child) => `${child.label} | ${child.detail}`)).toEqual(["Full table scan | o · Condition: o.placed_at < '2024-01-05'"]);
    expect(join.raw).toContainEqual({ name: 'buffer_type', value: 'flat' });
  });

  it('shows a UNION and its subqueries, dropping the wrappers that say nothing', () => {
    const plan = parseMysqlPlan(fixture('mariadb-union-estimate.json'), 'mariadb');
    expect(outline(plan.roots[0])).toEqual([
      'Union',
      '  Select #1',
      '    Constant row | customers using PRIMARY (id)',
      '    Subquery #2',
      '      Select tables optimized away',
      '  UNION #3',
      "    Full table scan | customers · Condition: customers.country = 'FR'",
    ]);
  });

  it('shows a materialized semi-join subquery under the table that reads it', () => {
    const plan = parseMysqlPlan(fixture('mariadb-semijoin-estimate.json'), 'mariadb');
    const lookup = find(plan.roots, (node) => node.detail.startsWith('<subquery2>'));
    expect(outline(lookup)).toEqual([
      'Unique index lookup | <subquery2> using distinct_key (customer_id)',
      '  Materialize (unique)',
      '    Select #2',
      '      Full table scan | orders · Condition: orders.total > 400',
    ]);
  });

  it('reads the ANALYZE of a DELETE with its subquery', () => {
    const plan = parseMysqlPlan(fixture('mariadb-delete-analyze.json'), 'mariadb');
    expect(plan.analyzed).toBe(true);
    const target = find(plan.roots, (node) => node.detail.startsWith('orders'));
    expect(target).toMatchObject({ label: 'Full table scan', planRows: 50160, actualRows: 50000 });
    expect(target.raw).toContainEqual({ name: 'delete', value: '1' });
    expect(find(plan.roots, (node) => node.label === 'Subquery #2').children[0].label).toBe('Unique subquery lookup');
  });
});

describe('parseMysqlPlan on MySQL 8', () => {
  it('reads query_block, nested_loop and table with their cost_info', () => {
    const plan = parseMysqlPlan(fixture('mysql8-join-estimate.json'), 'mysql');
    expect(plan).toMatchObject({ engine: 'mysql', analyzed: false, totalCost: 7285.9 });
    expect(outline(plan.roots[0])).toEqual([
      'Select #1',
      '  Sort',
      '    Group (temporary table)',
      '      Nested loop join',
      '        Full table scan | c',
      "        Index lookup | o using orders_customer_idx (customer_id) · Condition: (`shop`.`o`.`placed_at` >= DATE'2024-06-01')",
    ]);
    const lookup = find(plan.roots, (node) => node.label === 'Index lookup');
    // rows_examined_per_scan, and read_cost + eval_cost as its own cost
    expect(lookup.planRows).toBe(25);
    expect(lookup.selfCost).toBeCloseTo(2082.65 + 1666.5, 6);
    expect(lookup.raw).toContainEqual({ name: 'cost_info.prefix_cost', value: '7285.90' });
    expect(lookup.raw).toContainEqual({ name: 'used_columns', value: 'customer_id, total, placed_at' });
    expect(plan.roots[0].selfCost).toBe(0);
  });

  it('hangs attached subqueries under the table whose condition runs them', () => {
    const plan = parseMysqlPlan(fixture('mysql8-subquery-estimate.json'), 'mysql');
    const scan = plan.roots[0].children[0];
    expect(scan.label).toBe('Full table scan');
    expect(scan.children.map((child) => child.label)).toEqual(['Subquery #2']);
    expect(scan.children[0].raw).toContainEqual({ name: 'dependent', value: 'true' });
    expect(scan.children[0].children[0]).toMatchObject({ label: 'Index subquery lookup', selfCost: 2.76 });
  });

  it('refuses output that is not a JSON plan', () => {
    expect(() => parseMysqlPlan('-> Table scan on t  (cost=0.35 rows=1)', 'mysql')).toThrow(PlanFormatError);
    expect(() => parseMysqlPlan('{"query": {"operation": "Table scan"}}', 'mysql')).toThrow(/query_block/);
  });
});
