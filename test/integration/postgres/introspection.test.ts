import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresDriver } from '../../../electron/core/drivers/postgres/driver';
import type { Introspector } from '../../../electron/core/drivers/types';
import type { PathSegment, SchemaNode } from '../../../shared/model/schema';
import { admin, driverConfig, expectCoreError } from './support';

const DATABASE = 'strata_test_pg_intro';
const HOSTILE_TABLE = `we'ird "name" <img src=x onerror=alert(1)>`;

const FIXTURE = `
CREATE SCHEMA shop;
CREATE TABLE shop.customers (
  id int8 GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email text NOT NULL,
  "Display Name" varchar(100),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX customers_email_key ON shop.customers (email);
CREATE TABLE shop.orders (
  id serial PRIMARY KEY,
  customer_id int8 NOT NULL REFERENCES shop.customers (id) ON DELETE CASCADE,
  total numeric(12, 2) DEFAULT 0,
  status text NOT NULL DEFAULT 'new'
);
CREATE INDEX orders_customer_status_idx ON shop.orders (customer_id, status);
CREATE TABLE shop.order_lines (
  order_id int4,
  line_no int2,
  product text,
  PRIMARY KEY (order_id, line_no),
  CONSTRAINT order_lines_order_fk FOREIGN KEY (order_id) REFERENCES shop.orders (id) ON UPDATE CASCADE ON DELETE RESTRICT
);
CREATE TABLE shop."we'ird ""name"" <img src=x onerror=alert(1)>" (x int);
CREATE VIEW shop.big_orders AS SELECT id, total FROM shop.orders WHERE total > 100;
CREATE MATERIALIZED VIEW shop.order_totals AS SELECT customer_id, sum(total) AS total FROM shop.orders GROUP BY customer_id;
CREATE FUNCTION shop.order_count(customer int8) RETURNS int8 LANGUAGE sql STABLE AS 'SELECT count(*) FROM shop.orders WHERE customer_id = customer';
CREATE SEQUENCE shop.invoice_no AS int4;
`;

let driver: PostgresDriver;
let introspector: Introspector;

const db: PathSegment = { kind: 'database', name: DATABASE };
const shop: PathSegment = { kind: 'schema', name: 'shop' };
const group = (name: string): PathSegment => ({ kind: 'group', name });
const ordersPath: PathSegment[] = [db, shop, group('tables'), { kind: 'table', name: 'orders' }];

function summary(nodes: SchemaNode[]): [string, string, boolean, string | undefined][] {
  return nodes.map((node) => [node.kind, node.name, node.hasChildren, node.detail]);
}

beforeAll(async () => {
  await admin(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${DATABASE}`);
  await admin(FIXTURE, [], DATABASE);
  driver = new PostgresDriver(driverConfig({ database: 'postgres' }));
  await driver.init();
  introspector = driver.createIntrospector();
});

afterAll(async () => {
  await driver.destroy();
  await admin(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
});

describe('PostgreSQL introspection', () => {
  it("lists databases with the profile's first and no templates", async () => {
    const nodes = await introspector.children([]);
    const names = nodes.map((node) => node.name);
    expect(names[0]).toBe('postgres');
    expect(names).toContain(DATABASE);
    expect(names).not.toContain('template0');
    expect(names).not.toContain('template1');
    expect(nodes.find((node) => node.name === DATABASE)).toEqual({ kind: 'database', name: DATABASE, path: [db], hasChildren: true });

    const other = new PostgresDriver(driverConfig({ database: DATABASE }));
    try {
      expect((await other.createIntrospector().children([]))[0].name).toBe(DATABASE);
    } finally {
      await other.destroy();
    }
  });

  it('lists the schemas of another database, system schemas last', async () => {
    expect(summary(await introspector.children([db]))).toEqual([
      ['schema', 'public', true, undefined],
      ['schema', 'shop', true, undefined],
      ['schema', 'information_schema', true, 'system'],
      ['schema', 'pg_catalog', true, 'system'],
    ]);
  });

  it('lists the groups of a schema with their counts', async () => {
    const nodes = await introspector.children([db, shop]);
    expect(summary(nodes)).toEqual([
      ['group', 'tables', true, '4'],
      ['group', 'views', true, '1'],
      ['group', 'materialized-views', true, '1'],
      ['group', 'functions', true, '1'],
      ['group', 'sequences', true, '3'],
    ]);
    expect(nodes[0].path).toEqual([db, shop, group('tables')]);
    expect(summary(await introspector.children([db, { kind: 'schema', name: 'public' }]))).toEqual([
      ['group', 'tables', false, '0'],
      ['group', 'views', false, '0'],
      ['group', 'materialized-views', false, '0'],
      ['group', 'functions', false, '0'],
      ['group', 'sequences', false, '0'],
    ]);
  });

  it('lists the objects of each group', async () => {
    expect(summary(await introspector.children([db, shop, group('tables')]))).toEqual([
      ['table', 'customers', true, undefined],
      ['table', 'order_lines', true, undefined],
      ['table', 'orders', true, undefined],
      ['table', HOSTILE_TABLE, true, undefined],
    ]);
    expect(summary(await introspector.children([db, shop, group('views')]))).toEqual([['view', 'big_orders', true, undefined]]);
    expect(summary(await introspector.children([db, shop, group('materialized-views')]))).toEqual([
      ['materialized-view', 'order_totals', true, undefined],
    ]);
    expect(summary(await introspector.children([db, shop, group('functions')]))).toEqual([
      ['function', 'order_count(customer bigint)', false, 'bigint'],
    ]);
    expect(summary(await introspector.children([db, shop, group('sequences')]))).toEqual([
      ['sequence', 'customers_id_seq', false, 'bigint'],
      ['sequence', 'invoice_no', false, 'integer'],
      ['sequence', 'orders_id_seq', false, 'integer'],
    ]);
    expect(await introspector.children([db, { kind: 'schema', name: 'public' }, group('tables')])).toEqual([]);
  });

  it("lists a table's columns, indexes and foreign keys, and a view's columns", async () => {
    const nodes = await introspector.children(ordersPath);
    expect(summary(nodes)).toEqual([
      ['column', 'id', false, 'integer'],
      ['column', 'customer_id', false, 'bigint'],
      ['column', 'total', false, 'numeric(12,2)'],
      ['column', 'status', false, 'text'],
      ['index', 'orders_customer_status_idx', false, undefined],
      ['index', 'orders_pkey', false, 'primary key'],
      ['foreign-key', 'orders_customer_id_fkey', false, 'references shop.customers'],
    ]);
    expect(nodes[0].path).toEqual([...ordersPath, { kind: 'column', name: 'id' }]);

    expect(summary(await introspector.children([db, shop, group('views'), { kind: 'view', name: 'big_orders' }]))).toEqual([
      ['column', 'id', false, 'integer'],
      ['column', 'total', false, 'numeric(12,2)'],
    ]);
    expect(summary(await introspector.children([db, shop, group('tables'), { kind: 'table', name: HOSTILE_TABLE }]))).toEqual([
      ['column', 'x', false, 'integer'],
    ]);
  });

  it('describes a table exactly', async () => {
    expect(await introspector.tableDetail(ordersPath)).toEqual({
      path: ordersPath,
      kind: 'table',
      columns: [
        { name: 'id', dataType: 'integer', nullable: false, defaultValue: "nextval('shop.orders_id_seq'::regclass)", primaryKeyPosition: 1 },
        { name: 'customer_id', dataType: 'bigint', nullable: false, defaultValue: null, primaryKeyPosition: null },
        { name: 'total', dataType: 'numeric(12,2)', nullable: true, defaultValue: '0', primaryKeyPosition: null },
        { name: 'status', dataType: 'text', nullable: false, defaultValue: "'new'::text", primaryKeyPosition: null },
      ],
      indexes: [
        {
          name: 'orders_customer_status_idx',
          columns: ['customer_id', 'status'],
          unique: false,
          primary: false,
          definition: 'CREATE INDEX orders_customer_status_idx ON shop.orders USING btree (customer_id, status)',
        },
        { name: 'orders_pkey', columns: ['id'], unique: true, primary: true, definition: 'CREATE UNIQUE INDEX orders_pkey ON shop.orders USING btree (id)' },
      ],
      foreignKeys: [
        {
          name: 'orders_customer_id_fkey',
          columns: ['customer_id'],
          referencedSchema: 'shop',
          referencedTable: 'customers',
          referencedColumns: ['id'],
          onUpdate: 'NO ACTION',
          onDelete: 'CASCADE',
        },
      ],
    });
  });

  it('describes composite keys, unique indexes, actions and views', async () => {
    const lines = await introspector.tableDetail([db, shop, group('tables'), { kind: 'table', name: 'order_lines' }]);
    expect(lines.columns.map((column) => [column.name, column.primaryKeyPosition, column.nullable])).toEqual([
      ['order_id', 1, false],
      ['line_no', 2, false],
      ['product', null, true],
    ]);
    expect(lines.foreignKeys).toEqual([
      {
        name: 'order_lines_order_fk',
        columns: ['order_id'],
        referencedSchema: 'shop',
        referencedTable: 'orders',
        referencedColumns: ['id'],
        onUpdate: 'CASCADE',
        onDelete: 'RESTRICT',
      },
    ]);
    expect(lines.indexes.map((index) => [index.name, index.columns])).toEqual([['order_lines_pkey', ['order_id', 'line_no']]]);

    const customers = await introspector.tableDetail([db, shop, group('tables'), { kind: 'table', name: 'customers' }]);
    expect(customers.indexes.find((index) => index.name === 'customers_email_key')).toMatchObject({ columns: ['email'], unique: true, primary: false });
    expect(customers.columns.find((column) => column.name === 'Display Name')).toEqual({
      name: 'Display Name',
      dataType: 'character varying(100)',
      nullable: true,
      defaultValue: null,
      primaryKeyPosition: null,
    });

    const view = await introspector.tableDetail([db, shop, group('materialized-views'), { kind: 'materialized-view', name: 'order_totals' }]);
    expect(view.kind).toBe('materialized-view');
    expect(view.columns.map((column) => [column.name, column.dataType])).toEqual([
      ['customer_id', 'bigint'],
      ['total', 'numeric'],
    ]);
  });

  it('answers NOT_FOUND for objects that do not exist', async () => {
    await expectCoreError(introspector.tableDetail([db, shop, group('tables'), { kind: 'table', name: 'no_such_table' }]), 'NOT_FOUND');
    await expectCoreError(introspector.children([db, shop, group('tables'), { kind: 'table', name: 'big_orders' }]), 'NOT_FOUND');
    await expectCoreError(introspector.children([db, { kind: 'schema', name: 'no_such_schema' }]), 'NOT_FOUND');
    await expectCoreError(introspector.children([db, { kind: 'schema', name: 'no_such_schema' }, group('views')]), 'NOT_FOUND');
    const error = await expectCoreError(introspector.children([{ kind: 'database', name: 'strata_test_pg_no_such_db' }]), 'NOT_FOUND');
    expect(error.message).toContain('"strata_test_pg_no_such_db"');
  });

  it('refuses paths that do not follow the tree', async () => {
    await expectCoreError(introspector.children([shop]), 'INVALID_INPUT');
    await expectCoreError(introspector.tableDetail([db, shop]), 'INVALID_INPUT');
    await expectCoreError(introspector.children([db, shop, group('tables'), { kind: 'view', name: 'orders' }]), 'INVALID_INPUT');
  });
});
