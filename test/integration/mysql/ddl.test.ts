import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MysqlDriver } from '../../../electron/core/drivers/mysql/driver';
import type { Introspector } from '../../../electron/core/drivers/types';
import type { PathSegment } from '../../../shared/model/schema';
import { quoteIdentifier } from '../../../shared/sql/quote';
import { admin, driverConfig, expectCoreError, testDatabaseName } from './support';

const source = testDatabaseName();
const copy = `${source}_copy`;
const q = (name: string) => quoteIdentifier('mysql', name);
const HOSTILE_TABLE = "dd`l.ta ble?'\"$1";
const HOSTILE_VIEW = "vi`ew 'x'.?";
const HOSTILE_TRIGGER = "tr`g ?.'";
const HOSTILE_FUNCTION = 'fu`nc?';
const HOSTILE_EVENT = "ev`ent ?.'";

let driver: MysqlDriver;
let introspector: Introspector;

const db: PathSegment = { kind: 'database', name: source };
const inGroup = (group: string, kind: PathSegment['kind'], name: string): PathSegment[] => [db, { kind: 'group', name: group }, { kind, name }];

/** What SHOW CREATE says of an object, with the databases' names taken out so the two compare. */
async function shown(database: string, kind: string, name: string, column: string): Promise<string> {
  const [row] = await admin<Record<string, string>>(`SHOW CREATE ${kind} ${q(database)}.${q(name)}`);
  return row[column].replaceAll(`${q(source)}.`, '').replaceAll(`${q(copy)}.`, '').replace(/DEFINER=`[^`]*`@`[^`]*` /, '');
}

beforeAll(async () => {
  await admin(`CREATE DATABASE ${q(source)}`);
  const statements = [
    'CREATE TABLE parents (id INT PRIMARY KEY, code VARCHAR(10) NOT NULL UNIQUE)',
    `CREATE TABLE ${q(HOSTILE_TABLE)} (
       id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
       parent_id INT,
       \`odd "col"\` VARCHAR(20) DEFAULT 'it''s' COMMENT 'a ''quoted'' comment',
       amount DECIMAL(8,2) CHECK (amount >= 0),
       KEY by_parent (parent_id),
       CONSTRAINT \`fk ?\` FOREIGN KEY (parent_id) REFERENCES parents (id) ON DELETE SET NULL
     )`,
    `CREATE VIEW ${q(HOSTILE_VIEW)} AS SELECT id, '${q(source)}.x' AS label FROM ${q(HOSTILE_TABLE)} WHERE amount > 1`,
    `CREATE FUNCTION ${q(HOSTILE_FUNCTION)}(x INT) RETURNS INT DETERMINISTIC RETURN x * 2`,
    `CREATE PROCEDURE reset_amounts(IN floor_value INT)
     BEGIN
       UPDATE ${q(HOSTILE_TABLE)} SET amount = floor_value WHERE amount < floor_value;
       SELECT ROW_COUNT();
     END`,
    `CREATE TRIGGER ${q(HOSTILE_TRIGGER)} BEFORE INSERT ON ${q(HOSTILE_TABLE)} FOR EACH ROW SET NEW.amount = COALESCE(NEW.amount, 0)`,
    'CREATE SEQUENCE tickets START WITH 100 INCREMENT BY 5',
    `CREATE EVENT ${q(HOSTILE_EVENT)} ON SCHEDULE EVERY '1:30' HOUR_MINUTE STARTS '2030-01-01 00:00:00' ENDS '2030-12-31 00:00:00'
     ON COMPLETION PRESERVE DISABLE COMMENT 'it''s nightly'
     DO BEGIN
       UPDATE ${q(HOSTILE_TABLE)} SET amount = 0 WHERE amount < 0;
       DELETE FROM parents WHERE id < 0;
     END`,
  ];
  for (const sql of statements) await admin(sql, [], source);
  // No current database: SHOW CREATE VIEW then qualifies every name, as for any database but the profile's.
  driver = new MysqlDriver(driverConfig());
  await driver.init();
  introspector = driver.createIntrospector();
});

afterAll(async () => {
  await driver?.destroy();
  await admin(`DROP DATABASE IF EXISTS ${q(source)}`);
  await admin(`DROP DATABASE IF EXISTS ${q(copy)}`);
});

describe('MySQL DDL', () => {
  it('rebuilds every object in a fresh database from its DDL, identical to the original', async () => {
    const objects: { path: PathSegment[]; show: [string, string, string] }[] = [
      { path: inGroup('tables', 'table', 'parents'), show: ['TABLE', 'parents', 'Create Table'] },
      { path: inGroup('tables', 'table', HOSTILE_TABLE), show: ['TABLE', HOSTILE_TABLE, 'Create Table'] },
      { path: inGroup('views', 'view', HOSTILE_VIEW), show: ['VIEW', HOSTILE_VIEW, 'Create View'] },
      { path: inGroup('functions', 'function', HOSTILE_FUNCTION), show: ['FUNCTION', HOSTILE_FUNCTION, 'Create Function'] },
      { path: inGroup('procedures', 'procedure', 'reset_amounts'), show: ['PROCEDURE', 'reset_amounts', 'Create Procedure'] },
      { path: inGroup('triggers', 'trigger', HOSTILE_TRIGGER), show: ['TRIGGER', HOSTILE_TRIGGER, 'SQL Original Statement'] },
      { path: inGroup('sequences', 'sequence', 'tickets'), show: ['SEQUENCE', 'tickets', 'Create Table'] },
      { path: inGroup('events', 'event', HOSTILE_EVENT), show: ['EVENT', HOSTILE_EVENT, 'Create Event'] },
    ];
    const ddls = [];
    for (const object of objects) ddls.push(await introspector.ddl(object.path));
    expect(ddls[1]).toContain('CHECK (`amount` >= 0)');
    // The view's names lose their database qualifier; a string that looks like one keeps it.
    expect(ddls[2]).not.toContain(`${q(source)}.${q(HOSTILE_TABLE)}`);
    expect(ddls[2]).toContain(`'${q(source)}.x' AS`);

    await admin(`CREATE DATABASE ${q(copy)}`);
    for (const ddl of ddls) await admin(ddl, [], copy);
    for (const { show } of objects) {
      const [kind, name, column] = show;
      expect(await shown(copy, kind, name, column), `${kind} ${name}`).toBe(await shown(source, kind, name, column));
    }
    expect(ddls[7]).toContain("EVERY '1:30' HOUR_MINUTE");
    const [event] = await admin<{ STATUS: string; EVENT_COMMENT: string }>('SELECT STATUS, EVENT_COMMENT FROM information_schema.EVENTS WHERE EVENT_SCHEMA = ? AND EVENT_NAME = ?', [copy, HOSTILE_EVENT]);
    expect(event).toEqual({ STATUS: 'DISABLED', EVENT_COMMENT: "it's nightly" });
    const [row] = await admin<{ doubled: number }>(`SELECT ${q(copy)}.${q(HOSTILE_FUNCTION)}(21) AS doubled`);
    expect(Number(row.doubled)).toBe(42);
  });

  it("shows a table's trigger from under the table, and the database's CREATE DATABASE", async () => {
    const underTable = [...inGroup('tables', 'table', HOSTILE_TABLE), { kind: 'trigger' as const, name: HOSTILE_TRIGGER }];
    expect(await introspector.ddl(underTable)).toBe(await introspector.ddl(inGroup('triggers', 'trigger', HOSTILE_TRIGGER)));
    expect(await introspector.ddl([db])).toMatch(new RegExp(`^CREATE DATABASE ${q(source)}`));
  });

  it('answers UNSUPPORTED for folders, table parts and accounts, and NOT_FOUND for objects that are gone', async () => {
    await expectCoreError(introspector.ddl([db, { kind: 'group', name: 'tables' }]), 'UNSUPPORTED');
    await expectCoreError(introspector.ddl([]), 'UNSUPPORTED');
    await expectCoreError(introspector.ddl([...inGroup('tables', 'table', 'parents'), { kind: 'column', name: 'id' }]), 'UNSUPPORTED');
    await expectCoreError(introspector.ddl(inGroup('tables', 'table', 'gone')), 'NOT_FOUND');
    // A view is not a table, and a function is not a procedure.
    await expectCoreError(introspector.ddl(inGroup('tables', 'table', HOSTILE_VIEW)), 'NOT_FOUND');
    await expectCoreError(introspector.ddl(inGroup('procedures', 'procedure', HOSTILE_FUNCTION)), 'NOT_FOUND');
    await expectCoreError(introspector.ddl(inGroup('triggers', 'trigger', 'gone')), 'NOT_FOUND');
    await expectCoreError(introspector.ddl(inGroup('events', 'event', 'gone')), 'NOT_FOUND');
    await expectCoreError(introspector.ddl([{ kind: 'database', name: `${source}_gone` }]), 'NOT_FOUND');
  });
});
