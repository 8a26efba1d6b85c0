import { describe, expect, it } from 'vitest';
import { parsePostgresPlan } from '../../../shared/explain/postgres-plan';
import { weighPlan } from '../../../shared/explain/weigh';
import { planColumns } from '../../../renderer/features/explain/plan-columns';
import { describeMisestimate, formatCost, formatPlanMs, formatRowCount } from '../../../renderer/features/explain/plan-format';
import { branchIds, findPlanNode, treeKeyAction, visiblePlanRows } from '../../../renderer/features/explain/plan-rows';
import { parseSqlitePlan } from '../../../shared/explain/sqlite-plan';
import { fixture, sqliteRows } from './fixtures';

const plan = parsePostgresPlan(fixture('pg-join-estimate.json'));
const labels = (collapsed: string[]) => visiblePlanRows(plan.roots, new Set(collapsed)).map((row) => `${row.depth}:${row.node.label}`);

describe('visiblePlanRows', () => {
  it('lists every node in tree order with its depth when all is expanded', () => {
    expect(labels([])).toEqual(['0:Sort', '1:HashAggregate', '2:Hash Join', '3:Seq Scan', '3:Hash', '4:Seq Scan']);
  });

  it('hides the descendants of a collapsed node', () => {
    expect(labels(['0.0.0'])).toEqual(['0:Sort', '1:HashAggregate', '2:Hash Join']);
    expect(labels(branchIds(plan.roots))).toEqual(['0:Sort']);
    expect(branchIds(plan.roots)).toEqual(['0', '0.0', '0.0.0', '0.0.0.1']);
  });

  it('finds a node by id', () => {
    expect(findPlanNode(plan.roots, '0.0.0.1')?.label).toBe('Hash');
    expect(findPlanNode(plan.roots, '9')).toBeNull();
  });
});

describe('treeKeyAction', () => {
  const rows = visiblePlanRows(plan.roots, new Set(['0.0.0.1']));

  it('moves up and down, by page and to the ends, staying inside the tree', () => {
    expect(treeKeyAction('ArrowDown', rows, 0, 10)).toEqual({ type: 'focus', index: 1 });
    expect(treeKeyAction('ArrowUp', rows, 0, 10)).toEqual({ type: 'focus', index: 0 });
    expect(treeKeyAction('PageDown', rows, 0, 3)).toEqual({ type: 'focus', index: 3 });
    expect(treeKeyAction('End', rows, 0, 10)).toEqual({ type: 'focus', index: rows.length - 1 });
    expect(treeKeyAction('Home', rows, 3, 10)).toEqual({ type: 'focus', index: 0 });
  });

  it('opens a closed node with Right, then enters it; closes with Left, then goes to the parent', () => {
    const hash = rows.findIndex((row) => row.node.id === '0.0.0.1');
    expect(treeKeyAction('ArrowRight', rows, hash, 10)).toEqual({ type: 'toggle', id: '0.0.0.1' });
    expect(treeKeyAction('ArrowRight', rows, 0, 10)).toEqual({ type: 'focus', index: 1 });
    expect(treeKeyAction('ArrowLeft', rows, 0, 10)).toEqual({ type: 'toggle', id: '0' });
    expect(treeKeyAction('ArrowLeft', rows, hash, 10)).toEqual({ type: 'focus', index: 2 });
    expect(treeKeyAction('Enter', rows, hash, 10)).toEqual({ type: 'toggle', id: '0.0.0.1' });
    const leaf = rows.findIndex((row) => row.node.id === '0.0.0.0');
    expect(treeKeyAction('Enter', rows, leaf, 10)).toBeNull();
    expect(treeKeyAction('x', rows, leaf, 10)).toBeNull();
  });
});

describe('planColumns', () => {
  it('shows only the figures the plan has', () => {
    expect(planColumns(weighPlan(plan))).toEqual({ cost: true, rows: true, time: false, share: true });
    expect(planColumns(weighPlan(parsePostgresPlan(fixture('pg-join-analyze.json'))))).toEqual({ cost: true, rows: true, time: true, share: true });
    expect(planColumns(weighPlan(parseSqlitePlan(sqliteRows('join'))))).toEqual({ cost: false, rows: false, time: false, share: false });
  });
});

describe('plan figures', () => {
  it('formats sub-millisecond times, costs, rows and misestimates for people', () => {
    expect(formatPlanMs(0.0381)).toBe('0.038 ms');
    expect(formatPlanMs(12.183)).toBe('12.2 ms');
    expect(formatPlanMs(1204.4)).toBe('1,204 ms');
    expect(formatPlanMs(12_400)).toBe('12.4 s');
    expect(formatCost(1296.53)).toBe('1,296.53');
    expect(formatRowCount(29177)).toBe('29,177');
    expect(formatRowCount(58.354)).toBe('58.4');
    expect(describeMisestimate({ factor: 19, direction: 'under' })).toBe('19× more rows than estimated');
    expect(describeMisestimate({ factor: 250.4, direction: 'over' })).toBe('250× fewer rows than estimated');
  });
});
