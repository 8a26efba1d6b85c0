import { describe, expect, it } from 'vitest';
import { planNodes, PlanFormatError, type PlanNode } from '../../../shared/explain/plan';
import { parsePostgresPlan } from '../../../shared/explain/postgres-plan';
import { fixture } from './fixtures';

function outline(node: PlanNode, depth = 0): string[] {
  return [`${'  '.repeat(depth)}${node.label}${node.detail ? ` | ${node.detail}` : ''}`, ...node.children.flatMap((child) => outline(child, depth + 1))];
}

function byLabel(roots: PlanNode[], label: string): PlanNode {
  const found = [...planNodes(roots)].find((node) => node.label === label);
  if (!found) throw new Error(`No ${label} node`);
  return found;
}

describe('parsePostgresPlan', () => {
  it('reads an estimated plan into a tree named as EXPLAIN prints it', () => {
    const plan = parsePostgresPlan(fixture('pg-join-estimate.json'));
    expect(plan.engine).toBe('postgres');
    expect(plan.analyzed).toBe(false);
    expect(plan.executionTimeMs).toBeUndefined();
    expect(outline(plan.roots[0])).toEqual([
      'Sort | Sort Key: (sum(o.total)) DESC',
      '  HashAggregate | Group Key: c.country',
      '    Hash Join | Hash Cond: (o.customer_id = c.id)',
      "      Seq Scan | on orders o · Filter: (placed_at >= '2024-06-01'::date)",
      '      Hash',
      '        Seq Scan | on customers c',
    ]);
    const root = plan.roots[0];
    expect(root).toMatchObject({ id: '0', startupCost: 1296.52, totalCost: 1296.53, planRows: 2 });
    expect(root.children[0].children[0].children.map((node) => node.id)).toEqual(['0.0.0.0', '0.0.0.1']);
    expect(plan.totalCost).toBe(1296.53);
    expect(root.actualRows).toBeUndefined();
    expect(root.raw).toContainEqual({ name: 'Node Type', value: 'Sort' });
    expect(root.raw.some((field) => field.name === 'Plans')).toBe(false);
  });

  it('gives each node its own cost: its total minus what its children cost it', () => {
    const plan = parsePostgresPlan(fixture('pg-join-estimate.json'));
    const join = byLabel(plan.roots, 'Hash Join');
    // 1076.99 − (orders scan 944.00 + hash 31.00)
    expect(join.selfCost).toBeCloseTo(101.99, 6);
    expect(byLabel(plan.roots, 'Hash').selfCost).toBe(0);
  });

  it('scales down the cost of children a Limit reads only in part (an InitPlan here)', () => {
    const plan = parsePostgresPlan(fixture('pg-initplan-estimate.json'));
    const limit = byLabel(plan.roots, 'Limit');
    expect(limit.detail).toBe('InitPlan 1 (returns $0)');
    const scan = byLabel(plan.roots, 'Index Only Scan Backward');
    expect(scan.totalCost).toBeGreaterThan(2000);
    expect(scan.selfCost).toBeLessThanOrEqual(limit.totalCost as number);
    expect(scan.detail).toBe('using orders_customer_idx on orders · Index Cond: (customer_id IS NOT NULL)');
    expect(byLabel(plan.roots, 'Index Scan').detail).toBe('using customers_pkey on customers · Index Cond: (id = $1)');
  });

  it('reads ANALYZE figures: rows, loops and time over all loops, and the statement times', () => {
    const plan = parsePostgresPlan(fixture('pg-join-analyze.json'));
    expect(plan.analyzed).toBe(true);
    expect(plan.planningTimeMs).toBe(1.399);
    expect(plan.executionTimeMs).toBe(38.976);
    const scan = [...planNodes(plan.roots)].find((node) => node.detail.startsWith('on orders o')) as PlanNode;
    expect(scan).toMatchObject({ planRows: 29266, actualRows: 29177, loops: 1, actualTimeMs: 12.183 });
    expect(scan.raw).toContainEqual({ name: 'Shared Hit Blocks', value: '319' });
    expect(plan.facts).toEqual([{ label: 'Planning buffers', value: 'Shared Hit Blocks: 268' }]);
  });

  it('counts the time of a node that ran many times once per loop', () => {
    const plan = parsePostgresPlan(fixture('pg-nested-loop-analyze.json'));
    const inner = byLabel(plan.roots, 'Bitmap Heap Scan');
    // 0.025 ms per loop, 19 loops
    expect(inner).toMatchObject({ loops: 19, actualRows: 25, actualTimeMs: 0.475 });
    // The inner side is costed once per outer row: the nested loop's own cost is what remains.
    const loop = byLabel(plan.roots, 'Nested Loop');
    expect(loop.selfCost).toBeCloseTo(92.76 - 8.71 - 83.8, 6);
  });

  it('keeps parallel workers’ time as wall-clock time under a Gather', () => {
    const plan = parsePostgresPlan(fixture('pg-parallel-analyze.json'));
    expect(outline(plan.roots[0]).map((line) => line.split(' | ')[0].trim())).toEqual([
      'Finalize HashAggregate',
      'Gather',
      'Partial HashAggregate',
      'Parallel Seq Scan',
    ]);
    const scan = byLabel(plan.roots, 'Parallel Seq Scan');
    // 7.208 ms per loop averaged over three processes (two workers and the leader) running at once.
    expect(scan.loops).toBe(3);
    expect(scan.actualTimeMs).toBe(7.208);
    expect(byLabel(plan.roots, 'Gather').actualTimeMs).toBe(23.735);
  });

  it('names a ModifyTable node by its operation, and lists triggers as plan facts', () => {
    const deleted = parsePostgresPlan(fixture('pg-delete-analyze.json'));
    expect(deleted.roots[0]).toMatchObject({ label: 'Delete', detail: 'on orders' });
    expect(deleted.facts).toEqual([]);
    const inserted = parsePostgresPlan(fixture('pg-insert-trigger-analyze.json'));
    expect(inserted.roots[0].label).toBe('Insert');
    expect(inserted.facts).toEqual([{ label: 'Trigger for constraint orders_customer_id_fkey on orders', value: '3 calls, 0.354 ms' }]);
  });

  it('names outer, semi and anti joins as the text format does', () => {
    const node = (fields: Record<string, unknown>) => JSON.stringify([{ Plan: { 'Startup Cost': 0, 'Total Cost': 1, 'Plan Rows': 1, ...fields } }]);
    expect(parsePostgresPlan(node({ 'Node Type': 'Hash Join', 'Join Type': 'Left' })).roots[0].label).toBe('Hash Left Join');
    expect(parsePostgresPlan(node({ 'Node Type': 'Nested Loop', 'Join Type': 'Anti' })).roots[0].label).toBe('Nested Loop Anti Join');
    expect(parsePostgresPlan(node({ 'Node Type': 'Merge Join', 'Join Type': 'Inner' })).roots[0].label).toBe('Merge Join');
    expect(parsePostgresPlan(node({ 'Node Type': 'Aggregate', Strategy: 'Sorted' })).roots[0].label).toBe('GroupAggregate');
  });

  it('refuses output that is not an EXPLAIN (FORMAT JSON) document', () => {
    expect(() => parsePostgresPlan('Seq Scan on t  (cost=0.00..1.00 rows=1 width=4)')).toThrow(PlanFormatError);
    expect(() => parsePostgresPlan('[{"Nope": 1}]')).toThrow(PlanFormatError);
    expect(() => parsePostgresPlan('{}')).toThrow(PlanFormatError);
  });
});
