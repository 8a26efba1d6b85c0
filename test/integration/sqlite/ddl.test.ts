import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Introspector, SqlDriver } from '../../../electron/core/drivers/types';
import type { PathSegment } from '../../../shared/model/schema';
import { caught, makeTempDir, sqliteDriver } from './sqlite-kit';

const HOSTILE_TABLE = `dd"l.ta ble?'$1 [x]`;
const HOSTILE_INDEX = `ix "?'. $1`;
const HOSTILE_TRIGGER = `tr"g; ?'`;
const q = (name: string) => `"${name.replaceAll('"', '""')}"`;
const group = (name: string): PathSegment => ({ kind: 'group', name });

/** Every object of a file as sqlite_schema records it. */
function schemaOf(file: string): unknown[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name').all();
  } finally {
    db.close();
  }
}

describe('SQLite DDL', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let source: string;
  let driver: SqlDriver;
  let introspector: Introspector;

  beforeAll(async () => {
    ({ dir, cleanup } = await makeTempDir());
    source = join(dir, 'source.sqlite');
    const db = new Database(source);
    db.exec(`
      CREATE TABLE parents (id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE);
      CREATE TABLE ${q(HOSTILE_TABLE)} (
        id INTEGER PRIMARY KEY,
        parent_id INTEGER REFERENCES parents (id) ON DELETE CASCADE,
        note TEXT DEFAULT 'it''s; "here"' CHECK (length(note) < 100), -- a comment; with a semicolon
        total REAL AS (id * 2) STORED
      );
      CREATE INDEX ${q(HOSTILE_INDEX)} ON ${q(HOSTILE_TABLE)} (parent_id, lower(note));
      CREATE UNIQUE INDEX parents_code_lower ON parents (lower(code)) WHERE code <> '';
      CREATE TRIGGER ${q(HOSTILE_TRIGGER)} AFTER INSERT ON ${q(HOSTILE_TABLE)}
      BEGIN
        UPDATE parents SET code = code || ';' WHERE id = NEW.parent_id;
        SELECT 1;
      END;
      CREATE VIEW children_per_parent AS SELECT parent_id, count(*) AS n FROM ${q(HOSTILE_TABLE)} GROUP BY parent_id;
      CREATE TRIGGER children_insert INSTEAD OF INSERT ON children_per_parent BEGIN SELECT RAISE(ABORT, 'read-only; sorry'); END;
    `);
    db.close();
    driver = sqliteDriver(source, { readOnly: true });
    await driver.init();
    introspector = driver.createIntrospector();
  });

  afterAll(async () => {
    await driver.destroy();
    await cleanup();
  });

  it('rebuilds the whole file from the DDL of its tables and views, identical to the original', async () => {
    const ddls = [
      await introspector.ddl([group('tables'), { kind: 'table', name: 'parents' }]),
      await introspector.ddl([group('tables'), { kind: 'table', name: HOSTILE_TABLE }]),
      await introspector.ddl([group('views'), { kind: 'view', name: 'children_per_parent' }]),
    ];
    expect(ddls[1].split('\n\n')).toHaveLength(3);
    expect(ddls[1]).toMatch(/^CREATE TABLE/);

    const copy = join(dir, 'copy.sqlite');
    const db = new Database(copy);
    try {
      for (const ddl of ddls) db.exec(ddl);
    } finally {
      db.close();
    }
    expect(schemaOf(copy)).toEqual(schemaOf(source));
  });

  it('shows one index or trigger, from its group or from under its table', async () => {
    const index = await introspector.ddl([group('indexes'), { kind: 'index', name: HOSTILE_INDEX }]);
    expect(index).toBe(`CREATE INDEX ${q(HOSTILE_INDEX)} ON ${q(HOSTILE_TABLE)} (parent_id, lower(note));`);
    const underTable = [group('tables'), { kind: 'table' as const, name: HOSTILE_TABLE }];
    expect(await introspector.ddl([...underTable, { kind: 'index', name: HOSTILE_INDEX }])).toBe(index);
    const trigger = await introspector.ddl([group('triggers'), { kind: 'trigger', name: HOSTILE_TRIGGER }]);
    expect(trigger).toMatch(/^CREATE TRIGGER "tr""g; \?'" AFTER INSERT .*END;$/s);
    expect(await introspector.ddl([...underTable, { kind: 'trigger', name: HOSTILE_TRIGGER }])).toBe(trigger);
  });

  it('answers UNSUPPORTED for folders, columns, keys, constraints and autoindexes, and NOT_FOUND for what is gone', async () => {
    const parents = [group('tables'), { kind: 'table' as const, name: 'parents' }];
    expect((await caught(introspector.ddl([]))).code).toBe('UNSUPPORTED');
    expect((await caught(introspector.ddl([group('tables')]))).code).toBe('UNSUPPORTED');
    expect((await caught(introspector.ddl([...parents, { kind: 'column', name: 'id' }]))).code).toBe('UNSUPPORTED');
    expect((await caught(introspector.ddl([...parents, { kind: 'constraint', name: 'parents_code_key' }]))).code).toBe('UNSUPPORTED');
    const autoindex = await caught(introspector.ddl([...parents, { kind: 'index', name: 'sqlite_autoindex_parents_1' }]));
    expect(autoindex.code).toBe('UNSUPPORTED');
    expect(autoindex.message).toContain('parents');
    expect((await caught(introspector.ddl([group('tables'), { kind: 'table', name: 'gone' }]))).code).toBe('NOT_FOUND');
    expect((await caught(introspector.ddl([group('tables'), { kind: 'table', name: 'children_per_parent' }]))).code).toBe('NOT_FOUND');
    expect((await caught(introspector.ddl([group('indexes'), { kind: 'index', name: 'gone' }]))).code).toBe('NOT_FOUND');
  });
});
