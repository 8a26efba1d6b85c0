import type { PathSegment } from '../../../../shared/model/schema';
import type { ExpectationsFor } from './types';

/** SQLite: tables, views, indexes, triggers, and every part of a table, in the scratch file. */
export const expectations: ExpectationsFor = () => {
  const group = (name: string): PathSegment => ({ kind: 'group', name });
  const customers: PathSegment[] = [group('tables'), { kind: 'table', name: 'customers' }];
  const orders: PathSegment[] = [group('tables'), { kind: 'table', name: 'order items' }];
  return {
    fixture: [
      `CREATE TABLE customers (
         id INTEGER PRIMARY KEY,
         email TEXT NOT NULL CONSTRAINT customers_email_key UNIQUE,
         "select" TEXT DEFAULT 'x',
         domain TEXT AS (substr(email, instr(email, '@') + 1)) VIRTUAL,
         CONSTRAINT email_has_at CHECK (instr(email, '@') > 0)
       )`,
      `CREATE TABLE "order items" (
         id INTEGER PRIMARY KEY,
         customer_id INTEGER REFERENCES customers (id) ON DELETE CASCADE,
         amount INTEGER CHECK (amount > 0)
       )`,
      'CREATE INDEX order_items_customer ON "order items" (customer_id)',
      'CREATE VIEW paying AS SELECT DISTINCT customer_id FROM "order items"',
      'CREATE TRIGGER order_items_stamp BEFORE INSERT ON "order items" BEGIN SELECT 1; END',
    ],
    tree: [
      {
        feature: 'the groups',
        parent: [],
        includes: [
          { kind: 'group', name: 'tables', detail: '2' },
          { kind: 'group', name: 'views', detail: '1' },
          { kind: 'group', name: 'indexes', detail: '1' },
          { kind: 'group', name: 'triggers', detail: '1' },
        ],
      },
      { feature: 'tables', parent: [group('tables')], includes: [{ kind: 'table', name: 'customers' }, { kind: 'table', name: 'order items' }] },
      { feature: 'views', parent: [group('views')], includes: [{ kind: 'view', name: 'paying' }] },
      { feature: 'indexes', parent: [group('indexes')], includes: [{ kind: 'index', name: 'order_items_customer', detail: 'order items' }] },
      { feature: 'triggers', parent: [group('triggers')], includes: [{ kind: 'trigger', name: 'order_items_stamp', detail: 'order items' }] },
      {
        feature: 'columns (type, nullable, default, key, generated), check and unique constraints',
        parent: customers,
        includes: [
          { kind: 'column', name: 'id', detail: 'INTEGER PK' },
          { kind: 'column', name: 'email', detail: 'TEXT NOT NULL' },
          { kind: 'column', name: 'select', detail: "TEXT DEFAULT 'x'" },
          { kind: 'column', name: 'domain', detail: 'TEXT GENERATED VIRTUAL' },
          { kind: 'index', name: 'sqlite_autoindex_customers_1', detail: 'UNIQUE (email)' },
          { kind: 'constraint', name: 'customers_pkey', detail: 'PRIMARY KEY (id)' },
          { kind: 'constraint', name: 'customers_email_key', detail: 'UNIQUE (email)' },
          { kind: 'constraint', name: 'email_has_at', detail: "CHECK (instr(email, '@') > 0)" },
          { kind: 'group', name: 'referenced-by', detail: '1' },
        ],
      },
      {
        feature: 'foreign keys in',
        parent: [...customers, group('referenced-by')],
        includes: [{ kind: 'foreign-key', name: 'order items_customer_id_fkey', detail: 'order items(customer_id)' }],
      },
      {
        feature: 'indexes, foreign keys out and triggers',
        parent: orders,
        includes: [
          { kind: 'column', name: 'customer_id', detail: 'INTEGER' },
          { kind: 'index', name: 'order_items_customer', detail: '(customer_id)' },
          { kind: 'foreign-key', name: 'order items_customer_id_fkey', detail: '→ customers(id)' },
          { kind: 'constraint', name: 'order items_amount_check', detail: 'CHECK (amount > 0)' },
          { kind: 'trigger', name: 'order_items_stamp', detail: 'BEFORE INSERT' },
        ],
      },
    ],
    ddl: [
      {
        feature: 'table DDL with its indexes and triggers',
        path: orders,
        contains: ['CREATE TABLE "order items" (', 'CREATE INDEX order_items_customer ON "order items" (customer_id);', 'CREATE TRIGGER order_items_stamp BEFORE INSERT'],
      },
      { feature: 'view DDL', path: [group('views'), { kind: 'view', name: 'paying' }], contains: ['CREATE VIEW paying AS SELECT DISTINCT customer_id'] },
      { feature: 'index DDL', path: [group('indexes'), { kind: 'index', name: 'order_items_customer' }], contains: ['CREATE INDEX order_items_customer'] },
      { feature: 'trigger DDL', path: [...orders, { kind: 'trigger', name: 'order_items_stamp' }], contains: ['CREATE TRIGGER order_items_stamp'] },
    ],
  };
};
