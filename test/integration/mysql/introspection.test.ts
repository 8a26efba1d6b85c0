import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppQueryReport } from '../../../electron/core/activity/app-query-report';
import { MysqlDriver } from '../../../electron/core/drivers/mysql/driver';
import { MysqlIntrospector } from '../../../electron/core/drivers/mysql/introspector';
import type { Introspector } from '../../../electron/core/drivers/types';
import type { PathSegment } from '../../../shared/model/schema';
import { quoteIdentifier } from '../../../shared/sql/quote';
import { admin, driverConfig, expectCoreError, run, testDatabaseName } from './support';

const database = testDatabaseName();
const q = (name: string) => quoteIdentifier('mysql', name);
/** Backticks, quotes, dots, spaces, a question mark and a placeholder-looking $1 in one name. */
const HOSTILE_TABLE = "we`ird.ta ble?'\"$1";
const HOSTILE_COLUMN = "co`l?. 'x\"";
const HOSTILE_INDEX = 'ix `?. "';
const HOSTILE_FK = 'fk.` ?';
const HOSTILE_TRIGGER = "tr`ig.ger ?'$1";
const HOSTILE_CHECK = 'ch`k. ?';
const HOSTILE_EVENT = "ev`ent. ?'$1";

const reports: AppQueryReport[] = [];
let driver: MysqlDriver;
let introspector: Introspector;

const db: PathSegment = { kind: 'database', name: database };
const tablesGroup: PathSegment[] = [db, { kind: 'group', name: 'tables' }];

beforeAll(async () => {
  await admin(`CREATE DATABASE ${q(database)}`);
  const statements = [
    `CREATE TABLE customers (
       id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
       email VARCHAR(200) NOT NULL UNIQUE,
       name VARCHAR(80) DEFAULT 'anon' COMMENT 'display name',
       created DATETIME DEFAULT CURRENT_TIMESTAMP
     )`,
    `CREATE TABLE orders (
       id BIGINT NOT NULL AUTO_INCREMENT,
       customer_id INT UNSIGNED NOT NULL,
       total DECIMAL(10,2) NOT NULL CHECK (total >= 0),
       note TEXT,
       doubled DECIMAL(11,2) AS (total * 2) VIRTUAL,
       PRIMARY KEY (id),
       KEY by_customer (customer_id, total),
       KEY note_prefix (note(20)),
       CONSTRAINT orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE
     )`,
    `CREATE TABLE ${q(HOSTILE_TABLE)} (
       ${q(HOSTILE_COLUMN)} INT NOT NULL,
       other INT UNSIGNED NOT NULL,
       PRIMARY KEY (${q(HOSTILE_COLUMN)}, other),
       UNIQUE KEY ${q(HOSTILE_INDEX)} (other),
       CONSTRAINT ${q(HOSTILE_FK)} FOREIGN KEY (other) REFERENCES customers (id),
       CONSTRAINT ${q(HOSTILE_CHECK)} CHECK (other < 1000)
     )`,
    `CREATE TRIGGER ${q(HOSTILE_TRIGGER)} BEFORE INSERT ON ${q(HOSTILE_TABLE)} FOR EACH ROW SET NEW.other = NEW.other`,
    'CREATE TRIGGER orders_touch BEFORE UPDATE ON orders FOR EACH ROW SET NEW.total = NEW.total',
    'CREATE TABLE categories (id INT PRIMARY KEY, parent_id INT, CONSTRAINT category_parent FOREIGN KEY (parent_id) REFERENCES categories (id))',
    'CREATE VIEW big_orders AS SELECT id, total FROM orders WHERE total > 100',
    'CREATE FUNCTION order_count(customer INT) RETURNS INT READS SQL DATA RETURN (SELECT COUNT(*) FROM orders WHERE customer_id = customer)',
    'CREATE PROCEDURE touch_orders() UPDATE orders SET total = total',
    // The scheduler is off on the test server: events are created (and listed) all the same.
    "CREATE EVENT nightly_cleanup ON SCHEDULE EVERY 1 DAY STARTS '2030-01-01 03:00:00' DO DELETE FROM orders WHERE total < 0",
    `CREATE EVENT ${q(HOSTILE_EVENT)} ON SCHEDULE AT '2031-06-01 12:00:00' ON COMPLETION PRESERVE DISABLE DO UPDATE orders SET total = total`,
  ];
  for (const sql of statements) await admin(sql, [], database);
  driver = new MysqlDriver(driverConfig({ database }, null, (report) => reports.push(report)));
  await driver.init();
  introspector = driver.createIntrospector();
});

afterAll(async () => {
  await driver?.destroy();
  await admin(`DROP DATABASE IF EXISTS ${q(database)}`);
});

async function catalogQueries<T>(read: () => Promise<T>): Promise<{ result: T; queries: AppQueryReport[] }> {
  const before = reports.length;
  const result = await read();
  return { result, queries: reports.slice(before) };
}

describe('MySQL introspection', () => {
  it('lists databases with the profile one first and the system ones last, then the users, in one catalog query', async () => {
    const { result: nodes, queries } = await catalogQueries(() => introspector.children([]));
    expect(queries.map((query) => query.purpose)).toEqual(['introspection']);
    expect(nodes[0]).toEqual({ kind: 'database', name: database, path: [db], hasChildren: true });
    const databases = nodes.filter((node) => node.kind === 'database');
    const system = databases.filter((node) => node.detail === 'system').map((node) => node.name);
    expect(system.sort()).toEqual(['information_schema', 'mysql', 'performance_schema', 'sys']);
    const firstSystem = databases.findIndex((node) => node.detail === 'system');
    expect(databases.slice(firstSystem).every((node) => node.detail === 'system')).toBe(true);
    const users = nodes.at(-1);
    expect(users).toMatchObject({ kind: 'group', name: 'users', path: [{ kind: 'group', name: 'users' }], hasChildren: true });
    expect(Number(users?.detail)).toBeGreaterThan(0);
  });

  it('lists the accounts read-only with their privileges, never a password hash', async () => {
    const users = await introspector.children([{ kind: 'group', name: 'users' }]);
    const root = users.find((node) => node.name === "'root'@'localhost'");
    expect(root).toMatchObject({ kind: 'role', hasChildren: false, path: [{ kind: 'group', name: 'users' }, { kind: 'role', name: "'root'@'localhost'" }] });
    expect(root?.detail).toContain('SELECT');
    const hashes = await admin<{ hash: string }>("SELECT authentication_string AS hash FROM mysql.user WHERE authentication_string <> ''");
    for (const { hash } of hashes) expect(JSON.stringify(users)).not.toContain(hash);
    await expectCoreError(introspector.ddl([{ kind: 'group', name: 'users' }, { kind: 'role', name: "'root'@'localhost'" }]), 'UNSUPPORTED');
  });

  it('lists the groups of a database with their counts, in one catalog query', async () => {
    const { result: nodes, queries } = await catalogQueries(() => introspector.children([db]));
    expect(queries).toHaveLength(1);
    expect(nodes.map((node) => [node.name, node.detail, node.hasChildren])).toEqual([
      ['tables', '4', true],
      ['views', '1', true],
      ['functions', '1', true],
      ['procedures', '1', true],
      ['triggers', '2', true],
      ['events', '2', true],
    ]);
    expect(nodes[0].path).toEqual(tablesGroup);
  });

  it('lists each group by name, hostile names exactly', async () => {
    const tables = await introspector.children(tablesGroup);
    expect(tables.map((node) => [node.kind, node.name, node.hasChildren])).toEqual([
      ['table', 'categories', true],
      ['table', 'customers', true],
      ['table', 'orders', true],
      ['table', HOSTILE_TABLE, true],
    ]);
    const views = await introspector.children([db, { kind: 'group', name: 'views' }]);
    expect(views.map((node) => [node.kind, node.name])).toEqual([['view', 'big_orders']]);
    const functions = await introspector.children([db, { kind: 'group', name: 'functions' }]);
    expect(functions.map((node) => [node.kind, node.name, node.detail, node.hasChildren])).toEqual([['function', 'order_count', 'int(11)', false]]);
    const procedures = await introspector.children([db, { kind: 'group', name: 'procedures' }]);
    expect(procedures.map((node) => [node.kind, node.name, node.hasChildren])).toEqual([['procedure', 'touch_orders', false]]);
    const triggers = await introspector.children([db, { kind: 'group', name: 'triggers' }]);
    expect(triggers.map((node) => [node.kind, node.name, node.detail])).toEqual([
      ['trigger', 'orders_touch', 'BEFORE UPDATE ON orders'],
      ['trigger', HOSTILE_TRIGGER, `BEFORE INSERT ON ${HOSTILE_TABLE}`],
    ]);
  });

  it('lists scheduled events with their schedule and status, hostile names exactly, in one catalog query', async () => {
    const eventsGroup: PathSegment[] = [db, { kind: 'group', name: 'events' }];
    const { result: events, queries } = await catalogQueries(() => introspector.children(eventsGroup));
    expect(queries).toHaveLength(1);
    expect(events.map((node) => [node.kind, node.name, node.detail, node.hasChildren])).toEqual([
      ['event', HOSTILE_EVENT, 'AT 2031-06-01 12:00:00 · DISABLED', false],
      ['event', 'nightly_cleanup', 'EVERY 1 DAY STARTS 2030-01-01 03:00:00 · ENABLED', false],
    ]);
    expect(events[1].path).toEqual([...eventsGroup, { kind: 'event', name: 'nightly_cleanup' }]);
    expect(await introspector.children(events[1].path)).toEqual([]);
    await expectCoreError(introspector.children([{ kind: 'database', name: `${database}_gone` }, { kind: 'group', name: 'events' }]), 'NOT_FOUND');
    await expectCoreError(introspector.tableDetail(events[1].path), 'INVALID_INPUT');
  });

  it('lists columns, indexes, foreign keys, constraints, triggers and the referenced-by group of a table in one catalog query', async () => {
    const path = [...tablesGroup, { kind: 'table' as const, name: 'orders' }];
    const { result: nodes, queries } = await catalogQueries(() => introspector.children(path));
    expect(queries).toHaveLength(1);
    expect(nodes.map((node) => [node.kind, node.name, node.detail])).toEqual([
      ['column', 'id', 'bigint(20) PK auto_increment'],
      ['column', 'customer_id', 'int(10) unsigned NOT NULL'],
      ['column', 'total', 'decimal(10,2) NOT NULL'],
      ['column', 'note', 'text'],
      ['column', 'doubled', 'decimal(11,2) VIRTUAL GENERATED AS (`total` * 2)'],
      ['index', 'PRIMARY', 'PRIMARY KEY (id)'],
      ['index', 'by_customer', '(customer_id, total)'],
      ['index', 'note_prefix', '(note)'],
      ['foreign-key', 'orders_customer', `references ${database}.customers`],
      ['constraint', 'PRIMARY', 'PRIMARY KEY (id)'],
      ['constraint', 'total', 'CHECK (`total` >= 0)'],
      ['trigger', 'orders_touch', 'BEFORE UPDATE'],
      ['group', 'referenced-by', undefined],
    ]);
    expect(nodes[0].path).toEqual([...path, { kind: 'column', name: 'id' }]);
    expect(nodes.map((node) => node.hasChildren)).toEqual([...Array<boolean>(nodes.length - 1).fill(false), true]);

    const customers = await introspector.children([...tablesGroup, { kind: 'table', name: 'customers' }]);
    expect(customers.filter((node) => node.kind === 'column').map((node) => node.detail)).toEqual([
      'int(10) unsigned PK auto_increment',
      'varchar(200) UNIQUE NOT NULL',
      "varchar(80) DEFAULT 'anon' — display name",
      'datetime DEFAULT current_timestamp()',
    ]);
    expect(customers.filter((node) => node.kind !== 'column').map((node) => [node.kind, node.name, node.detail, node.hasChildren])).toEqual([
      ['index', 'PRIMARY', 'PRIMARY KEY (id)', false],
      ['index', 'email', 'UNIQUE (email)', false],
      ['constraint', 'PRIMARY', 'PRIMARY KEY (id)', false],
      ['constraint', 'email', 'UNIQUE (email)', false],
      ['group', 'referenced-by', undefined, true],
    ]);
  });

  it('lists the foreign keys pointing at a table, a self-reference included, in one catalog query', async () => {
    const customers = [...tablesGroup, { kind: 'table' as const, name: 'customers' }, { kind: 'group' as const, name: 'referenced-by' }];
    const { result: incoming, queries } = await catalogQueries(() => introspector.children(customers));
    expect(queries).toHaveLength(1);
    expect(incoming.map((node) => [node.kind, node.name, node.detail])).toEqual([
      ['foreign-key', 'orders.orders_customer', '(customer_id)'],
      ['foreign-key', `${q(HOSTILE_TABLE)}.${q(HOSTILE_FK)}`, '(other)'],
    ]);
    expect(incoming[0].path).toEqual([...customers, { kind: 'foreign-key', name: 'orders.orders_customer' }]);

    const categories = [...tablesGroup, { kind: 'table' as const, name: 'categories' }];
    const own = await introspector.children(categories);
    expect(own.filter((node) => node.kind === 'foreign-key').map((node) => [node.name, node.detail])).toEqual([['category_parent', `references ${database}.categories`]]);
    const self = await introspector.children([...categories, { kind: 'group', name: 'referenced-by' }]);
    expect(self.map((node) => [node.name, node.detail])).toEqual([['categories.category_parent', '(parent_id)']]);

    expect(await introspector.children([...tablesGroup, { kind: 'table', name: 'orders' }, { kind: 'group', name: 'referenced-by' }])).toEqual([]);
    await expectCoreError(introspector.children([...tablesGroup, { kind: 'table', name: 'gone' }, { kind: 'group', name: 'referenced-by' }]), 'NOT_FOUND');
    // A view has no such group.
    await expectCoreError(introspector.children([db, { kind: 'group', name: 'views' }, { kind: 'view', name: 'big_orders' }, { kind: 'group', name: 'referenced-by' }]), 'INVALID_INPUT');
  });

  it('describes a table with tableDetail: columns, indexes and foreign keys', async () => {
    const detail = await introspector.tableDetail([...tablesGroup, { kind: 'table', name: 'orders' }]);
    expect(detail.kind).toBe('table');
    expect(detail.columns).toEqual([
      { name: 'id', dataType: 'bigint(20)', nullable: false, defaultValue: null, primaryKeyPosition: 1, comment: null },
      { name: 'customer_id', dataType: 'int(10) unsigned', nullable: false, defaultValue: null, primaryKeyPosition: null, comment: null },
      { name: 'total', dataType: 'decimal(10,2)', nullable: false, defaultValue: null, primaryKeyPosition: null, comment: null },
      { name: 'note', dataType: 'text', nullable: true, defaultValue: null, primaryKeyPosition: null, comment: null },
      { name: 'doubled', dataType: 'decimal(11,2)', nullable: true, defaultValue: null, primaryKeyPosition: null, comment: null },
    ]);
    const customers = await introspector.tableDetail([...tablesGroup, { kind: 'table', name: 'customers' }]);
    expect(customers.columns.find((column) => column.name === 'name')).toMatchObject({ defaultValue: "'anon'", comment: 'display name' });
    expect(detail.indexes).toEqual([
      { name: 'PRIMARY', columns: ['id'], unique: true, primary: true, definition: 'PRIMARY KEY (`id`)' },
      { name: 'by_customer', columns: ['customer_id', 'total'], unique: false, primary: false, definition: 'KEY `by_customer` (`customer_id`,`total`)' },
      { name: 'note_prefix', columns: ['note'], unique: false, primary: false, definition: 'KEY `note_prefix` (`note`(20))' },
    ]);
    expect(detail.foreignKeys).toEqual([
      {
        name: 'orders_customer',
        columns: ['customer_id'],
        referencedSchema: database,
        referencedTable: 'customers',
        referencedColumns: ['id'],
        onUpdate: 'RESTRICT',
        onDelete: 'CASCADE',
      },
    ]);
    const view = await introspector.tableDetail([db, { kind: 'group', name: 'views' }, { kind: 'view', name: 'big_orders' }]);
    expect(view).toMatchObject({ kind: 'view', indexes: [], foreignKeys: [] });
    expect(view.columns.map((column) => [column.name, column.dataType])).toEqual([
      ['id', 'bigint(20)'],
      ['total', 'decimal(10,2)'],
    ]);
  });

  it('reads hostile table, column, index and key names exactly, and they round-trip into SQL', async () => {
    const path = [...tablesGroup, { kind: 'table' as const, name: HOSTILE_TABLE }];
    const detail = await introspector.tableDetail(path);
    expect(detail.columns.map((column) => [column.name, column.primaryKeyPosition])).toEqual([
      [HOSTILE_COLUMN, 1],
      ['other', 2],
    ]);
    expect(detail.indexes.map((index) => [index.name, index.columns, index.unique])).toEqual([
      ['PRIMARY', [HOSTILE_COLUMN, 'other'], true],
      [HOSTILE_INDEX, ['other'], true],
    ]);
    expect(detail.foreignKeys.map((key) => [key.name, key.columns, key.referencedTable])).toEqual([[HOSTILE_FK, ['other'], 'customers']]);
    const nodes = await introspector.children(path);
    expect(nodes.map((node) => [node.kind, node.name])).toEqual([
      ['column', HOSTILE_COLUMN],
      ['column', 'other'],
      ['index', 'PRIMARY'],
      ['index', HOSTILE_INDEX],
      ['foreign-key', HOSTILE_FK],
      ['constraint', 'PRIMARY'],
      ['constraint', HOSTILE_INDEX],
      ['constraint', HOSTILE_CHECK],
      ['trigger', HOSTILE_TRIGGER],
      ['group', 'referenced-by'],
    ]);

    const session = await driver.acquireConnection();
    try {
      const result = await run(session, `SELECT ${q(HOSTILE_COLUMN)} FROM ${q(database)}.${q(HOSTILE_TABLE)}`);
      expect(result.columns?.map((column) => column.name)).toEqual([HOSTILE_COLUMN]);
    } finally {
      await session.release();
    }
  });

  it("tells each table's storage engine and whether it can roll back; a view has none", async () => {
    await admin('CREATE TABLE engine_probe_myisam (id INT PRIMARY KEY) ENGINE=MyISAM', [], database);
    await admin('CREATE TABLE engine_probe_memory (id INT PRIMARY KEY) ENGINE=MEMORY', [], database);
    try {
      const engineOf = async (table: string) => (await introspector.tableDetail([...tablesGroup, { kind: 'table', name: table }])).storageEngine;
      expect(await engineOf('orders')).toEqual({ name: 'InnoDB', transactional: true });
      expect(await engineOf('engine_probe_myisam')).toEqual({ name: 'MyISAM', transactional: false });
      expect(await engineOf('engine_probe_memory')).toEqual({ name: 'MEMORY', transactional: false });
      const view = await introspector.tableDetail([db, { kind: 'group', name: 'views' }, { kind: 'view', name: 'big_orders' }]);
      expect(view.storageEngine).toBeUndefined();
    } finally {
      await admin('DROP TABLE engine_probe_myisam, engine_probe_memory', [], database);
    }
  });

  it('on a server without information_schema.CHECK_CONSTRAINTS (MySQL before 8.0.16, older MariaDB) lists a table without its checks instead of failing', async () => {
    const sent: string[] = [];
    const read = async <Row>(sql: string, params: readonly unknown[]) => {
      sent.push(sql);
      return admin<Row>(sql, [...params]);
    };
    const oldServer = new MysqlIntrospector(read, async () => ({ flavor: 'mysql', checkConstraints: false }), database);
    const path = [...tablesGroup, { kind: 'table' as const, name: HOSTILE_TABLE }];
    const nodes = await oldServer.children(path);
    expect(nodes.filter((node) => node.kind === 'constraint').map((node) => node.name)).toEqual(['PRIMARY', HOSTILE_INDEX]);
    expect(nodes.filter((node) => node.kind !== 'constraint')).toEqual((await introspector.children(path)).filter((node) => node.kind !== 'constraint'));
    const detail = await oldServer.tableDetail(path);
    expect(detail).toEqual(await introspector.tableDetail(path));
    expect(sent.length).toBe(2);
    expect(sent.some((sql) => sql.includes('CHECK_CONSTRAINTS'))).toBe(false);
  });

  it('answers NOT_FOUND for a database or table that is gone, and INVALID_INPUT for a malformed path', async () => {
    const gone: PathSegment = { kind: 'database', name: `${database}_gone` };
    await expectCoreError(introspector.children([gone]), 'NOT_FOUND');
    await expectCoreError(introspector.children([gone, { kind: 'group', name: 'tables' }]), 'NOT_FOUND');
    await expectCoreError(introspector.children([...tablesGroup, { kind: 'table', name: 'nope' }]), 'NOT_FOUND');
    // A view is not found among the tables.
    await expectCoreError(introspector.tableDetail([...tablesGroup, { kind: 'table', name: 'big_orders' }]), 'NOT_FOUND');
    await expectCoreError(introspector.children([{ kind: 'schema', name: 'public' }]), 'INVALID_INPUT');
    await expectCoreError(introspector.tableDetail([db, { kind: 'group', name: 'functions' }, { kind: 'function', name: 'order_count' }]), 'INVALID_INPUT');
    expect(await introspector.children([...tablesGroup, { kind: 'table', name: 'orders' }, { kind: 'column', name: 'id' }])).toEqual([]);
  });

  it('shows an empty group as such, and MariaDB sequences in a group of their own', async () => {
    const other = `${database}_seq`;
    await admin(`CREATE DATABASE ${q(other)}`);
    try {
      const otherDb: PathSegment = { kind: 'database', name: other };
      expect(await introspector.children([otherDb, { kind: 'group', name: 'tables' }])).toEqual([]);
      await admin('CREATE SEQUENCE ticket_numbers', [], other);
      const groups = await introspector.children([otherDb]);
      expect(groups.map((node) => [node.name, node.detail, node.hasChildren])).toEqual([
        ['tables', '0', false],
        ['views', '0', false],
        ['functions', '0', false],
        ['procedures', '0', false],
        ['triggers', '0', false],
        ['events', '0', false],
        ['sequences', '1', true],
      ]);
      const sequences = await introspector.children([otherDb, { kind: 'group', name: 'sequences' }]);
      expect(sequences.map((node) => [node.kind, node.name, node.hasChildren])).toEqual([['sequence', 'ticket_numbers', false]]);
    } finally {
      await admin(`DROP DATABASE ${q(other)}`);
    }
  });
});
