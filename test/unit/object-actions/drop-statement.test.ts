import { describe, expect, it } from 'vitest';
import type { Capabilities } from '../../../shared/model/capabilities';
import type { Engine } from '../../../shared/model/connection';
import type { PathSegment } from '../../../shared/model/schema';
import { dropStatement, type DropPlan } from '../../../renderer/features/object-actions/drop-statement';
import { objectAddress, splitRoutineName } from '../../../renderer/features/object-actions/object-address';

const base: Capabilities = {
  kind: 'sql',
  cancel: true,
  transactions: true,
  explain: true,
  databases: true,
  schemas: true,
  streaming: true,
  readOnlySessions: true,
  statementTimeout: true,
  ssl: true,
};
const CAPABILITIES: Record<'postgres' | 'mysql' | 'sqlite', Capabilities> = {
  postgres: base,
  mysql: { ...base, schemas: false },
  sqlite: { ...base, databases: false, schemas: false },
};

const HOSTILE_SCHEMA = 'my "schema".x';
const HOSTILE_TABLE = 'order`s ?$1';

function drop(engine: 'postgres' | 'mysql' | 'sqlite', path: PathSegment[], options: { detail?: string; cascade?: boolean } = {}): DropPlan {
  const address = objectAddress(path, options.detail ?? null, CAPABILITIES[engine], engine as Engine);
  return dropStatement(engine, address, options.cascade ?? false);
}

const sql = (plan: DropPlan) => (plan.kind === 'drop' ? plan.sql : `unsupported: ${plan.reason}`);

const pgTable: PathSegment[] = [
  { kind: 'database', name: 'app' },
  { kind: 'schema', name: HOSTILE_SCHEMA },
  { kind: 'group', name: 'tables' },
  { kind: 'table', name: HOSTILE_TABLE },
];
const myTable: PathSegment[] = [
  { kind: 'database', name: 'sh`op' },
  { kind: 'group', name: 'tables' },
  { kind: 'table', name: HOSTILE_TABLE },
];
const liteTable: PathSegment[] = [
  { kind: 'group', name: 'tables' },
  { kind: 'table', name: HOSTILE_TABLE },
];

describe('DROP statements per dialect', () => {
  it('drops a table by its qualified, quoted name; CASCADE only in PostgreSQL and only when asked', () => {
    expect(sql(drop('postgres', pgTable))).toBe('DROP TABLE "my ""schema"".x"."order`s ?$1"');
    expect(sql(drop('postgres', pgTable, { cascade: true }))).toBe('DROP TABLE "my ""schema"".x"."order`s ?$1" CASCADE');
    expect(sql(drop('mysql', myTable, { cascade: true }))).toBe('DROP TABLE `sh``op`.`order``s ?$1`');
    expect(sql(drop('sqlite', liteTable, { cascade: true }))).toBe('DROP TABLE "order`s ?$1"');
    expect(drop('mysql', myTable)).toMatchObject({ cascadable: false });
    expect(drop('postgres', pgTable)).toMatchObject({ cascadable: true });
  });

  it('drops an index from the schema in PostgreSQL, ON its table in MySQL, by name in SQLite', () => {
    const index = { kind: 'index' as const, name: 'idx "a".b' };
    expect(sql(drop('postgres', [...pgTable, index]))).toBe('DROP INDEX "my ""schema"".x"."idx ""a"".b"');
    expect(sql(drop('mysql', [...myTable, index]))).toBe('DROP INDEX `idx "a".b` ON `sh``op`.`order``s ?$1`');
    expect(sql(drop('sqlite', [{ kind: 'group', name: 'indexes' }, index]))).toBe('DROP INDEX "idx ""a"".b"');
  });

  it('drops a trigger ON its table in PostgreSQL, qualified by its database in MySQL', () => {
    const trigger = { kind: 'trigger' as const, name: 'select' };
    expect(sql(drop('postgres', [...pgTable, trigger]))).toBe('DROP TRIGGER "select" ON "my ""schema"".x"."order`s ?$1"');
    expect(sql(drop('mysql', [{ kind: 'database', name: 'shop' }, { kind: 'group', name: 'triggers' }, trigger]))).toBe('DROP TRIGGER `shop`.`select`');
    expect(sql(drop('sqlite', [{ kind: 'group', name: 'triggers' }, trigger]))).toBe('DROP TRIGGER "select"');
  });

  it('drops a PostgreSQL routine with its argument types, the name before them quoted', () => {
    const routine = (kind: 'function' | 'procedure', name: string): PathSegment[] => [
      { kind: 'database', name: 'app' },
      { kind: 'schema', name: 'public' },
      { kind: 'group', name: `${kind}s` },
      { kind, name },
    ];
    expect(sql(drop('postgres', routine('function', 'order_count(customer bigint)')))).toBe('DROP FUNCTION "public"."order_count"(customer bigint)');
    // The raw name may hold parentheses and quotes; the arguments are SQL quoted by the server.
    expect(sql(drop('postgres', routine('function', 'f(x) "y"("a)b" integer, text)'), { cascade: true }))).toBe(
      'DROP FUNCTION "public"."f(x) ""y"""("a)b" integer, text) CASCADE',
    );
    expect(sql(drop('postgres', routine('procedure', 'p()')))).toBe('DROP PROCEDURE "public"."p"()');
  });

  it('drops MySQL routines by database and name, procedures as procedures', () => {
    const db = { kind: 'database' as const, name: 'shop' };
    expect(sql(drop('mysql', [db, { kind: 'group', name: 'functions' }, { kind: 'function', name: 'f(x)' }]))).toBe('DROP FUNCTION `shop`.`f(x)`');
    expect(sql(drop('mysql', [db, { kind: 'group', name: 'procedures' }, { kind: 'procedure', name: 'p' }]))).toBe('DROP PROCEDURE `shop`.`p`');
    expect(sql(drop('mysql', [db, { kind: 'group', name: 'procedures' }, { kind: 'function', name: 'p' }], { detail: 'procedure' }))).toBe(
      'DROP PROCEDURE `shop`.`p`',
    );
  });

  it('drops constraints and foreign keys through ALTER TABLE, as each engine spells it', () => {
    const fk = { kind: 'foreign-key' as const, name: 'fk "x"' };
    const check = { kind: 'constraint' as const, name: 'positive`' };
    expect(sql(drop('postgres', [...pgTable, fk]))).toBe('ALTER TABLE "my ""schema"".x"."order`s ?$1" DROP CONSTRAINT "fk ""x"""');
    expect(sql(drop('postgres', [...pgTable, check], { cascade: true }))).toBe('ALTER TABLE "my ""schema"".x"."order`s ?$1" DROP CONSTRAINT "positive`" CASCADE');
    expect(sql(drop('mysql', [...myTable, fk]))).toBe('ALTER TABLE `sh``op`.`order``s ?$1` DROP FOREIGN KEY `fk "x"`');
    expect(sql(drop('mysql', [...myTable, check]))).toBe('ALTER TABLE `sh``op`.`order``s ?$1` DROP CONSTRAINT `positive```');
    expect(sql(drop('mysql', [...myTable, { kind: 'constraint', name: 'PRIMARY' }]))).toBe('ALTER TABLE `sh``op`.`order``s ?$1` DROP PRIMARY KEY');
  });

  it('refuses a foreign key of another table listed under the table it references', () => {
    const incomingPg = drop('postgres', [...pgTable, { kind: 'group', name: 'referenced-by' }, { kind: 'foreign-key', name: 'public.items.items_order_fkey' }]);
    const incomingMy = drop('mysql', [...myTable, { kind: 'foreign-key', name: 'items_order_fk' }], { detail: 'referenced by shop.items (order_id)' });
    expect(incomingPg).toMatchObject({ kind: 'unsupported' });
    expect(incomingMy).toMatchObject({ kind: 'unsupported' });
    expect(sql(incomingMy)).toContain('drop it from that table');
  });

  it('drops PostgreSQL-only objects, and says why other engines cannot', () => {
    const pgSchema: PathSegment[] = [
      { kind: 'database', name: 'app' },
      { kind: 'schema', name: 'public' },
    ];
    expect(sql(drop('postgres', [...pgTable, { kind: 'policy', name: 'own rows' }]))).toBe('DROP POLICY "own rows" ON "my ""schema"".x"."order`s ?$1"');
    expect(drop('postgres', [...pgTable, { kind: 'policy', name: 'p' }])).toMatchObject({ cascadable: false });
    expect(sql(drop('postgres', [{ kind: 'database', name: 'app' }, { kind: 'group', name: 'extensions' }, { kind: 'extension', name: 'pg_trgm' }]))).toBe(
      'DROP EXTENSION "pg_trgm"',
    );
    expect(sql(drop('postgres', [...pgSchema, { kind: 'group', name: 'types' }, { kind: 'type', name: 'mood' }], { cascade: true }))).toBe(
      'DROP TYPE "public"."mood" CASCADE',
    );
    expect(sql(drop('postgres', [...pgSchema, { kind: 'group', name: 'materialized-views' }, { kind: 'materialized-view', name: 'mv' }]))).toBe(
      'DROP MATERIALIZED VIEW "public"."mv"',
    );
    expect(sql(drop('postgres', [...pgSchema, { kind: 'group', name: 'sequences' }, { kind: 'sequence', name: 's' }]))).toBe('DROP SEQUENCE "public"."s"');
    expect(sql(drop('sqlite', [...liteTable, { kind: 'foreign-key', name: 'orders_customer_fkey' }]))).toMatch(/^unsupported: SQLite cannot drop this foreign key/);
    expect(sql(drop('sqlite', [...liteTable, { kind: 'constraint', name: 'c' }]))).toMatch(/rebuilding the table/);
  });

  it('drops a MySQL event by database and name; other engines have no events', () => {
    const event: PathSegment[] = [{ kind: 'database', name: 'sh`op' }, { kind: 'group', name: 'events' }, { kind: 'event', name: 'nightly ?$1' }];
    expect(drop('mysql', event)).toEqual({ kind: 'drop', sql: 'DROP EVENT `sh``op`.`nightly ?$1`', cascadable: false });
    expect(sql(drop('postgres', [{ kind: 'database', name: 'app' }, { kind: 'event', name: 'e' }]))).toMatch(/^unsupported: PostgreSQL cannot drop this event here: scheduled events are MySQL\/MariaDB only/);
  });

  it('drops views by their qualified name', () => {
    expect(sql(drop('sqlite', [{ kind: 'group', name: 'views' }, { kind: 'view', name: 'v"1' }]))).toBe('DROP VIEW "v""1"');
    expect(sql(drop('mysql', [{ kind: 'database', name: 'd' }, { kind: 'group', name: 'views' }, { kind: 'view', name: 'v' }]))).toBe('DROP VIEW `d`.`v`');
  });
});

describe('splitRoutineName', () => {
  it('splits at the parenthesis that opens the final argument list', () => {
    expect(splitRoutineName('f(a integer)')).toEqual({ name: 'f', routineArguments: 'a integer' });
    expect(splitRoutineName('f(x)(y numeric)')).toEqual({ name: 'f(x)', routineArguments: 'y numeric' });
    expect(splitRoutineName('g("x(" text, "y)" text)')).toEqual({ name: 'g', routineArguments: '"x(" text, "y)" text' });
  });

  it('finds no argument list in a plain name', () => {
    expect(splitRoutineName('plain')).toBeNull();
    expect(splitRoutineName('(only)')).toBeNull();
  });
});
