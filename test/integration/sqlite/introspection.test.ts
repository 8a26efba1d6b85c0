import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PathSegment } from '../../../shared/model/schema';
import type { Introspector, SqlDriver } from '../../../electron/core/drivers/types';
import { buildSample, caught, makeTempDir, run, sqliteDriver } from './sqlite-kit';

const TABLES: PathSegment = { kind: 'group', name: 'tables' };
const table = (name: string): PathSegment[] => [TABLES, { kind: 'table', name }];

describe('introspecting the sample database', () => {
  let cleanup: () => Promise<void>;
  let driver: SqlDriver;
  let introspector: Introspector;

  beforeAll(async () => {
    const temp = await makeTempDir();
    cleanup = temp.cleanup;
    const file = join(temp.dir, 'sample.sqlite');
    buildSample(file);
    driver = sqliteDriver(file, { readOnly: true });
    await driver.init();
    introspector = driver.createIntrospector();
  });

  afterAll(async () => {
    await driver.destroy();
    await cleanup();
  });

  it('lists the groups with their counts at the root', async () => {
    const groups = await introspector.children([]);
    expect(groups.map((group) => [group.kind, group.name, group.detail, group.hasChildren])).toEqual([
      ['group', 'tables', '5', true],
      ['group', 'views', '1', true],
      ['group', 'indexes', '8', true],
      ['group', 'triggers', '1', true],
    ]);
    expect(groups[0].path).toEqual([TABLES]);
  });

  it('lists tables, views, indexes and triggers by name, without SQLite internals', async () => {
    const tables = await introspector.children([TABLES]);
    expect(tables.map((node) => node.name)).toEqual(['customers', 'order_items', 'orders', 'products', 'reviews']);
    expect(tables[0]).toEqual({ kind: 'table', name: 'customers', path: table('customers'), hasChildren: true });

    const views = await introspector.children([{ kind: 'group', name: 'views' }]);
    expect(views.map((node) => [node.kind, node.name])).toEqual([['view', 'product_ratings']]);

    const indexes = await introspector.children([{ kind: 'group', name: 'indexes' }]);
    expect(indexes.map((node) => node.name)).toContain('order_items_product_id');
    expect(indexes.find((node) => node.name === 'order_items_product_id')).toMatchObject({ kind: 'index', detail: 'order_items', hasChildren: false });
    expect(indexes.some((node) => node.name.startsWith('sqlite_'))).toBe(false);

    const triggers = await introspector.children([{ kind: 'group', name: 'triggers' }]);
    expect(triggers.map((node) => [node.kind, node.name, node.detail])).toEqual([['trigger', 'products_touch_updated_at', 'products']]);
  });

  it("lists a table's columns with type hints, then its indexes and foreign keys", async () => {
    const children = await introspector.children(table('order_items'));
    expect(children.map((node) => [node.kind, node.name, node.detail])).toEqual([
      ['column', 'order_id', 'INTEGER PK'],
      ['column', 'product_id', 'INTEGER PK'],
      ['column', 'quantity', 'INTEGER NOT NULL'],
      ['column', 'unit_price', 'DECIMAL(10,2) NOT NULL'],
      ['index', 'order_items_product_id', '(product_id)'],
      ['index', 'sqlite_autoindex_order_items_1', 'PRIMARY KEY (order_id, product_id)'],
      ['foreign-key', 'order_items_order_id_fkey', '→ orders(id)'],
      ['foreign-key', 'order_items_product_id_fkey', '→ products(id)'],
      ['constraint', 'order_items_pkey', 'PRIMARY KEY (order_id, product_id)'],
      ['constraint', 'order_items_quantity_check', 'CHECK (quantity > 0)'],
      ['group', 'referenced-by', '0'],
    ]);
    expect(children[0].path).toEqual([...table('order_items'), { kind: 'column', name: 'order_id' }]);
  });

  it('describes order_items: its primary key, foreign keys to orders and products, and indexes', async () => {
    const detail = await introspector.tableDetail(table('order_items'));
    expect(detail.kind).toBe('table');
    expect(detail.path).toEqual(table('order_items'));
    expect(detail.columns).toEqual([
      { name: 'order_id', dataType: 'INTEGER', nullable: false, defaultValue: null, primaryKeyPosition: 1 },
      { name: 'product_id', dataType: 'INTEGER', nullable: false, defaultValue: null, primaryKeyPosition: 2 },
      { name: 'quantity', dataType: 'INTEGER', nullable: false, defaultValue: null, primaryKeyPosition: null },
      { name: 'unit_price', dataType: 'DECIMAL(10,2)', nullable: false, defaultValue: null, primaryKeyPosition: null },
    ]);
    expect(detail.foreignKeys).toEqual([
      {
        name: 'order_items_order_id_fkey',
        columns: ['order_id'],
        referencedSchema: null,
        referencedTable: 'orders',
        referencedColumns: ['id'],
        onUpdate: 'NO ACTION',
        onDelete: 'CASCADE',
      },
      {
        name: 'order_items_product_id_fkey',
        columns: ['product_id'],
        referencedSchema: null,
        referencedTable: 'products',
        referencedColumns: ['id'],
        onUpdate: 'NO ACTION',
        onDelete: 'RESTRICT',
      },
    ]);
    expect(detail.indexes).toEqual([
      {
        name: 'order_items_product_id',
        columns: ['product_id'],
        unique: false,
        primary: false,
        definition: 'CREATE INDEX order_items_product_id ON order_items (product_id)',
      },
      { name: 'sqlite_autoindex_order_items_1', columns: ['order_id', 'product_id'], unique: true, primary: true, definition: null },
    ]);
  });

  it('shows defaults, unique constraints and a view', async () => {
    const products = await introspector.tableDetail(table('products'));
    expect(products.columns.find((column) => column.name === 'stock')).toMatchObject({ defaultValue: '0', nullable: false });
    expect(products.columns.find((column) => column.name === 'description')).toMatchObject({ nullable: true });
    expect(products.indexes.find((index) => index.columns.join() === 'sku')).toMatchObject({ unique: true, primary: false });

    const view = await introspector.tableDetail([{ kind: 'group', name: 'views' }, { kind: 'view', name: 'product_ratings' }]);
    expect(view.kind).toBe('view');
    expect(view.columns.map((column) => column.name)).toEqual(['product_id', 'name', 'category', 'review_count', 'average_rating']);
    expect(view.indexes).toEqual([]);
  });

  it('fails with NOT_FOUND for a table that does not exist', async () => {
    const error = await caught(introspector.tableDetail(table('no_such_table')));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toContain('no_such_table');
    expect((await caught(introspector.children(table('no_such_table')))).code).toBe('NOT_FOUND');
  });
});

describe('introspecting awkward names', () => {
  let cleanup: () => Promise<void>;
  let driver: SqlDriver;

  beforeAll(async () => {
    const temp = await makeTempDir();
    cleanup = temp.cleanup;
    driver = sqliteDriver(join(temp.dir, 'names.sqlite'));
    const connection = await driver.acquireConnection();
    await run(connection, `CREATE TABLE "it's ""quoted""; DROP TABLE x" ("select" INTEGER PRIMARY KEY, "approved?" BOOLEAN, "<b>bold</b>" TEXT REFERENCES "it's ""quoted""; DROP TABLE x")`);
    await run(connection, `CREATE INDEX "idx 'one'" ON "it's ""quoted""; DROP TABLE x" ("approved?", lower("<b>bold</b>"))`);
    await connection.release();
  });

  afterAll(async () => {
    await driver.destroy();
    await cleanup();
  });

  it('reads tables, columns, indexes and implicit foreign keys whose names need quoting', async () => {
    const name = `it's "quoted"; DROP TABLE x`;
    const detail = await driver.createIntrospector().tableDetail(table(name));
    expect(detail.columns.map((column) => column.name)).toEqual(['select', 'approved?', '<b>bold</b>']);
    expect(detail.indexes).toEqual([
      expect.objectContaining({ name: "idx 'one'", columns: ['approved?', '(expression)'], unique: false }),
    ]);
    expect(detail.foreignKeys).toEqual([expect.objectContaining({ columns: ['<b>bold</b>'], referencedTable: name, referencedColumns: ['select'] })]);
  });
});

describe('introspecting every part of a table', () => {
  const HOSTILE = `we\`ird."ta ble"?'$1`;
  const HOSTILE_TRIGGER = `tr"ig ger?'`;
  const q = (name: string) => `"${name.replaceAll('"', '""')}"`;
  let cleanup: () => Promise<void>;
  let driver: SqlDriver;
  let introspector: Introspector;

  beforeAll(async () => {
    const temp = await makeTempDir();
    cleanup = temp.cleanup;
    driver = sqliteDriver(join(temp.dir, 'parts.sqlite'));
    const connection = await driver.acquireConnection();
    const statements = [
      'CREATE TABLE parents (id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE, parent_id INTEGER REFERENCES parents)',
      `CREATE TABLE ${q(HOSTILE)} (
         id INTEGER PRIMARY KEY,
         parent_id INTEGER REFERENCES parents (id) ON DELETE SET NULL,
         "a,b" TEXT CONSTRAINT "named check" CHECK ("a,b" <> 'x)y') /* CHECK (fake) */,
         amount REAL CHECK (amount >= 0),
         doubled REAL GENERATED ALWAYS AS (amount * 2) VIRTUAL,
         stored REAL AS (amount + 1) STORED,
         CONSTRAINT "pair key" UNIQUE (parent_id, "a,b"),
         UNIQUE (amount),
         CHECK (parent_id IS NULL OR amount IS NOT NULL)
       )`,
      `CREATE TRIGGER ${q(HOSTILE_TRIGGER)} AFTER UPDATE OF amount ON ${q(HOSTILE)} BEGIN SELECT 1; END`,
      `CREATE VIEW totals AS SELECT parent_id, sum(amount) AS total FROM ${q(HOSTILE)} GROUP BY parent_id`,
      "CREATE TRIGGER totals_insert INSTEAD OF INSERT ON totals BEGIN SELECT RAISE(ABORT, 'read-only'); END",
    ];
    for (const sql of statements) await run(connection, sql);
    await connection.release();
    introspector = driver.createIntrospector();
  });

  afterAll(async () => {
    await driver.destroy();
    await cleanup();
  });

  it('lists columns (generated ones marked), indexes, foreign keys out and in, unique and check constraints, and triggers', async () => {
    const children = await introspector.children(table(HOSTILE));
    expect(children.map((node) => [node.kind, node.name, node.detail])).toEqual([
      ['column', 'id', 'INTEGER PK'],
      ['column', 'parent_id', 'INTEGER'],
      ['column', 'a,b', 'TEXT'],
      ['column', 'amount', 'REAL'],
      ['column', 'doubled', 'REAL GENERATED VIRTUAL'],
      ['column', 'stored', 'REAL GENERATED STORED'],
      ['index', `sqlite_autoindex_${HOSTILE}_1`, 'UNIQUE (parent_id, a,b)'],
      ['index', `sqlite_autoindex_${HOSTILE}_2`, 'UNIQUE (amount)'],
      ['foreign-key', `${HOSTILE}_parent_id_fkey`, '→ parents(id)'],
      ['constraint', `${HOSTILE}_pkey`, 'PRIMARY KEY (id)'],
      ['constraint', 'pair key', 'UNIQUE (parent_id, a,b)'],
      ['constraint', `${HOSTILE}_amount_key`, 'UNIQUE (amount)'],
      ['constraint', 'named check', `CHECK ("a,b" <> 'x)y')`],
      ['constraint', `${HOSTILE}_amount_check`, 'CHECK (amount >= 0)'],
      ['constraint', `${HOSTILE}_check`, 'CHECK (parent_id IS NULL OR amount IS NOT NULL)'],
      ['trigger', HOSTILE_TRIGGER, 'AFTER UPDATE'],
      ['group', 'referenced-by', '0'],
    ]);
    expect(children.at(-2)?.path).toEqual([...table(HOSTILE), { kind: 'trigger', name: HOSTILE_TRIGGER }]);
  });

  it('lists the foreign keys pointing at a table, a self-reference included', async () => {
    const children = await introspector.children(table('parents'));
    expect(children.filter((node) => node.kind === 'foreign-key').map((node) => [node.name, node.detail])).toEqual([['parents_parent_id_fkey', '→ parents(id)']]);
    expect(children.filter((node) => node.kind === 'constraint').map((node) => [node.name, node.detail])).toEqual([
      ['parents_pkey', 'PRIMARY KEY (id)'],
      ['parents_code_key', 'UNIQUE (code)'],
    ]);
    expect(children.at(-1)).toMatchObject({ kind: 'group', name: 'referenced-by', detail: '2', hasChildren: true });
    const referencedBy = [...table('parents'), { kind: 'group' as const, name: 'referenced-by' }];
    const incoming = await introspector.children(referencedBy);
    expect(incoming.map((node) => [node.kind, node.name, node.detail])).toEqual([
      ['foreign-key', 'parents_parent_id_fkey', 'parents(parent_id)'],
      ['foreign-key', `${HOSTILE}_parent_id_fkey`, `${HOSTILE}(parent_id)`],
    ]);
    expect(incoming[1].path).toEqual([...referencedBy, { kind: 'foreign-key', name: `${HOSTILE}_parent_id_fkey` }]);
  });

  it("lists a view's columns and triggers", async () => {
    const children = await introspector.children([{ kind: 'group', name: 'views' }, { kind: 'view', name: 'totals' }]);
    expect(children.map((node) => [node.kind, node.name, node.detail])).toEqual([
      ['column', 'parent_id', 'INTEGER'],
      ['column', 'total', ''],
      ['trigger', 'totals_insert', 'INSTEAD OF INSERT'],
    ]);
  });
});
