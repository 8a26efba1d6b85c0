import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { parseMysqlPlan } from '../../../shared/explain/mysql-plan';
import type { Plan } from '../../../shared/explain/plan';
import { parsePostgresPlan } from '../../../shared/explain/postgres-plan';
import { parseSqlitePlan } from '../../../shared/explain/sqlite-plan';
import { weighPlan } from '../../../shared/explain/weigh';
import { PlanView } from '../../../renderer/features/explain/PlanView';
import { fixture, sqliteRows } from './fixtures';

function render(plan: Plan): string {
  return renderToStaticMarkup(createElement(PlanView, { plan }));
}

/** The markup's text, tags dropped, entities decoded: what a reader sees. */
function visibleText(markup: string): string {
  return markup
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

describe('PlanView', () => {
  it('shows the totals, every step with its figures, and a share bar per step', () => {
    const markup = render(weighPlan(parsePostgresPlan(fixture('pg-join-analyze.json'))));
    const text = visibleText(markup);
    expect(text).toContain('Analyzed plan · PostgreSQL');
    expect(text).toContain('Planning 1.4 ms');
    expect(text).toContain('Execution 39 ms');
    expect(text).toContain('Total cost 1,296.53');
    expect(text).toContain("Seq Scan on orders o · Filter: (placed_at >= '2024-06-01'::date)");
    expect(text).toContain('29,177 / 29,266');
    expect(markup.match(/role="treeitem"/g)).toHaveLength(6);
    expect(markup.match(/class="plan-bar-fill"/g)).toHaveLength(6);
    expect(markup).toContain('aria-level="4"');
  });

  it('highlights the most expensive steps and says why', () => {
    const markup = render(weighPlan(parsePostgresPlan(fixture('pg-join-estimate.json'))));
    expect(markup.match(/plan-row plan-row-high|plan-row plan-row-selected plan-row-high/g)?.length).toBeGreaterThan(0);
    expect(markup).toContain('aria-label="73% of the plan&#x27;s estimated cost"');
  });

  it('shows actual rows alone where the engine gave no estimate, and no bar for steps with no share', () => {
    const text = visibleText(render(weighPlan(parseMysqlPlan(fixture('mariadb-join-analyze.json'), 'mariadb'))));
    expect(text).toContain('Sort sum(o.total) desc 2 0.012 ms');
    expect(text).toContain('Temporary table Nested loop join Full table scan');
  });

  it('flags a 10× row misestimate on the row', () => {
    const markup = render(weighPlan(parsePostgresPlan(fixture('pg-nested-loop-analyze.json'))));
    expect(markup).toContain('aria-label="19× more rows than estimated"');
    expect(visibleText(markup)).toContain('×19');
  });

  it('shows the selected step’s raw fields in the details pane, the root first', () => {
    const markup = render(weighPlan(parseMysqlPlan(fixture('mariadb-join-analyze.json'), 'mariadb')));
    expect(markup).toContain('aria-label="Details of Select #1"');
    const text = visibleText(markup);
    expect(text).toContain('Reported by the engine');
    expect(text).toContain('r_total_time_ms 130.2399613');
  });

  it('says what is missing when the engine reports no figures', () => {
    const markup = render(weighPlan(parseSqlitePlan(sqliteRows('join'))));
    expect(visibleText(markup)).toContain('SQLite reports no costs, row estimates or times: full table scans are marked.');
    expect(markup).not.toContain('plan-bar');
    expect(markup).toContain('aria-label="Full table scan"');
  });

  it('renders names and values from the database as text, never as markup', () => {
    const hostile = '<img src=x onerror="alert(1)">';
    const plan = weighPlan({
      engine: 'postgres',
      analyzed: false,
      roots: [{ id: '0', label: `Seq Scan ${hostile}`, detail: `on ${hostile}`, totalCost: 1, children: [], raw: [{ name: hostile, value: hostile }] }],
      facts: [{ label: hostile, value: hostile }],
      warnings: [hostile],
    });
    const markup = render(plan);
    expect(markup).not.toContain('<img');
    expect(visibleText(markup)).toContain(`on ${hostile}`);
  });
});
