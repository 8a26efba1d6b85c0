import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresDriver } from '../../../electron/core/drivers/postgres/driver';
import type { Introspector } from '../../../electron/core/drivers/types';
import type { PathSegment } from '../../../shared/model/schema';
import { admin, driverConfig, expectCoreError } from './support';

/**
 * Show DDL, checked by running it: every statement Strata rebuilds from the source database's catalog
 * is executed in a fresh database, and the object it makes there must read back the same.
 */
const SOURCE = 'strata_test_pg_ddl_source';
const TARGET = 'strata_test_pg_ddl_target';
const SCHEMA = `we'ird.$1 "s"`;
const TABLE = 'select';
const ROLE = `strata_test_pg_ddl_role_${process.pid}`;

const FIXTURE = `
CREATE SCHEMA "we'ird.$1 ""s""";
SET search_path = "we'ird.$1 ""s""";
CREATE TYPE "Mood?" AS ENUM ('sad', 'it''s ok', 'happy');
CREATE DOMAIN "$1 money" AS numeric(12, 2) DEFAULT 1 NOT NULL CONSTRAINT "positive?" CHECK (VALUE > 0);
CREATE TYPE "pair" AS ("left side" int, "order" text);
CREATE SEQUENCE "tick ""counter""" AS int8 INCREMENT BY 5 MINVALUE 10 MAXVALUE 1000000 START WITH 100 CACHE 3 CYCLE;
CREATE FUNCTION "stamp it"() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN NEW."updated at" := now(); RETURN NEW; END$$;
CREATE FUNCTION "add?"(a int, "b b" int DEFAULT 2) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT a + "b b"';
COMMENT ON FUNCTION "add?"(int, int) IS 'Adds, it''s simple';
CREATE TABLE "select" (
  id int8 GENERATED ALWAYS AS IDENTITY (START WITH 1000 INCREMENT BY 7) PRIMARY KEY,
  "parent id" int8 REFERENCES "select" (id) ON DELETE SET NULL,
  "Mood" "Mood?" NOT NULL DEFAULT 'it''s ok',
  price "$1 money",
  "x?y" text COLLATE "C" UNIQUE,
  "half price" numeric GENERATED ALWAYS AS (price / 2) STORED,
  "updated at" timestamptz,
  serial_no serial,
  CONSTRAINT "price ""cap""" CHECK (price < 1000000)
) WITH (fillfactor = 70);
COMMENT ON TABLE "select" IS 'Hostile, isn''t it';
COMMENT ON COLUMN "select"."x?y" IS 'The "x?y" column';
CREATE INDEX "lower x?y" ON "select" (lower("x?y")) WHERE "Mood" <> 'sad';
CREATE TRIGGER "stamp ""it""" BEFORE UPDATE ON "select" FOR EACH ROW WHEN (OLD."Mood" IS DISTINCT FROM NEW."Mood") EXECUTE FUNCTION "stamp it"();
ALTER TABLE "select" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "select" FORCE ROW LEVEL SECURITY;
CREATE POLICY "only happy?" ON "select" AS PERMISSIVE FOR UPDATE TO ${ROLE} USING ("Mood" = 'happy') WITH CHECK (price > 5);
CREATE VIEW "happy $1" WITH (security_barrier) AS SELECT id, "x?y" FROM "select" WHERE "Mood" = 'happy';
COMMENT ON VIEW "happy $1" IS 'Only the happy ones';
CREATE MATERIALIZED VIEW "mood counts" AS SELECT "Mood", count(*) AS n FROM "select" GROUP BY "Mood" WITH NO DATA;
CREATE UNIQUE INDEX "mood counts by mood" ON "mood counts" ("Mood");
`;

let driver: PostgresDriver;
let introspector: Introspector;

const inSchema = (database: string): PathSegment[] => [
  { kind: 'database', name: database },
  { kind: 'schema', name: SCHEMA },
];
const object = (database: string, group: string, kind: PathSegment['kind'], name: string): PathSegment[] => [
  ...inSchema(database),
  { kind: 'group', name: group },
  { kind, name },
];
const tablePath = (database: string) => object(database, 'tables', 'table', TABLE);
const ddlIn = (database: string, group: string, kind: PathSegment['kind'], name: string) => introspector.ddl(object(database, group, kind, name));

/** The objects in creation order, each DDL run in the target and read back from it. */
const OBJECTS: [group: string, kind: PathSegment['kind'], name: string][] = [
  ['types', 'type', 'Mood?'],
  ['types', 'type', '$1 money'],
  ['types', 'type', 'pair'],
  ['sequences', 'sequence', 'tick "counter"'],
  ['functions', 'function', 'stamp it()'],
  ['functions', 'function', 'add?(a integer, "b b" integer)'],
  ['tables', 'table', TABLE],
  ['views', 'view', 'happy $1'],
  ['materialized-views', 'materialized-view', 'mood counts'],
];

beforeAll(async () => {
  for (const database of [SOURCE, TARGET]) {
    await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin(`CREATE DATABASE ${database}`);
  }
  await admin(`DROP ROLE IF EXISTS ${ROLE}`);
  await admin(`CREATE ROLE ${ROLE} NOLOGIN`);
  await admin(FIXTURE, [], SOURCE);
  driver = new PostgresDriver(driverConfig({ database: 'postgres' }));
  await driver.init();
  introspector = driver.createIntrospector();
  await admin(await introspector.ddl(inSchema(SOURCE)), [], TARGET);
  for (const [group, kind, name] of OBJECTS) await admin(await ddlIn(SOURCE, group, kind, name), [], TARGET);
});

afterAll(async () => {
  await driver?.destroy();
  for (const database of [SOURCE, TARGET]) await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin(`DROP ROLE IF EXISTS ${ROLE}`);
});

describe('PostgreSQL DDL', () => {
  it('rebuilds a table with every part the catalog holds', async () => {
    const ddl = await introspector.ddl(tablePath(SOURCE));
    expect(ddl).toContain(`CREATE TABLE "we'ird.$1 ""s"""."select" (`);
    expect(ddl).toContain('id bigint GENERATED ALWAYS AS IDENTITY (START WITH 1000 INCREMENT BY 7 MINVALUE 1 MAXVALUE 9223372036854775807 CACHE 1) NOT NULL');
    expect(ddl).toContain(`"Mood" "we'ird.$1 ""s"""."Mood?" DEFAULT 'it''s ok'::"we'ird.$1 ""s"""."Mood?" NOT NULL`);
    expect(ddl).toContain('"x?y" text COLLATE pg_catalog."C"');
    expect(ddl).toContain('"half price" numeric GENERATED ALWAYS AS (((price)::numeric / (2)::numeric)) STORED');
    expect(ddl).toContain('CONSTRAINT "price ""cap""" CHECK (((price)::numeric < (1000000)::numeric))');
    expect(ddl).toContain(') WITH (fillfactor=70);');
    expect(ddl).toContain(`ALTER SEQUENCE "we'ird.$1 ""s""".select_serial_no_seq OWNED BY "we'ird.$1 ""s"""."select".serial_no;`);
    expect(ddl).toContain(`COMMENT ON TABLE "we'ird.$1 ""s"""."select" IS 'Hostile, isn''t it';`);
    expect(ddl).toContain(`COMMENT ON COLUMN "we'ird.$1 ""s"""."select"."x?y" IS 'The "x?y" column';`);
    expect(ddl).toContain('ENABLE ROW LEVEL SECURITY;');
    expect(ddl).toContain('FORCE ROW LEVEL SECURITY;');
    expect(ddl).toContain(`TO ${ROLE}\n`);
    expect(ddl).toContain('CREATE TRIGGER "stamp ""it""" BEFORE UPDATE');
    expect(ddl).not.toContain('CREATE UNIQUE INDEX select_pkey');
  });

  it.each(OBJECTS)('recreates the %s object "%s" %s in a fresh database exactly', async (group, kind, name) => {
    expect(await ddlIn(TARGET, group, kind, name)).toBe(await ddlIn(SOURCE, group, kind, name));
  });

  it('recreates objects that behave as the originals', async () => {
    await admin(`INSERT INTO "we'ird.$1 ""s"""."select" (price, "x?y") VALUES (10, 'a')`, [], TARGET);
    const [row] = await admin<{ id: string; mood: string; half: string; serial_no: number }>(
      `SELECT id, "Mood" AS mood, "half price" AS half, serial_no FROM "we'ird.$1 ""s"""."select"`,
      [],
      TARGET,
    );
    expect(row).toEqual({ id: '1000', mood: "it's ok", half: '5.0000000000000000', serial_no: 1 });
    await expect(admin(`INSERT INTO "we'ird.$1 ""s"""."select" (price) VALUES (-1)`, [], TARGET)).rejects.toThrow(/positive\?/);
    await expect(admin(`INSERT INTO "we'ird.$1 ""s"""."select" (price, "x?y") VALUES (2, 'a')`, [], TARGET)).rejects.toThrow(/duplicate key/);
    const labels = await admin<{ label: string }>(`SELECT unnest(enum_range(NULL::"we'ird.$1 ""s"""."Mood?"))::text AS label`, [], TARGET);
    expect(labels.map((label) => label.label)).toEqual(['sad', "it's ok", 'happy']);
    const [sum] = await admin<{ sum: number }>(`SELECT "we'ird.$1 ""s"""."add?"(40) AS sum`, [], TARGET);
    expect(sum.sum).toBe(42);
    const [tick] = await admin<{ value: string }>(`SELECT nextval('"we''ird.$1 ""s"""."tick ""counter"""') AS value`, [], TARGET);
    expect(tick.value).toBe('100');
  });

  it('shows each index, trigger, constraint, policy and foreign key on its own, runnable after a drop', async () => {
    const table = tablePath(TARGET);
    const parts: [PathSegment['kind'], string, string][] = [
      ['index', 'lower x?y', 'DROP INDEX "we\'ird.$1 ""s"""."lower x?y"'],
      ['trigger', 'stamp "it"', `DROP TRIGGER "stamp ""it""" ON "we'ird.$1 ""s"""."select"`],
      ['constraint', 'price "cap"', `ALTER TABLE "we'ird.$1 ""s"""."select" DROP CONSTRAINT "price ""cap"""`],
      ['policy', 'only happy?', `DROP POLICY "only happy?" ON "we'ird.$1 ""s"""."select"`],
      ['foreign-key', 'select_parent id_fkey', `ALTER TABLE "we'ird.$1 ""s"""."select" DROP CONSTRAINT "select_parent id_fkey"`],
    ];
    const before = await introspector.ddl(table);
    for (const [kind, name, drop] of parts) {
      const ddl = await introspector.ddl([...table, { kind, name }]);
      await admin(drop, [], TARGET);
      await admin(ddl, [], TARGET);
    }
    expect(await introspector.ddl(table)).toBe(before);
    expect(await introspector.ddl([...table, { kind: 'policy', name: 'only happy?' }])).toBe(
      `CREATE POLICY "only happy?" ON "we'ird.$1 ""s"""."select"\n  FOR UPDATE\n  TO ${ROLE}\n  USING (("Mood" = 'happy'::"we'ird.$1 ""s"""."Mood?"))\n  WITH CHECK (((price)::numeric > (5)::numeric));`,
    );
    expect(await introspector.ddl([...table, { kind: 'group', name: 'referenced-by' }, { kind: 'foreign-key', name: `"we'ird.$1 ""s"""."select"."select_parent id_fkey"` }])).toBe(
      `ALTER TABLE "we'ird.$1 ""s"""."select" ADD CONSTRAINT "select_parent id_fkey" FOREIGN KEY ("parent id") REFERENCES "we'ird.$1 ""s"""."select"(id) ON DELETE SET NULL;`,
    );
    expect(await introspector.ddl([...table, { kind: 'column', name: 'x?y' }])).toBe(
      `ALTER TABLE "we'ird.$1 ""s"""."select" ADD COLUMN "x?y" text COLLATE pg_catalog."C";\nCOMMENT ON COLUMN "we'ird.$1 ""s"""."select"."x?y" IS 'The "x?y" column';`,
    );
  });

  it('shows views, sequences, functions and types as CREATE statements', async () => {
    expect(await ddlIn(SOURCE, 'views', 'view', 'happy $1')).toMatch(/^CREATE OR REPLACE VIEW "we'ird\.\$1 ""s"""\."happy \$1" WITH \(security_barrier=true\) AS\n/);
    expect(await ddlIn(SOURCE, 'materialized-views', 'materialized-view', 'mood counts')).toContain('WITH NO DATA;\n\nCREATE UNIQUE INDEX "mood counts by mood"');
    expect(await ddlIn(SOURCE, 'sequences', 'sequence', 'tick "counter"')).toBe(
      `CREATE SEQUENCE "we'ird.$1 ""s"""."tick ""counter"""\n  AS bigint\n  START WITH 100\n  INCREMENT BY 5\n  MINVALUE 10\n  MAXVALUE 1000000\n  CACHE 3\n  CYCLE;`,
    );
    expect(await ddlIn(SOURCE, 'sequences', 'sequence', 'select_id_seq')).toMatch(/^-- This sequence belongs to the identity column .*"select"\.id/);
    expect(await ddlIn(SOURCE, 'functions', 'function', 'add?(a integer, "b b" integer)')).toContain(
      `COMMENT ON FUNCTION "we'ird.$1 ""s"""."add?"(a integer, "b b" integer) IS 'Adds, it''s simple';`,
    );
    expect(await ddlIn(SOURCE, 'types', 'type', '$1 money')).toBe(
      `CREATE DOMAIN "we'ird.$1 ""s"""."$1 money" AS numeric(12,2) DEFAULT 1 NOT NULL\n  CONSTRAINT "positive?" CHECK ((VALUE > (0)::numeric));`,
    );
  });

  it('shows extensions, roles without passwords, schemas and databases', async () => {
    await admin('CREATE EXTENSION "uuid-ossp" SCHEMA public', [], SOURCE);
    expect(await introspector.ddl([{ kind: 'database', name: SOURCE }, { kind: 'group', name: 'extensions' }, { kind: 'extension', name: 'uuid-ossp' }])).toBe(
      `CREATE EXTENSION IF NOT EXISTS "uuid-ossp" WITH SCHEMA public VERSION '1.1';`,
    );
    expect(await introspector.ddl([{ kind: 'database', name: SOURCE }, { kind: 'group', name: 'roles' }, { kind: 'role', name: ROLE }])).toBe(
      `CREATE ROLE ${ROLE} WITH NOSUPERUSER INHERIT NOCREATEROLE NOCREATEDB NOLOGIN NOREPLICATION NOBYPASSRLS CONNECTION LIMIT -1;`,
    );
    expect(await introspector.ddl(inSchema(SOURCE))).toBe(`CREATE SCHEMA "we'ird.$1 ""s""" AUTHORIZATION postgres;`);
    expect(await introspector.ddl([{ kind: 'database', name: SOURCE }])).toMatch(new RegExp(`^CREATE DATABASE ${SOURCE}\\n  WITH OWNER = postgres\\n  TEMPLATE = template0\\n  ENCODING = 'UTF8'`));
  });

  it('says which objects have no DDL, and which do not exist', async () => {
    const group = await expectCoreError(introspector.ddl([...inSchema(SOURCE), { kind: 'group', name: 'tables' }]), 'UNSUPPORTED');
    expect(group.message).toMatch(/group has no CREATE statement/);
    await expectCoreError(introspector.ddl(object(SOURCE, 'tables', 'table', 'no such table')), 'NOT_FOUND');
    await expectCoreError(introspector.ddl(object(SOURCE, 'functions', 'function', 'add?(integer)')), 'NOT_FOUND');
    await expectCoreError(introspector.ddl([...tablePath(SOURCE), { kind: 'trigger', name: 'no such trigger' }]), 'NOT_FOUND');
    await expectCoreError(introspector.ddl([...inSchema(SOURCE), { kind: 'group', name: 'tables' }, { kind: 'view', name: TABLE }]), 'INVALID_INPUT');
  });
});
