import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SqlDriver } from '../../../electron/core/drivers/types';
import { caught, makeTempDir, run, sqliteDriver } from './sqlite-kit';

describe('opening a SQLite file', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  const drivers: SqlDriver[] = [];
  const open = (file: string, readOnly = false) => {
    const driver = sqliteDriver(file, { readOnly });
    drivers.push(driver);
    return driver;
  };

  beforeEach(async () => ({ dir, cleanup } = await makeTempDir()));
  afterEach(async () => {
    await Promise.all(drivers.splice(0).map((driver) => driver.destroy()));
    await cleanup();
  });

  it('reports the SQLite version and creates a new file in an existing folder', async () => {
    const file = join(dir, 'new.sqlite');
    const info = await open(file).init();
    expect(info.version).toMatch(/^SQLite 3\.\d+\.\d+$/);
    expect(existsSync(file)).toBe(true);
  });

  it('fails with NOT_FOUND for a missing file opened read-only, without creating it', async () => {
    const file = join(dir, 'missing.sqlite');
    const error = await caught(open(file, true).init());
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toContain('missing.sqlite');
    expect(existsSync(file)).toBe(false);
  });

  it('fails with NOT_FOUND when the folder does not exist', async () => {
    const error = await caught(open(join(dir, 'no-such-folder', 'db.sqlite')).init());
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toContain('no-such-folder');
  });

  it('fails with CONNECTION for a file that is not a database', async () => {
    const file = join(dir, 'notes.txt');
    await writeFile(file, 'These are my notes, not a database.\n'.repeat(200));
    const error = await caught(open(file).init());
    expect(error.code).toBe('CONNECTION');
    expect(error.message).toContain('is not a SQLite database');
  });

  it('answers ping while the file exists, and NOT_FOUND once it was deleted', async () => {
    const file = join(dir, 'ping.sqlite');
    const driver = open(file);
    await driver.init();
    await expect(driver.ping()).resolves.toBeUndefined();
    await rm(file);
    expect((await caught(driver.ping())).code).toBe('NOT_FOUND');
  });

  it('turns foreign keys on', async () => {
    const driver = open(join(dir, 'fk.sqlite'));
    const connection = await driver.acquireConnection();
    await run(connection, 'CREATE TABLE parent (id INTEGER PRIMARY KEY)');
    await run(connection, 'CREATE TABLE child (parent_id INTEGER REFERENCES parent (id))');
    const error = await caught(run(connection, 'INSERT INTO child VALUES (42)'));
    expect(error.code).toBe('QUERY');
    expect(error.message).toMatch(/FOREIGN KEY constraint failed/);
    await connection.release();
  });

  it('enforces read-only in the session: INSERT fails and the file stays byte-identical', async () => {
    const file = join(dir, 'readonly.sqlite');
    const seed = new Database(file);
    seed.exec("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('keep me')");
    seed.close();
    const before = createHash('sha256').update(await readFile(file)).digest('hex');

    const driver = open(file, true);
    await driver.init();
    const connection = await driver.acquireConnection();
    const error = await caught(run(connection, "INSERT INTO notes VALUES ('sneaky')"));
    expect(error.code).toBe('QUERY');
    expect(error.message).toMatch(/read-?only/i);
    expect(error.detail?.sqlState).toMatch(/^SQLITE_READONLY/);
    const { sink } = await run(connection, 'SELECT body FROM notes');
    expect(sink.rowsReceived).toEqual([['keep me']]);
    await connection.release();
    await driver.destroy();

    expect(createHash('sha256').update(await readFile(file)).digest('hex')).toBe(before);
  });
});
