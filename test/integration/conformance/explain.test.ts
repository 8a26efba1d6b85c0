import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan, PlanEngine, PlanNode } from '../../../shared/explain/plan';
import { planNodes } from '../../../shared/explain/plan';
import { CallError, type TestClient, type TestCore } from '../core/core-harness';
import { engineKits, type EngineKit } from './engine-kits';
import { openKitSession } from './kit-session';

const JOIN = `SELECT explain_customers.name, explain_orders.total
FROM explain_customers JOIN explain_orders ON explain_orders.customer_id = explain_customers.id
WHERE explain_customers.country = 'FR'`;
const UPDATE = 'UPDATE explain_orders SET total = total + 1 WHERE customer_id = 7';

const fixtures: Record<EngineKit['engine'], string[]> = {
  postgres: [
    'CREATE TABLE explain_customers (id int PRIMARY KEY, name text NOT NULL, country text NOT NULL)',
    'CREATE TABLE explain_orders (id int PRIMARY KEY, customer_id int NOT NULL REFERENCES explain_customers (id), total numeric(10,2) NOT NULL)',
    'CREATE INDEX explain_orders_customer_idx ON explain_orders (customer_id)',
    "INSERT INTO explain_customers SELECT g, 'c' || g, CASE WHEN g % 10 = 0 THEN 'FR' ELSE 'DE' END FROM generate_series(1, 200) g",
    'INSERT INTO explain_orders SELECT g, 1 + g % 200, g % 50 FROM generate_series(1, 4000) g',
    'ANALYZE explain_customers',
    'ANALYZE explain_orders',
  ],
  mysql: [
    'CREATE TABLE explain_customers (id INT PRIMARY KEY, name VARCHAR(20) NOT NULL, country CHAR(2) NOT NULL) ENGINE=InnoDB',
    `CREATE TABLE explain_orders (id INT PRIMARY KEY, customer_id INT NOT NULL, total DECIMAL(10,2) NOT NULL,
       KEY explain_orders_customer_idx (customer_id), FOREIGN KEY (customer_id) REFERENCES explain_customers (id)) ENGINE=InnoDB`,
    "INSERT INTO explain_customers SELECT seq, CONCAT('c', seq), IF(seq % 10 = 0, 'FR', 'DE') FROM seq_1_to_200",
    'INSERT INTO explain_orders SELECT seq, 1 + seq % 200, seq % 50 FROM seq_1_to_4000',
    'ANALYZE TABLE explain_customers, explain_orders',
  ],
  sqlite: [
    'CREATE TABLE explain_customers (id INTEGER PRIMARY KEY, name TEXT NOT NULL, country TEXT NOT NULL)',
    'CREATE TABLE explain_orders (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL REFERENCES explain_customers (id), total REAL NOT NULL)',
    'CREATE INDEX explain_orders_customer_idx ON explain_orders (customer_id)',
    `WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < 200)
       INSERT INTO explain_customers SELECT n, 'c' || n, CASE WHEN n % 10 = 0 THEN 'FR' ELSE 'DE' END FROM g`,
    `WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < 4000)
       INSERT INTO explain_orders SELECT n, 1 + n % 200, n % 50 FROM g`,
    'ANALYZE',
  ],
};

/** What each engine's plan must hold: the server in CI behind the mysql kit is MariaDB. */
const expected: Record<EngineKit['engine'], { engine: PlanEngine; costs: boolean; analyze: boolean }> = {
  postgres: { engine: 'postgres', costs: true, analyze: true },
  mysql: { engine: 'mariadb', costs: false, analyze: true },
  sqlite: { engine: 'sqlite', costs: false, analyze: false },
};

const nodesOf = (plan: Plan): PlanNode[] => [...planNodes(plan.roots)];
const nodeNaming = (plan: Plan, table: string): PlanNode | undefined => nodesOf(plan).find((node) => `${node.label} ${node.detail}`.includes(table));

describe.each(engineKits())('EXPLAIN through query/explain ($label)', (kit) => {
  const expectation = expected[kit.engine];
  let core: TestCore;
  let client: TestClient;
  let connectionId = '';

  const explain = (sql: string, analyze: boolean) => client.call('query/explain', { connectionId, sql, analyze });
  const ordersState = async () => (await kit.admin('SELECT count(*) AS n, sum(total) AS s FROM explain_orders'))[0];

  beforeAll(async () => {
    await kit.setup();
    for (const sql of fixtures[kit.engine]) await kit.admin(sql);
    ({ core, client, connectionId } = await openKitSession(kit));
  });

  afterAll(async () => {
    await core?.cleanup();
    await kit.teardown();
  });

  it('shows the plan of a join as a tree with a root, naming both tables, with the estimates the engine gives', async () => {
    const plan = await explain(JOIN, false);
    expect(plan).toMatchObject({ engine: expectation.engine, analyzed: false });
    expect(plan.roots.length).toBeGreaterThanOrEqual(1);
    expect(plan.roots[0].label).not.toBe('');
    const nodes = nodesOf(plan);
    expect(new Set(nodes.map((node) => node.id)).size).toBe(nodes.length);
    const customers = nodeNaming(plan, 'explain_customers');
    const orders = nodeNaming(plan, 'explain_orders');
    expect(customers, 'a node names explain_customers').toBeDefined();
    expect(orders, 'a node names explain_orders').toBeDefined();
    if (kit.engine === 'sqlite') {
      // SQLite's EXPLAIN QUERY PLAN has no costs and no row estimates: none are made up.
      expect(plan.measure).toBe('none');
      expect(plan.totalCost).toBeUndefined();
      expect(nodes.every((node) => node.totalCost === undefined && node.planRows === undefined && node.actualRows === undefined)).toBe(true);
    } else {
      for (const node of [customers, orders]) expect(node?.planRows, `${node?.label} ${node?.detail}`).toBeGreaterThan(0);
    }
    if (expectation.costs) {
      expect(plan.measure).toBe('cost');
      expect(plan.totalCost).toBeGreaterThan(0);
      expect(nodes.every((node) => node.totalCost !== undefined)).toBe(true);
    }
  });

  it('measures the join with ANALYZE where the engine can, and says why not where it cannot', async () => {
    if (!expectation.analyze) {
      const error = await explain(JOIN, true).then(
        () => null,
        (caught: unknown) => (caught instanceof CallError ? caught.error : Promise.reject(caught)),
      );
      expect(error).toMatchObject({ code: 'UNSUPPORTED', message: expect.stringMatching(/no EXPLAIN ANALYZE/) });
      return;
    }
    const [{ n: joined }] = await kit.admin(
      "SELECT count(*) AS n FROM explain_orders JOIN explain_customers ON explain_orders.customer_id = explain_customers.id WHERE explain_customers.country = 'FR'",
    );
    const plan = await explain(JOIN, true);
    expect(plan).toMatchObject({ engine: expectation.engine, analyzed: true, measure: 'time' });
    expect(plan.executionTimeMs).toBeGreaterThan(0);
    // Each table's node counts the rows it really read, over all its loops: at least the French
    // customers, and at least as many orders as the join returns.
    const read = (node: PlanNode | undefined) => (node?.actualRows ?? 0) * (node?.loops ?? 0);
    expect(read(nodeNaming(plan, 'explain_customers'))).toBeGreaterThanOrEqual(20);
    expect(read(nodeNaming(plan, 'explain_orders'))).toBeGreaterThanOrEqual(Number(joined));
    expect(Number(joined)).toBe(400);
    if (kit.engine === 'postgres') {
      expect(plan.roots[0].actualRows).toBe(400);
      expect(nodesOf(plan).every((node) => node.actualTimeMs !== undefined)).toBe(true);
    }
  });

  it('explains an UPDATE without ANALYZE without changing a row', async () => {
    const before = await ordersState();
    const plan = await explain(UPDATE, false);
    expect(plan.analyzed).toBe(false);
    expect(plan.warnings).toEqual([]);
    expect(nodeNaming(plan, 'explain_orders'), 'a node names explain_orders').toBeDefined();
    expect(await ordersState()).toEqual(before);
  });
});
