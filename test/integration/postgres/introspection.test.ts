import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresDriver } from '../../../electron/core/drivers/postgres/driver';
import type { Introspector } from '../../../electron/core/drivers/types';
import type { PathSegment, SchemaNode } from '../../../shared/model/schema';
import { admin, driverConfig, expectCoreError } from './support';

const DATABASE = 'strata_test_pg_intro';
const HOSTILE_TABLE = `we'ird "name" <img src=x onerror=alert(1)>`;
const ROLE = `strata_test_pg_intro_role_${process.pid}`;

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
CREATE TYPE shop.mood AS ENUM ('sad', 'ok', 'happy');
CREATE TYPE shop.address AS (street text, city text);
CREATE DOMAIN shop.positive_money AS numeric(12, 2) CHECK (VALUE > 0);
CREATE TYPE shop.price_range AS RANGE (SUBTYPE = numeric);
CREATE PROCEDURE shop.archive_orders(before date) LANGUAGE sql AS 'SELECT 1';
CREATE FUNCTION shop.touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;
CREATE TABLE shop.reviews (
  id int PRIMARY KEY,
  order_id int REFERENCES shop.orders (id),
  mood shop.mood NOT NULL DEFAULT 'ok',
  score int CONSTRAINT reviews_score_check CHECK (score BETWEEN 1 AND 5),
  code text CONSTRAINT reviews_code_key UNIQUE
);
COMMENT ON COLUMN shop.reviews.score IS 'From 1 to 5';
CREATE TRIGGER reviews_touch BEFORE INSERT OR UPDATE ON shop.reviews FOR EACH ROW EXECUTE FUNCTION shop.touch();
ALTER TABLE shop.reviews ENABLE ROW LEVEL SECURITY;
CREATE POLICY reviews_happy ON shop.reviews AS RESTRICTIVE FOR SELECT TO PUBLIC USING (mood = 'happy');
CREATE SCHEMA ext;
CREATE EXTENSION "uuid-ossp" SCHEMA ext;
CREATE ROLE ${ROLE} NOLOGIN;
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
  await admin(`DROP ROLE IF EXISTS ${ROLE}`);
  await admin(`CREATE DATABASE ${DATABASE}`);
  await admin(FIXTURE, [], DATABASE);
  driver = new PostgresDriver(driverConfig({ database: 'postgres' }));
  await driver.init();
  introspector = driver.createIntrospector();
});

afterAll(async () => {
  await driver.destroy();
  await admin(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await admin(`DROP ROLE IF EXISTS ${ROLE}`);
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

  it('lists the schemas of another database, system schemas last, then its extensions and roles', async () => {
    const nodes = await introspector.children([db]);
    expect(summary(nodes.filter((node) => node.kind === 'schema'))).toEqual([
      ['schema', 'ext', true, undefined],
      ['schema', 'public', true, undefined],
      ['schema', 'shop', true, undefined],
      ['schema', 'information_schema', true, 'system'],
      ['schema', 'pg_catalog', true, 'system'],
    ]);
    expect(nodes.slice(-2).map((node) => [node.kind, node.name])).toEqual([
      ['group', 'extensions'],
      ['group', 'roles'],
    ]);
    expect(nodes.at(-2)?.detail).toBe('2');

    expect(summary(await introspector.children([db, group('extensions')]))).toEqual([
      ['extension', 'plpgsql', false, '1.0 in pg_catalog'],
      ['extension', 'uuid-ossp', false, '1.1 in ext'],
    ]);
    const roles = await introspector.children([db, group('roles')]);
    expect(roles.find((role) => role.name === 'postgres')?.detail).toMatch(/^login, superuser/);
    expect(roles.find((role) => role.name === ROLE)).toMatchObject({ kind: 'role', detail: 'no login', hasChildren: false });
    expect(roles.map((role) => role.name)).not.toContain('pg_monitor');
  });

  it('lists the objects of each group', async () => {
    expect(summary(await introspector.children([db, shop, group('tables')]))).toEqual([
      ['table', 'customers', true, undefined],
      ['table', 'order_lines', true, undefined],
      ['table', 'orders', true, undefined],
      ['table', 'reviews', true, 'RLS enabled'],
      ['table', HOSTILE_TABLE, true, undefined],
    ]);
    expect(summary(await introspector.children([db, shop, group('views')]))).toEqual([['view', 'big_orders', true, undefined]]);
    expect(summary(await introspector.children([db, shop, group('materialized-views')]))).toEqual([
      ['materialized-view', 'order_totals', true, undefined],
    ]);
    expect(summary(await introspector.children([db, shop, group('functions')]))).toEqual([
      ['function', 'order_count(customer bigint)', false, 'bigint'],
      ['function', 'touch()', false, 'trigger'],
    ]);
    expect(summary(await introspector.children([db, shop, group('procedures')]))).toEqual([
      ['procedure', 'archive_orders(IN before date)', false, 'sql'],
    ]);
    expect(summary(await introspector.children([db, shop, group('types')]))).toEqual([
      ['type', 'address', false, 'composite'],
      ['type', 'mood', false, 'enum'],
      ['type', 'positive_money', false, 'domain over numeric(12,2)'],
      ['type', 'price_range', false, 'range'],
    ]);
    expect(summary(await introspector.children([db, shop, group('sequences')]))).toEqual([
      ['sequence', 'customers_id_seq', false, 'bigint'],
      ['sequence', 'invoice_no', false, 'integer'],
      ['sequence', 'orders_id_seq', false, 'integer'],
    ]);
    expect(await introspector.children([db, { kind: 'schema', name: 'public' }, group('tables')])).toEqual([]);
  });

  it("lists a table's columns, indexes, foreign keys in and out, constraints, and a view's columns", async () => {
    const nodes = await introspector.children(ordersPath);
    expect(summary(nodes)).toEqual([
      ['column', 'id', false, "integer PK DEFAULT nextval('shop.orders_id_seq'::regclass)"],
      ['column', 'customer_id', false, 'bigint FK NOT NULL'],
      ['column', 'total', false, 'numeric(12,2) DEFAULT 0'],
      ['column', 'status', false, "text NOT NULL DEFAULT 'new'::text"],
      ['index', 'orders_customer_status_idx', false, undefined],
      ['index', 'orders_pkey', false, 'primary key'],
      ['foreign-key', 'orders_customer_id_fkey', false, 'references shop.customers'],
      ['constraint', 'orders_pkey', false, 'PRIMARY KEY (id)'],
      ['group', 'referenced-by', true, '2'],
    ]);
    expect(summary(await introspector.children([...ordersPath, group('referenced-by')]))).toEqual([
      ['foreign-key', 'shop.order_lines.order_lines_order_fk', false, '(order_id)'],
      ['foreign-key', 'shop.reviews.reviews_order_id_fkey', false, '(order_id)'],
    ]);
    expect(nodes[0].path).toEqual([...ordersPath, { kind: 'column', name: 'id' }]);

    expect(summary(await introspector.children([db, shop, group('views'), { kind: 'view', name: 'big_orders' }]))).toEqual([
      ['column', 'id', false, 'integer'],
      ['column', 'total', false, 'numeric(12,2)'],
    ]);
    expect(summary(await introspector.children([db, shop, group('tables'), { kind: 'table', name: HOSTILE_TABLE }]))).toEqual([
      ['column', 'x', false, 'integer'],
      ['group', 'referenced-by', false, '0'],
    ]);
  });

  it("lists a table's check and unique constraints, triggers, row-level security policies and commented columns", async () => {
    expect(summary(await introspector.children([db, shop, group('tables'), { kind: 'table', name: 'reviews' }]))).toEqual([
      ['column', 'id', false, 'integer PK'],
      ['column', 'order_id', false, 'integer FK'],
      ['column', 'mood', false, "shop.mood NOT NULL DEFAULT 'ok'::shop.mood"],
      ['column', 'score', false, 'integer — From 1 to 5'],
      ['column', 'code', false, 'text UNIQUE'],
      ['index', 'reviews_code_key', false, 'unique'],
      ['index', 'reviews_pkey', false, 'primary key'],
      ['foreign-key', 'reviews_order_id_fkey', false, 'references shop.orders'],
      ['constraint', 'reviews_code_key', false, 'UNIQUE (code)'],
      ['constraint', 'reviews_pkey', false, 'PRIMARY KEY (id)'],
      ['constraint', 'reviews_score_check', false, 'CHECK (score >= 1 AND score <= 5)'],
      ['trigger', 'reviews_touch', false, 'BEFORE INSERT OR UPDATE FOR EACH ROW'],
      ['policy', 'reviews_happy', false, 'RESTRICTIVE FOR SELECT TO PUBLIC'],
      ['group', 'referenced-by', false, '0'],
    ]);
    await admin('ALTER TABLE shop.reviews DISABLE ROW LEVEL SECURITY', [], DATABASE);
    try {
      const policies = await introspector.children([db, shop, group('tables'), { kind: 'table', name: 'reviews' }]);
      expect(policies.find((node) => node.kind === 'policy')?.detail).toBe('RESTRICTIVE FOR SELECT TO PUBLIC (row-level security is disabled on the table)');
    } finally {
      await admin('ALTER TABLE shop.reviews ENABLE ROW LEVEL SECURITY', [], DATABASE);
    }
  });

  it('describes a table exactly', async () => {
    expect(await introspector.tableDetail(ordersPath)).toEqual({
      path: ordersPath,
      kind: 'table',
      columns: [
        { name: 'id', dataType: 'integer', nullable: false, defaultValue: "nextval('shop.orders_id_seq'::regclass)", primaryKeyPosition: 1, comment: null },
        { name: 'customer_id', dataType: 'bigint', nullable: false, defaultValue: null, primaryKeyPosition: null, comment: null },
        { name: 'total', dataType: 'numeric(12,2)', nullable: true, defaultValue: '0', primaryKeyPosition: null, comment: null },
        { name: 'status', dataType: 'text', nullable: false, defaultValue: "'new'::text", primaryKeyPosition: null, comment: null },
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

  it("describes a column's comment", async () => {
    const reviews = await introspector.tableDetail([db, shop, group('tables'), { kind: 'table', name: 'reviews' }]);
    expect(reviews.columns.map((column) => [column.name, column.comment])).toEqual([
      ['id', null],
      ['order_id', null],
      ['mood', null],
      ['score', 'From 1 to 5'],
      ['code', null],
    ]);
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
      comment: null,
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
    await expectCoreError(introspector.children([db, shop, group('views'), { kind: 'view', name: 'big_orders' }, group('referenced-by')]), 'INVALID_INPUT');
    await expectCoreError(introspector.children([...ordersPath, { kind: 'policy', name: 'p' }, { kind: 'column', name: 'c' }]), 'INVALID_INPUT');
    await expectCoreError(introspector.children([db, group('no-such-group')]), 'NOT_FOUND');
  });
});
