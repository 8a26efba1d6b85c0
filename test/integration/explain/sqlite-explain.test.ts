import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../sqlite/sqlite-kit';
import { errorOf, explainKit, findNode, nodes, planOf, profile, type ExplainKit } from './explain-kit';

let kit: ExplainKit;
let cleanup: () => Promise<void>;
let file: string;
const LITE = () => profile('explain-sqlite', { engine: 'sqlite', filePath: file });

beforeAll(async () => {
  const temp = await makeTempDir();
  cleanup = temp.cleanup;
  file = join(temp.dir, 'shop.sqlite');
  const db = new Database(file);
  db.exec(`CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT NOT NULL, country TEXT NOT NULL);
    CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL REFERENCES customers (id), total REAL NOT NULL);
    CREATE INDEX orders_customer_idx ON orders (customer_id);
    INSERT INTO customers (name, country) VALUES ('Ada', 'UK'), ('Grace', 'US');
    INSERT INTO orders (customer_id, total) VALUES (1, 10), (1, 20), (2, 30);`);
  db.close();
  kit = explainKit([LITE()]);
});

afterAll(async () => {
  await kit?.dispose();
  await cleanup?.();
});

describe('EXPLAIN on SQLite', () => {
  it('turns EXPLAIN QUERY PLAN rows into a tree, marking the full table scan', async () => {
    const plan = planOf(
      await kit.explain(
        LITE().id,
        "SELECT name FROM customers WHERE id = (SELECT max(customer_id) FROM orders) UNION ALL SELECT name FROM customers WHERE country = 'UK'",
        false,
      ),
    );
    expect(plan).toMatchObject({ engine: 'sqlite', analyzed: false, measure: 'none' });
    expect(plan.roots.map((root) => root.label)).toEqual(['COMPOUND QUERY']);
    const subquery = findNode(plan, (node) => node.label.startsWith('SCALAR SUBQUERY'));
    expect(subquery.children.map((child) => `${child.label} ${child.detail}`)).toEqual(['Search orders USING COVERING INDEX orders_customer_idx']);
    const scan = findNode(plan, (node) => node.label === 'Scan');
    expect(scan.detail).toBe('customers');
    expect(scan.hot?.reason).toBe('Full table scan');
    expect(nodes(plan).filter((node) => node.hot)).toEqual([scan]);
    expect(scan.raw.map((field) => field.name)).toEqual(['id', 'parent', 'notused', 'detail']);
  });

  it('says SQLite has no ANALYZE plan', async () => {
    const error = errorOf(await kit.explain(LITE().id, 'SELECT * FROM orders', true));
    expect(error.code).toBe('UNSUPPORTED');
    expect(error.message).toMatch(/SQLite .*no EXPLAIN ANALYZE/);
  });

  it('returns a statement error as QUERY with SQLite message', async () => {
    const error = errorOf(await kit.explain(LITE().id, 'SELECT * FROM no_such_table', false));
    expect(error.code).toBe('QUERY');
    expect(error.message).toMatch(/no such table: no_such_table/);
  });

  it('asks for one statement when the text holds two', async () => {
    const error = errorOf(await kit.explain(LITE().id, 'SELECT 1; SELECT 2', false));
    expect(error.code).toBe('INVALID_INPUT');
  });
});
