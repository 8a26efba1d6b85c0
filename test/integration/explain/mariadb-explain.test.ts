import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, explainKit, findNode, nodes, planOf, profile, shareSum, type ExplainKit } from './explain-kit';

const DATABASE = 'strata_test_explain';
const MARIADB = profile('explain-mariadb', { engine: 'mysql', host: '127.0.0.1', port: 3306, user: 'root', database: DATABASE });
const JOIN = `SELECT c.country, count(*), sum(o.total) FROM customers c JOIN orders o ON o.customer_id = c.id
WHERE o.placed_at >= '2024-06-01' GROUP BY c.country ORDER BY 3 DESC`;

/** Runs SQL as root on a mysql2 connection of its own, outside the code under test. */
async function admin<Row = Record<string, unknown>>(sql: string, database?: string): Promise<Row[]> {
  const connection = await mysql.createConnection({ host: '127.0.0.1', port: 3306, user: 'root', database, multipleStatements: true });
  try {
    const [rows] = await connection.query(sql);
    return rows as Row[];
  } finally {
    await connection.end();
  }
}

async function count(sql: string): Promise<number> {
  const [row] = await admin<{ n: number }>(sql, DATABASE);
  return Number(row.n);
}

let kit: ExplainKit;

describe('EXPLAIN on MariaDB', () => {
  beforeAll(async () => {
    await admin(`DROP DATABASE IF EXISTS ${DATABASE}; CREATE DATABASE ${DATABASE}`);
    await admin(
      `CREATE TABLE customers (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(50) NOT NULL, country CHAR(2) NOT NULL) ENGINE=InnoDB;
       CREATE TABLE orders (id INT AUTO_INCREMENT PRIMARY KEY, customer_id INT NOT NULL, total DECIMAL(10,2) NOT NULL, placed_at DATE NOT NULL,
         KEY orders_customer_idx (customer_id), CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id)) ENGINE=InnoDB;
       CREATE TABLE audit_log (id INT AUTO_INCREMENT PRIMARY KEY, note VARCHAR(50)) ENGINE=MyISAM;
       INSERT INTO customers (name, country) SELECT CONCAT('c', seq), IF(seq % 10 = 0, 'FR', 'DE') FROM seq_1_to_2000;
       INSERT INTO orders (customer_id, total, placed_at) SELECT 1 + (seq % 2000), (seq % 500) + 0.5, DATE_ADD('2024-01-01', INTERVAL (seq % 365) DAY) FROM seq_1_to_20000;
       INSERT INTO audit_log (note) SELECT CONCAT('n', seq) FROM seq_1_to_100;
       ANALYZE TABLE customers, orders;`,
      DATABASE,
    );
    kit = explainKit([MARIADB]);
  });

  afterAll(async () => {
    await kit?.dispose();
    await admin(`DROP DATABASE IF EXISTS ${DATABASE}`);
  });

  it('shows the estimated plan of a join as a tree of MariaDB steps', async () => {
    const plan = planOf(await kit.explain(MARIADB.id, JOIN, false));
    expect(plan).toMatchObject({ engine: 'mariadb', analyzed: false });
    expect(plan.roots[0].label).toBe('Select #1');
    const lookup = findNode(plan, (node) => node.detail.startsWith('o using orders_customer_idx'));
    expect(lookup.label).toBe('Index lookup');
    expect(lookup.detail).toContain("Condition: o.placed_at >= '2024-06-01'");
    expect(lookup.planRows).toBeGreaterThan(0);
    expect(findNode(plan, (node) => node.label === 'Sort').detail).toBe('sum(o.total) desc');
  });

  it('measures the plan with ANALYZE FORMAT=JSON: times and real rows', async () => {
    const plan = planOf(await kit.explain(MARIADB.id, JOIN, true));
    expect(plan).toMatchObject({ engine: 'mariadb', analyzed: true, measure: 'time' });
    expect(plan.executionTimeMs).toBeGreaterThan(0);
    const customers = findNode(plan, (node) => node.detail === 'c');
    expect(customers.actualRows).toBe(2000);
    expect(customers.loops).toBe(1);
    expect(findNode(plan, (node) => node.label === 'Sort').actualRows).toBe(2);
    expect(shareSum(plan)).toBeCloseTo(1, 6);
    expect(nodes(plan).some((node) => node.hot)).toBe(true);
  });

  it('runs ANALYZE of a DELETE inside a rolled-back transaction: the rows stay, and the plan says so', async () => {
    const before = await count('SELECT count(*) AS n FROM orders');
    const plan = planOf(await kit.explain(MARIADB.id, "DELETE FROM orders WHERE customer_id IN (SELECT id FROM customers WHERE country = 'FR')", true));
    expect(await count('SELECT count(*) AS n FROM orders')).toBe(before);
    expect(findNode(plan, (node) => node.detail.startsWith('orders')).actualRows).toBe(before);
    expect(plan.warnings.join(' ')).toMatch(/rolled back/);
  });

  it('refuses ANALYZE of a statement that writes a MyISAM table, which a rollback cannot undo', async () => {
    kit.appQueries.length = 0;
    const error = errorOf(await kit.explain(MARIADB.id, 'DELETE FROM audit_log', true));
    expect(kit.appQueries.map((query) => query.purpose)).toEqual(['introspection']);
    expect(error.code).toBe('UNSUPPORTED');
    expect(error.message).toMatch(/audit_log uses the MyISAM engine/);
    expect(await count('SELECT count(*) AS n FROM audit_log')).toBe(100);
    const estimated = planOf(await kit.explain(MARIADB.id, 'DELETE FROM audit_log', false));
    expect(estimated.analyzed).toBe(false);
    expect(await count('SELECT count(*) AS n FROM audit_log')).toBe(100);
  });

  it('returns a syntax error as QUERY with the server message', async () => {
    const error = errorOf(await kit.explain(MARIADB.id, 'SELECT * FRM orders', false));
    expect(error.code).toBe('QUERY');
    expect(error.message).toMatch(/You have an error in your SQL syntax/);
  });

  it('asks for one statement when the text holds two', async () => {
    const error = errorOf(await kit.explain(MARIADB.id, 'SELECT 1; SELECT 2', false));
    expect(error.code).toBe('INVALID_INPUT');
  });
});
