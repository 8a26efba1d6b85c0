import { describe, expect, it } from 'vitest';
import { misestimate } from '../../../shared/explain/estimates';
import { parseMysqlPlan } from '../../../shared/explain/mysql-plan';
import { planNodes, type ParsedPlan, type PlanNode } from '../../../shared/explain/plan';
import { parsePostgresPlan } from '../../../shared/explain/postgres-plan';
import { parseSqlitePlan } from '../../../shared/explain/sqlite-plan';
import { formatShare, weighPlan } from '../../../shared/explain/weigh';
import { fixture, sqliteRows } from './fixtures';

function node(label: string, figures: Partial<PlanNode>, children: PlanNode[] = []): PlanNode {
  return { id: label, label, detail: '', children, raw: [], ...figures };
}

function parsed(roots: PlanNode[], analyzed: boolean): ParsedPlan {
  return { engine: 'postgres', analyzed, roots, facts: [] };
}

function all(roots: PlanNode[]): PlanNode[] {
  return [...planNodes(roots)];
}

describe('weighPlan', () => {
  it('derives each node’s own time from totals and gives shares of the whole that add up to 1', () => {
    const plan = weighPlan(
      parsed([node('Sort', { actualTimeMs: 100 }, [node('Join', { actualTimeMs: 90 }, [node('Scan A', { actualTimeMs: 60 }), node('Scan B', { actualTimeMs: 10 })])])], true),
    );
    expect(plan.measure).toBe('time');
    expect(all(plan.roots).map((n) => [n.label, n.selfTimeMs, n.share])).toEqual([
      ['Sort', 10, 0.1],
      ['Join', 20, 0.2],
      ['Scan A', 60, 0.6],
      ['Scan B', 10, 0.1],
    ]);
  });

  it('marks a node taking ≥ 30 % as high, and the next biggest of the top 3 above 10 % as notable', () => {
    const plan = weighPlan(
      parsed(
        [
          node('Root', { actualTimeMs: 100 }, [
            node('Big', { actualTimeMs: 45 }),
            node('Second', { actualTimeMs: 25 }),
            node('Third', { actualTimeMs: 12 }),
            node('Fourth', { actualTimeMs: 11 }),
            node('Small', { actualTimeMs: 5 }),
          ]),
        ],
        true,
      ),
    );
    const marks = Object.fromEntries(all(plan.roots).map((n) => [n.label, n.hot?.level ?? null]));
    expect(marks).toEqual({ Root: null, Big: 'high', Second: 'notable', Third: 'notable', Fourth: null, Small: null });
    expect(plan.roots[0].children[0].hot?.reason).toBe("45% of the plan's time");
    expect(plan.roots[0].children[1].hot?.reason).toMatch(/Among the 3 most expensive steps: 25% of the plan's time/);
  });

  it('weighs by cost when the plan was not analyzed, and leaves its input unchanged', () => {
    const input = parsePostgresPlan(fixture('pg-join-estimate.json'));
    const before = JSON.stringify(input);
    const plan = weighPlan(input);
    expect(JSON.stringify(input)).toBe(before);
    expect(plan.measure).toBe('cost');
    const scan = all(plan.roots).find((n) => n.detail.startsWith('on orders o')) as PlanNode;
    // 944 of 1296.53 in all
    expect(scan.share).toBeCloseTo(944 / 1296.53, 6);
    expect(scan.hot?.level).toBe('high');
    expect(all(plan.roots).reduce((sum, n) => sum + (n.share ?? 0), 0)).toBeCloseTo(1, 9);
  });

  it('weighs an analyzed PostgreSQL plan by time, the join and aggregate taking their own part', () => {
    const plan = weighPlan(parsePostgresPlan(fixture('pg-join-analyze.json')));
    expect(plan.measure).toBe('time');
    const aggregate = all(plan.roots).find((n) => n.label === 'HashAggregate') as PlanNode;
    // 38.785 − 25.619 of the Hash Join below
    expect(aggregate.selfTimeMs).toBeCloseTo(13.166, 6);
    expect(aggregate.hot?.level).toBe('high');
  });

  it('lets measured times decide over a parser’s full-scan marks', () => {
    const plan = weighPlan(parseMysqlPlan(fixture('mariadb-join-analyze.json'), 'mariadb'));
    expect(plan.measure).toBe('time');
    const marked = all(plan.roots).filter((n) => n.hot);
    expect(marked.map((n) => n.label)).toEqual(['Index lookup']);
    expect(marked[0].share).toBeGreaterThan(0.9);
  });

  it('keeps the full-scan marks when there is nothing to measure (SQLite, MariaDB without ANALYZE)', () => {
    const sqlite = weighPlan(parseSqlitePlan(sqliteRows('join')));
    expect(sqlite.measure).toBe('none');
    expect(all(sqlite.roots).filter((n) => n.hot).map((n) => n.detail)).toEqual(['o']);
    expect(all(sqlite.roots).every((n) => n.share === undefined)).toBe(true);
    const mariadb = weighPlan(parseMysqlPlan(fixture('mariadb-join-estimate.json'), 'mariadb'));
    expect(mariadb.measure).toBe('none');
    expect(mariadb.warnings).toEqual([]);
  });

  it('weighs a MySQL 8 plan by the tables’ own costs', () => {
    const plan = weighPlan(parseMysqlPlan(fixture('mysql8-join-estimate.json'), 'mysql'));
    expect(plan.measure).toBe('cost');
    const lookup = all(plan.roots).find((n) => n.label === 'Index lookup') as PlanNode;
    expect(lookup.share).toBeCloseTo(3749.15 / (3749.15 + 203.25), 6);
  });
});

describe('misestimate', () => {
  it('flags estimates 10× or more off in either direction, per loop', () => {
    expect(misestimate({ planRows: 1, actualRows: 19, loops: 1 })).toMatchObject({ factor: 19, direction: 'under' });
    expect(misestimate({ planRows: 5000, actualRows: 200, loops: 3 })).toMatchObject({ factor: 25, direction: 'over' });
    expect(misestimate({ planRows: 10, actualRows: 99, loops: 1 })).toBeNull();
    expect(misestimate({ planRows: 10, actualRows: 100, loops: 1 })).toMatchObject({ factor: 10 });
  });

  it('counts zero rows as one, and says nothing without both figures or for a node that never ran', () => {
    expect(misestimate({ planRows: 1, actualRows: 0, loops: 1 })).toBeNull();
    expect(misestimate({ planRows: 25, actualRows: 0, loops: 1 })).toMatchObject({ factor: 25, direction: 'over' });
    expect(misestimate({ planRows: 25, actualRows: 0, loops: 0 })).toBeNull();
    expect(misestimate({ planRows: 25 })).toBeNull();
  });

  it('finds the misestimate in a captured plan', () => {
    const plan = parsePostgresPlan(fixture('pg-nested-loop-analyze.json'));
    const flagged = all(plan.roots).filter((n) => misestimate(n) !== null);
    expect(flagged.map((n) => n.label)).toEqual(['Nested Loop', 'Index Scan']);
  });
});

describe('formatShare', () => {
  it('shows one decimal under 10 % and whole percents above', () => {
    expect(formatShare(0.0423)).toBe('4.2%');
    expect(formatShare(0.456)).toBe('46%');
    expect(formatShare(0.0004)).toBe('<0.1%');
    expect(formatShare(0)).toBe('0.0%');
  });
});
