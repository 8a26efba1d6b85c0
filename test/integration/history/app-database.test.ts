import Database from 'better-sqlite3';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../electron/core/history/app-database-schema';
import { APP_DATABASE_FILE } from '../../../electron/core/history/app-database';
import { cleanupKits, makeDataDir, openKit, statement } from './history-kit';

afterEach(cleanupKits);

function inspect(file: string): Database.Database {
  return new Database(file, { readonly: true });
}

describe('schema and file', () => {
  it('creates strata-app.sqlite in WAL mode at the latest schema version, readable by the user only', async () => {
    const kit = await openKit();
    const file = join(kit.dataDir, APP_DATABASE_FILE);
    expect(kit.database.file).toBe(file);
    kit.history.record(statement());
    kit.close();

    const db = inspect(file);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['history', 'saved_queries']));
    expect(db.prepare('SELECT count(*) FROM history').pluck().get()).toBe(1);
    db.close();
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('migrates an existing empty file, and reopening changes nothing', async () => {
    const dataDir = await makeDataDir();
    const file = join(dataDir, APP_DATABASE_FILE);
    await writeFile(file, '');
    const kit = await openKit({ dataDir });
    kit.history.record(statement({ sql: 'SELECT kept' }));
    await kit.call('saved-query/save', { connectionId: null, name: 'Kept', sql: 'SELECT 1' });
    const schemaBefore = readSchema(file);

    kit.reopen();
    kit.reopen();
    expect(readSchema(file)).toEqual(schemaBefore);
    expect((await kit.call('history/list', {})).entries.map((entry) => entry.sql)).toEqual(['SELECT kept']);
    expect((await kit.call('saved-query/list', {})).map((query) => query.name)).toEqual(['Kept']);
    expect(kit.logLines).toEqual([]);
    expect((await readdir(dataDir)).filter((name) => name.includes('corrupt'))).toEqual([]);
  });
});

function readSchema(file: string): unknown {
  const db = inspect(file);
  const schema = {
    version: db.pragma('user_version', { simple: true }),
    objects: db.prepare('SELECT type, name, sql FROM sqlite_schema ORDER BY name').all(),
  };
  db.close();
  return schema;
}

describe('a damaged store', () => {
  it('moves a file that is not a database aside, starts a fresh one, logs it and tells the user once', async () => {
    const dataDir = await makeDataDir();
    const file = join(dataDir, APP_DATABASE_FILE);
    const garbage = 'this is not a SQLite database '.repeat(200);
    await writeFile(file, garbage);

    const kit = await openKit({ dataDir });
    const asides = (await readdir(dataDir)).filter((name) => name.startsWith(`${APP_DATABASE_FILE}.corrupt-`));
    expect(asides).toHaveLength(1);
    expect(await readFile(join(dataDir, asides[0]), 'utf8')).toBe(garbage);
    expect(kit.logLines.join('\n')).toContain(`moved to ${join(dataDir, asides[0])}`);

    kit.history.record(statement({ sql: 'SELECT after recovery' }));
    const first = await kit.call('history/list', {});
    expect(first.notice).toContain('could not be read');
    expect(first.notice).toContain(asides[0]);
    expect(first.entries.map((entry) => entry.sql)).toEqual(['SELECT after recovery']);
    expect((await kit.call('history/list', {})).notice).toBeNull();

    kit.reopen();
    expect((await kit.call('history/list', {})).entries.map((entry) => entry.sql)).toEqual(['SELECT after recovery']);
  });

  it('moves aside a database whose pages were overwritten, keeping its bytes', async () => {
    const dataDir = await makeDataDir();
    const file = join(dataDir, APP_DATABASE_FILE);
    const seed = await openKit({ dataDir });
    for (let i = 0; i < 200; i++) seed.history.record(statement({ sql: `SELECT ${'z'.repeat(200)} /* ${i} */` }));
    seed.close();
    const bytes = await readFile(file);
    // Keep the first page, header and schema, so the file still opens, and scribble over every page after it.
    const damaged = Buffer.concat([bytes.subarray(0, 4096), Buffer.alloc(bytes.length - 4096, 0xa5)]);
    await writeFile(file, damaged);

    const kit = await openKit({ dataDir });
    const aside = (await readdir(dataDir)).find((name) => name.startsWith(`${APP_DATABASE_FILE}.corrupt-`));
    expect(aside).toBeDefined();
    expect(await readFile(join(dataDir, aside!))).toEqual(damaged);
    expect(kit.logLines.join('\n')).toMatch(/malformed/);
    expect((await kit.call('history/list', {})).entries).toEqual([]);
    kit.history.record(statement({ sql: 'SELECT fresh' }));
    expect((await kit.call('history/list', {})).entries.map((entry) => entry.sql)).toEqual(['SELECT fresh']);
  });

  it('moves aside a database that holds a clashing table of another program', async () => {
    const dataDir = await makeDataDir();
    const other = new Database(join(dataDir, APP_DATABASE_FILE));
    other.exec("CREATE TABLE history (event TEXT); INSERT INTO history VALUES ('not ours')");
    other.close();

    const kit = await openKit({ dataDir });
    expect((await readdir(dataDir)).some((name) => name.startsWith(`${APP_DATABASE_FILE}.corrupt-`))).toBe(true);
    kit.history.record(statement({ sql: 'SELECT 1' }));
    expect((await kit.call('history/list', {})).entries).toHaveLength(1);
  });

  it('leaves a store from a newer Strata untouched and keeps this session in memory', async () => {
    const dataDir = await makeDataDir();
    const file = join(dataDir, APP_DATABASE_FILE);
    const newer = new Database(file);
    newer.exec('CREATE TABLE future (x)');
    newer.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    newer.close();
    const before = await readFile(file);

    const kit = await openKit({ dataDir });
    expect(kit.database.file).toBeNull();
    kit.history.record(statement({ sql: 'SELECT in memory' }));
    const page = await kit.call('history/list', {});
    expect(page.notice).toContain('newer version of Strata');
    expect(page.entries.map((entry) => entry.sql)).toEqual(['SELECT in memory']);
    kit.close();
    expect(await readFile(file)).toEqual(before);
    expect((await readdir(dataDir)).some((name) => name.includes('corrupt'))).toBe(false);
  });
});
