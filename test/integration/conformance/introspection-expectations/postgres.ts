import type { PathSegment } from '../../../../shared/model/schema';
import type { EngineKit } from '../engine-kits';
import type { ExpectationsFor } from './types';

/** PostgreSQL: every object kind of issue 4 §2 in the scratch database's public schema. */
export const expectations: ExpectationsFor = (kit: EngineKit) => {
  const [database, schema] = kit.tablePath('x') as PathSegment[];
  const role = `${database.name}_reader`;
  const inSchema = (group: string, kind?: PathSegment['kind'], name?: string): PathSegment[] => [
    database,
    schema,
    { kind: 'group', name: group },
    ...(kind && name ? [{ kind, name }] : []),
  ];
  const customers = inSchema('tables', 'table', 'customers');
  const orders = inSchema('tables', 'table', 'order items');
  return {
    fixture: [
      `CREATE ROLE ${role} NOLOGIN`,
      'CREATE EXTENSION pg_trgm',
      "CREATE TYPE status AS ENUM ('new', 'paid')",
      'CREATE DOMAIN quantity AS int CHECK (VALUE > 0)',
      `CREATE TABLE customers (
         id int8 GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
         email text NOT NULL CONSTRAINT customers_email_key UNIQUE,
         "select" text DEFAULT 'x',
         CONSTRAINT email_has_at CHECK (position('@' in email) > 0)
       )`,
      "COMMENT ON COLUMN customers.email IS 'Where receipts go'",
      `CREATE TABLE "order items" (
         id serial PRIMARY KEY,
         customer_id int8 REFERENCES customers (id) ON DELETE CASCADE,
         amount quantity,
         state status NOT NULL DEFAULT 'new'
       )`,
      'CREATE INDEX order_items_customer ON "order items" (customer_id)',
      'CREATE VIEW paying AS SELECT DISTINCT customer_id FROM "order items"',
      'CREATE MATERIALIZED VIEW totals AS SELECT customer_id, sum(amount) AS total FROM "order items" GROUP BY customer_id',
      "CREATE FUNCTION stamp() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END'",
      'CREATE PROCEDURE forget(who int8) LANGUAGE sql AS $$DELETE FROM customers WHERE id = who$$',
      'CREATE SEQUENCE invoice_no AS int4 START WITH 100',
      'CREATE TRIGGER order_items_stamp BEFORE INSERT ON "order items" FOR EACH ROW EXECUTE FUNCTION stamp()',
      'ALTER TABLE customers ENABLE ROW LEVEL SECURITY',
      `CREATE POLICY customers_read ON customers FOR SELECT TO ${role} USING (true)`,
    ],
    cleanup: [`DROP ROLE IF EXISTS ${role}`],
    tree: [
      {
        feature: 'schemas, extensions and roles',
        parent: [database],
        includes: [
          { kind: 'schema', name: 'public' },
          { kind: 'group', name: 'extensions' },
          { kind: 'group', name: 'roles' },
        ],
      },
      { feature: 'extensions', parent: [database, { kind: 'group', name: 'extensions' }], includes: [{ kind: 'extension', name: 'pg_trgm', detail: /in public$/ }] },
      { feature: 'roles', parent: [database, { kind: 'group', name: 'roles' }], includes: [{ kind: 'role', name: role, detail: 'no login' }] },
      {
        feature: 'tables with row-level security',
        parent: inSchema('tables'),
        includes: [
          { kind: 'table', name: 'customers', detail: 'RLS enabled' },
          { kind: 'table', name: 'order items' },
        ],
      },
      { feature: 'views', parent: inSchema('views'), includes: [{ kind: 'view', name: 'paying' }] },
      { feature: 'materialized views', parent: inSchema('materialized-views'), includes: [{ kind: 'materialized-view', name: 'totals' }] },
      { feature: 'functions', parent: inSchema('functions'), includes: [{ kind: 'function', name: 'stamp()', detail: 'trigger' }] },
      { feature: 'procedures', parent: inSchema('procedures'), includes: [{ kind: 'procedure', name: 'forget(IN who bigint)' }] },
      { feature: 'sequences', parent: inSchema('sequences'), includes: [{ kind: 'sequence', name: 'invoice_no', detail: 'integer' }] },
      {
        feature: 'enums and types',
        parent: inSchema('types'),
        includes: [
          { kind: 'type', name: 'quantity', detail: 'domain over integer' },
          { kind: 'type', name: 'status', detail: 'enum' },
        ],
      },
      {
        feature: 'columns (type, nullable, default, key, comment), check and unique constraints, policies',
        parent: customers,
        includes: [
          { kind: 'column', name: 'id', detail: 'bigint PK GENERATED ALWAYS AS IDENTITY' },
          { kind: 'column', name: 'email', detail: 'text UNIQUE NOT NULL — Where receipts go' },
          { kind: 'column', name: 'select', detail: "text DEFAULT 'x'::text" },
          { kind: 'index', name: 'customers_email_key', detail: 'unique' },
          { kind: 'constraint', name: 'customers_email_key', detail: 'UNIQUE (email)' },
          { kind: 'constraint', name: 'email_has_at', detail: "CHECK (POSITION(('@'::text) IN (email)) > 0)" },
          { kind: 'policy', name: 'customers_read', detail: `FOR SELECT TO ${role}` },
          { kind: 'group', name: 'referenced-by', detail: '1' },
        ],
      },
      {
        feature: 'foreign keys in',
        parent: [...customers, { kind: 'group', name: 'referenced-by' }],
        includes: [{ kind: 'foreign-key', name: 'public."order items"."order items_customer_id_fkey"', detail: '(customer_id)' }],
      },
      {
        feature: 'indexes, foreign keys out and triggers',
        parent: orders,
        includes: [
          { kind: 'column', name: 'customer_id', detail: 'bigint FK' },
          { kind: 'column', name: 'amount', detail: 'quantity' },
          { kind: 'index', name: 'order_items_customer' },
          { kind: 'foreign-key', name: 'order items_customer_id_fkey', detail: 'references public.customers' },
          { kind: 'trigger', name: 'order_items_stamp', detail: 'BEFORE INSERT FOR EACH ROW' },
        ],
      },
    ],
    ddl: [
      {
        feature: 'table DDL',
        path: customers,
        contains: ['CREATE TABLE public.customers (', '"select" text DEFAULT', 'CONSTRAINT email_has_at CHECK', 'ENABLE ROW LEVEL SECURITY', 'CREATE POLICY customers_read'],
      },
      { feature: 'view DDL', path: inSchema('views', 'view', 'paying'), contains: ['CREATE OR REPLACE VIEW public.paying AS'] },
      { feature: 'materialized view DDL', path: inSchema('materialized-views', 'materialized-view', 'totals'), contains: ['CREATE MATERIALIZED VIEW public.totals AS'] },
      { feature: 'function DDL', path: inSchema('functions', 'function', 'stamp()'), contains: ['CREATE OR REPLACE FUNCTION public.stamp()'] },
      { feature: 'procedure DDL', path: inSchema('procedures', 'procedure', 'forget(IN who bigint)'), contains: ['CREATE OR REPLACE PROCEDURE public.forget(IN who bigint)'] },
      { feature: 'sequence DDL', path: inSchema('sequences', 'sequence', 'invoice_no'), contains: ['CREATE SEQUENCE public.invoice_no', 'START WITH 100'] },
      { feature: 'enum DDL', path: inSchema('types', 'type', 'status'), contains: ["CREATE TYPE public.status AS ENUM ('new', 'paid');"] },
      { feature: 'trigger DDL', path: [...orders, { kind: 'trigger', name: 'order_items_stamp' }], contains: ['CREATE TRIGGER order_items_stamp BEFORE INSERT ON public."order items"'] },
      { feature: 'extension DDL', path: [database, { kind: 'group', name: 'extensions' }, { kind: 'extension', name: 'pg_trgm' }], contains: ['CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public'] },
    ],
  };
};
