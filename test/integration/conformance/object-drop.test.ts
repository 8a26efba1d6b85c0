import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Capabilities } from '../../../shared/model/capabilities';
import type { PathSegment } from '../../../shared/model/schema';
import { selectTemplate } from '../../../shared/sql/templates';
import { dropStatement } from '../../../renderer/features/object-actions/drop-statement';
import { objectAddress, ownNameParts } from '../../../renderer/features/object-actions/object-address';
import { engineKits } from './engine-kits';

const TABLE = 'dr"op `t` ?$1.x select';
const CHILD = 'child "t"';
const INDEX = 'ix "a" `b` ?';
const FOREIGN_KEY = 'fk "c" `d`';

const CAPABILITIES: Record<'postgres' | 'mysql' | 'sqlite', Pick<Capabilities, 'databases' | 'schemas'>> = {
  postgres: { databases: true, schemas: true },
  mysql: { databases: true, schemas: false },
  sqlite: { databases: false, schemas: false },
};

describe.each(engineKits())('DROP statements and templates on hostile names ($label)', (kit) => {
  const q = (name: string) => kit.quote(name);
  const capabilities = { kind: 'sql', ...CAPABILITIES[kit.engine] } as Capabilities;
  const address = (path: PathSegment[]) => objectAddress(path, null, capabilities, kit.engine);
  const drop = (path: PathSegment[]) => {
    const plan = dropStatement(kit.engine, address(path), false);
    if (plan.kind !== 'drop') throw new Error(plan.reason);
    return plan.sql;
  };

  beforeAll(async () => {
    await kit.setup();
    await kit.admin(`CREATE TABLE ${q(TABLE)} (id INTEGER PRIMARY KEY, ${q('na"me`')} VARCHAR(20))`);
    await kit.admin(`CREATE INDEX ${q(INDEX)} ON ${q(TABLE)} (${q('na"me`')})`);
    await kit.admin(`INSERT INTO ${q(TABLE)} (id, ${q('na"me`')}) VALUES (1, 'one')`);
  });

  afterAll(async () => {
    await kit.teardown();
  });

  it('the generated SELECT runs and reads the table', async () => {
    const sql = selectTemplate({ engine: kit.engine, nameParts: ownNameParts(address(kit.tablePath(TABLE))), columns: [{ name: 'id', primaryKeyPosition: 1 }, { name: 'na"me`', primaryKeyPosition: null }] });
    const rows = await kit.admin(sql.trim().replace(/;$/, ''));
    expect(rows.map((row) => Object.values(row).map(String))).toEqual([['1', 'one']]);
  });

  it('drops the index: its name is free again afterwards', async () => {
    await kit.admin(drop([...kit.tablePath(TABLE), { kind: 'index', name: INDEX }]));
    await expect(kit.admin(`CREATE INDEX ${q(INDEX)} ON ${q(TABLE)} (id)`)).resolves.toBeDefined();
  });

  // SQLite's ALTER TABLE cannot drop a constraint: the tree explains that instead of offering Drop (unit-tested).
  it.runIf(kit.engine !== 'sqlite')('drops a foreign key through ALTER TABLE', async () => {
    await kit.admin(`CREATE TABLE ${q(CHILD)} (id INTEGER PRIMARY KEY, parent INTEGER, CONSTRAINT ${q(FOREIGN_KEY)} FOREIGN KEY (parent) REFERENCES ${q(TABLE)} (id))`);
    await expect(kit.admin(`INSERT INTO ${q(CHILD)} (id, parent) VALUES (1, 99)`)).rejects.toThrow();
    await kit.admin(drop([...kit.tablePath(CHILD), { kind: 'foreign-key', name: FOREIGN_KEY }]));
    await kit.admin(`INSERT INTO ${q(CHILD)} (id, parent) VALUES (1, 99)`);
    expect(await kit.admin(`SELECT parent FROM ${q(CHILD)}`)).toEqual([{ parent: 99 }]);
    await kit.admin(drop(kit.tablePath(CHILD)));
  });

  it.runIf(kit.engine === 'mysql')('drops a scheduled event: it is gone from the catalog', async () => {
    const EVENT = 'ev "e" `f` ?';
    await kit.admin(`CREATE EVENT ${q(EVENT)} ON SCHEDULE EVERY 1 HOUR DO DELETE FROM ${q(TABLE)} WHERE id < 0`);
    const [database] = kit.tablePath(TABLE);
    const events = () => kit.admin('SELECT EVENT_NAME AS name FROM information_schema.EVENTS WHERE EVENT_SCHEMA = ?', [database.name]);
    expect(await events()).toEqual([{ name: EVENT }]);
    await kit.admin(drop([database, { kind: 'group', name: 'events' }, { kind: 'event', name: EVENT }]));
    expect(await events()).toEqual([]);
  });

  it('drops the table', async () => {
    await kit.admin(drop(kit.tablePath(TABLE)));
    await expect(kit.admin(`SELECT * FROM ${q(TABLE)}`)).rejects.toThrow();
  });
});
