import type { PathSegment } from '../../../../shared/model/schema';
import type { EngineKit } from '../engine-kits';
import type { ExpectationsFor } from './types';

/** MariaDB/MySQL: every object kind of issue 4 §2 in the scratch database, and the server's accounts. */
export const expectations: ExpectationsFor = (kit: EngineKit) => {
  const [database] = kit.tablePath('x') as PathSegment[];
  const inDatabase = (group: string, kind?: PathSegment['kind'], name?: string): PathSegment[] => [
    database,
    { kind: 'group', name: group },
    ...(kind && name ? [{ kind, name }] : []),
  ];
  const customers = inDatabase('tables', 'table', 'customers');
  const orders = inDatabase('tables', 'table', 'order items');
  return {
    fixture: [
      `CREATE TABLE customers (
         id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
         email VARCHAR(200) NOT NULL COMMENT 'Where receipts go',
         \`select\` VARCHAR(20) DEFAULT 'x',
         CONSTRAINT customers_email_key UNIQUE (email),
         CONSTRAINT email_has_at CHECK (LOCATE('@', email) > 0)
       )`,
      `CREATE TABLE \`order items\` (
         id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
         customer_id BIGINT,
         amount INT CHECK (amount > 0),
         KEY order_items_customer (customer_id),
         CONSTRAINT \`order items_customer_id_fkey\` FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE
       )`,
      'CREATE VIEW paying AS SELECT DISTINCT customer_id FROM `order items`',
      "CREATE FUNCTION stamp(x INT) RETURNS VARCHAR(20) DETERMINISTIC RETURN CONCAT('at ', x)",
      'CREATE PROCEDURE forget(who BIGINT) DELETE FROM customers WHERE id = who',
      'CREATE SEQUENCE invoice_no START WITH 100',
      "CREATE EVENT `purge orders` ON SCHEDULE EVERY 1 WEEK STARTS '2030-01-06 02:00:00' DO DELETE FROM `order items` WHERE amount IS NULL",
      'CREATE TRIGGER order_items_stamp BEFORE INSERT ON `order items` FOR EACH ROW SET NEW.amount = COALESCE(NEW.amount, 1)',
    ],
    tree: [
      {
        feature: 'databases and the accounts',
        parent: [],
        includes: [database, { kind: 'database', name: 'mysql', detail: 'system' }, { kind: 'group', name: 'users' }],
      },
      { feature: 'users, read-only', parent: [{ kind: 'group', name: 'users' }], includes: [{ kind: 'role', name: "'root'@'localhost'", detail: /SELECT/ }] },
      {
        feature: 'the groups of a database',
        parent: [database],
        includes: [
          { kind: 'group', name: 'tables', detail: '2' },
          { kind: 'group', name: 'views', detail: '1' },
          { kind: 'group', name: 'functions', detail: '1' },
          { kind: 'group', name: 'procedures', detail: '1' },
          { kind: 'group', name: 'triggers', detail: '1' },
          { kind: 'group', name: 'events', detail: '1' },
          { kind: 'group', name: 'sequences', detail: '1' },
        ],
      },
      {
        feature: 'tables',
        parent: inDatabase('tables'),
        includes: [
          { kind: 'table', name: 'customers' },
          { kind: 'table', name: 'order items' },
        ],
      },
      { feature: 'views', parent: inDatabase('views'), includes: [{ kind: 'view', name: 'paying' }] },
      { feature: 'functions', parent: inDatabase('functions'), includes: [{ kind: 'function', name: 'stamp', detail: 'varchar(20)' }] },
      { feature: 'procedures', parent: inDatabase('procedures'), includes: [{ kind: 'procedure', name: 'forget' }] },
      { feature: 'triggers', parent: inDatabase('triggers'), includes: [{ kind: 'trigger', name: 'order_items_stamp', detail: 'BEFORE INSERT ON order items' }] },
      { feature: 'sequences', parent: inDatabase('sequences'), includes: [{ kind: 'sequence', name: 'invoice_no' }] },
      { feature: 'scheduled events', parent: inDatabase('events'), includes: [{ kind: 'event', name: 'purge orders', detail: 'EVERY 1 WEEK STARTS 2030-01-06 02:00:00 · ENABLED' }] },
      {
        feature: 'columns (type, nullable, default, key, comment), check and unique constraints',
        parent: customers,
        includes: [
          { kind: 'column', name: 'id', detail: 'bigint(20) PK auto_increment' },
          { kind: 'column', name: 'email', detail: 'varchar(200) UNIQUE NOT NULL — Where receipts go' },
          { kind: 'column', name: 'select', detail: "varchar(20) DEFAULT 'x'" },
          { kind: 'index', name: 'customers_email_key', detail: 'UNIQUE (email)' },
          { kind: 'constraint', name: 'PRIMARY', detail: 'PRIMARY KEY (id)' },
          { kind: 'constraint', name: 'customers_email_key', detail: 'UNIQUE (email)' },
          { kind: 'constraint', name: 'email_has_at', detail: "CHECK (locate('@',`email`) > 0)" },
          { kind: 'group', name: 'referenced-by' },
        ],
      },
      {
        feature: 'foreign keys in',
        parent: [...customers, { kind: 'group', name: 'referenced-by' }],
        includes: [{ kind: 'foreign-key', name: '`order items`.`order items_customer_id_fkey`', detail: '(customer_id)' }],
      },
      {
        feature: 'indexes, foreign keys out and triggers',
        parent: orders,
        includes: [
          { kind: 'column', name: 'customer_id', detail: 'bigint(20)' },
          { kind: 'index', name: 'order_items_customer' },
          { kind: 'foreign-key', name: 'order items_customer_id_fkey', detail: `references ${database.name}.customers` },
          { kind: 'constraint', name: 'amount', detail: 'CHECK (`amount` > 0)' },
          { kind: 'trigger', name: 'order_items_stamp', detail: 'BEFORE INSERT' },
        ],
      },
    ],
    ddl: [
      { feature: 'database DDL', path: [database], contains: [`CREATE DATABASE \`${database.name}\``] },
      {
        feature: 'table DDL',
        path: customers,
        contains: ['CREATE TABLE `customers` (', "`select` varchar(20) DEFAULT 'x'", 'UNIQUE KEY `customers_email_key`', 'CONSTRAINT `email_has_at` CHECK'],
      },
      { feature: 'view DDL', path: inDatabase('views', 'view', 'paying'), contains: ['VIEW `paying` AS select distinct `order items`.`customer_id`'] },
      { feature: 'function DDL', path: inDatabase('functions', 'function', 'stamp'), contains: ['FUNCTION `stamp`(x INT) RETURNS varchar(20)'] },
      { feature: 'procedure DDL', path: inDatabase('procedures', 'procedure', 'forget'), contains: ['PROCEDURE `forget`(who BIGINT)'] },
      { feature: 'sequence DDL', path: inDatabase('sequences', 'sequence', 'invoice_no'), contains: ['CREATE SEQUENCE `invoice_no` start with 100'] },
      { feature: 'event DDL', path: inDatabase('events', 'event', 'purge orders'), contains: ["EVENT `purge orders` ON SCHEDULE EVERY 1 WEEK STARTS '2030-01-06 02:00:00'"] },
      { feature: 'trigger DDL', path: [...orders, { kind: 'trigger', name: 'order_items_stamp' }], contains: ['TRIGGER order_items_stamp BEFORE INSERT ON `order items`'] },
    ],
  };
};
