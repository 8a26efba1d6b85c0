import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { misestimate } from '../../../shared/explain/estimates';
import { admin, PG_HOST, PG_PORT } from '../postgres/support';
import { errorOf, explainKit, findNode, nodes, planOf, profile, shareSum, type ExplainKit } from './explain-kit';

const DATABASE = 'strata_test_explain';
const PG = profile('explain-pg', { engine: 'postgres', host: PG_HOST, port: PG_PORT, user: 'postgres', database: DATABASE });
const PG_READ_ONLY = profile('explain-pg-read-only', { engine: 'postgres', host: PG_HOST, port: PG_PORT, user: 'postgres', database: DATABASE, readOnly: true });
const JOIN = `SELECT c.country, count(*), sum(o.total) FROM customers c JOIN orders o ON o.customer_id = c.id
WHERE o.placed_at >= date '2024-06-01' GROUP BY c.country ORDER BY 3 DESC`;

let kit: ExplainKit;

async function count(sql: string): Promise<number> {
  const [row] = await admin<{ n: string }>(sql, [], DATABASE);
  return Number(row.n);
}

beforeAll(async () => {
  await admin(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${DATABASE}`);
  await admin(
    `CREATE TABLE customers (id serial PRIMARY KEY, name text NOT NULL, country text NOT NULL);
     CREATE TABLE orders (id serial PRIMARY KEY, customer_id int NOT NULL REFERENCES customers (id), total numeric(10,2) NOT NULL, placed_at date NOT NULL);
     CREATE INDEX orders_customer_idx ON orders (customer_id);
     CREATE TABLE "odd <b>name</b>" (id int);
     INSERT INTO customers (name, country) SELECT 'c' || g, CASE WHEN g % 10 = 0 THEN 'FR' ELSE 'DE' END FROM generate_series(1, 2000) g;
     INSERT INTO orders (customer_id, total, placed_at) SELECT 1 + (g % 2000), (g % 500) + 0.5, date '2024-01-01' + (g % 365) FROM generate_series(1, 50000) g;
     ANALYZE;`,
    [],
    DATABASE,
  );
  kit = explainKit([PG, PG_READ_ONLY]);
});

afterAll(async () => {
  await kit?.dispose();
  await admin(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
});

describe('EXPLAIN on PostgreSQL', () => {
  it('shows the estimated plan as a tree weighed by cost, without running the statement', async () => {
    const plan = planOf(await kit.explain(PG.id, JOIN, false));
    expect(plan).toMatchObject({ engine: 'postgres', analyzed: false, measure: 'cost' });
    expect(plan.roots).toHaveLength(1);
    expect(plan.roots[0].label).toBe('Sort');
    const scan = findNode(plan, (node) => node.detail.startsWith('on orders o'));
    expect(scan.detail).toContain("Filter: (placed_at >= '2024-06-01'::date)");
    expect(scan.totalCost).toBeGreaterThan(0);
    expect(scan.actualRows).toBeUndefined();
    expect(plan.totalCost).toBe(plan.roots[0].totalCost);
    expect(shareSum(plan)).toBeCloseTo(1, 6);
    expect(nodes(plan).filter((node) => node.hot).length).toBeGreaterThan(0);
    expect(plan.warnings).toEqual([]);
  });

  it('measures the plan with ANALYZE: real row counts and times per node', async () => {
    const since = await count("SELECT count(*) AS n FROM orders WHERE placed_at >= date '2024-06-01'");
    const plan = planOf(await kit.explain(PG.id, JOIN, true));
    expect(plan).toMatchObject({ engine: 'postgres', analyzed: true, measure: 'time' });
    expect(plan.executionTimeMs).toBeGreaterThan(0);
    expect(plan.planningTimeMs).toBeGreaterThan(0);
    const scan = findNode(plan, (node) => node.detail.startsWith('on orders o'));
    expect(scan.actualRows).toBe(since);
    expect(scan.loops).toBe(1);
    expect(plan.roots[0].actualRows).toBe(2);
    expect(shareSum(plan)).toBeCloseTo(1, 6);
    expect(scan.raw.find((field) => field.name === 'Shared Hit Blocks')).toBeDefined();
  });

  it('flags a 10× row misestimate that ANALYZE reveals', async () => {
    // The planner cannot know that every name is already lower case: it expects 0.5 % of the rows.
    const plan = planOf(await kit.explain(PG.id, 'SELECT * FROM customers WHERE lower(name) = name', true));
    const scan = findNode(plan, (node) => node.detail.startsWith('on customers'));
    expect(scan.actualRows).toBe(2000);
    expect(misestimate(scan)).toMatchObject({ direction: 'under' });
  });

  it('runs ANALYZE of a DELETE inside a rolled-back transaction: the rows stay, and the plan says so', async () => {
    const before = await count('SELECT count(*) AS n FROM orders');
    const doomed = await count("SELECT count(*) AS n FROM orders WHERE customer_id IN (SELECT id FROM customers WHERE country = 'FR')");
    kit.appQueries.length = 0;
    const plan = planOf(await kit.explain(PG.id, "DELETE FROM orders WHERE customer_id IN (SELECT id FROM customers WHERE country = 'FR')", true));
    expect(await count('SELECT count(*) AS n FROM orders')).toBe(before);
    expect(plan.roots[0].label).toBe('Delete');
    expect(plan.roots[0].detail).toBe('on orders');
    const join = plan.roots[0].children[0];
    expect(join.actualRows).toBe(doomed);
    expect(plan.warnings.join(' ')).toMatch(/rolled back/);
    expect(plan.facts.some((fact) => fact.label.startsWith('Trigger'))).toBe(false);
    expect(kit.appQueries.map((query) => query.sql)).toEqual(['BEGIN', 'ROLLBACK']);
    expect(kit.appQueries.every((query) => query.ok)).toBe(true);
  });

  it('rolls back ANALYZE of a data-changing CTE and of an INSERT too', async () => {
    const before = await count('SELECT count(*) AS n FROM customers');
    planOf(await kit.explain(PG.id, "WITH gone AS (DELETE FROM orders WHERE total > 400 RETURNING customer_id) INSERT INTO customers (name, country) SELECT 'x', 'XX' FROM gone", true));
    expect(await count('SELECT count(*) AS n FROM customers')).toBe(before);
    expect(await count('SELECT count(*) AS n FROM orders WHERE total > 400')).toBeGreaterThan(0);
  });

  it('leaves the session clean after a failed ANALYZE: the next EXPLAIN works on the same pool', async () => {
    const failed = errorOf(await kit.explain(PG.id, 'DELETE FROM orders WHERE customer_id = 1 / 0', true));
    expect(failed.code).toBe('QUERY');
    expect(failed.message).toMatch(/division by zero/);
    const plan = planOf(await kit.explain(PG.id, 'SELECT 1', false));
    expect(plan.roots[0].label).toBe('Result');
  });

  it('refuses ANALYZE of a DELETE on a read-only connection, with the server saying why', async () => {
    const before = await count('SELECT count(*) AS n FROM orders');
    const error = errorOf(await kit.explain(PG_READ_ONLY.id, 'DELETE FROM orders', true));
    expect(error.code).toBe('QUERY');
    expect(error.message).toMatch(/read-only transaction/);
    expect(await count('SELECT count(*) AS n FROM orders')).toBe(before);
  });

  it('returns a syntax error as QUERY with the server message, its position mapped onto the text sent', async () => {
    const sql = '-- the statement\nSELECT * FRM orders';
    const error = errorOf(await kit.explain(PG.id, sql, false));
    expect(error.code).toBe('QUERY');
    expect(error.message).toMatch(/syntax error at or near "FRM"/);
    expect(error.detail?.position).toBe(sql.indexOf('FRM') + 1);
  });

  it('asks for one statement when the text holds two', async () => {
    const error = errorOf(await kit.explain(PG.id, 'SELECT 1; SELECT 2;', false));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toMatch(/2 statements.*Select the one statement/);
  });

  it('accepts one statement with its semicolon and comments, and refuses an EXPLAIN of an EXPLAIN', async () => {
    planOf(await kit.explain(PG.id, '/* one */ SELECT 1; -- done', false));
    const error = errorOf(await kit.explain(PG.id, 'EXPLAIN SELECT 1', false));
    expect(error.code).toBe('INVALID_INPUT');
  });

  it('keeps hostile names as plain text in the plan', async () => {
    const plan = planOf(await kit.explain(PG.id, 'SELECT * FROM "odd <b>name</b>"', false));
    expect(plan.roots[0].detail).toBe('on odd <b>name</b>');
  });

  it('validates the request against the contract', async () => {
    const result = await kit.host.invoke('query/explain', { connectionId: PG.id, sql: 'SELECT 1' }, { id: 'test-client', emit: () => undefined });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('INVALID_INPUT');
  });
});
