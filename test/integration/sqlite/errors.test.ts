import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlConnection, SqlDriver } from '../../../electron/core/drivers/types';
import { CollectingSink, caught, makeTempDir, run, sqliteDriver } from './sqlite-kit';

describe('SQLite errors', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let driver: SqlDriver;
  let connection: SqlConnection;

  beforeAll(async () => {
    ({ dir, cleanup } = await makeTempDir());
    driver = sqliteDriver(join(dir, 'errors.sqlite'));
    connection = await driver.acquireConnection();
    await run(connection, 'CREATE TABLE people (id INTEGER PRIMARY KEY, email TEXT UNIQUE NOT NULL)');
  });

  afterAll(async () => {
    await connection.release();
    await driver.destroy();
    await cleanup();
  });

  it("reports a syntax error as QUERY with SQLite's message, and the connection still works", async () => {
    const error = await caught(run(connection, 'SELEC * FROM people'));
    expect(error.code).toBe('QUERY');
    expect(error.message).toBe('near "SELEC": syntax error');
    expect(error.detail?.sqlState).toBe('SQLITE_ERROR');
    expect((await run(connection, 'SELECT count(*) FROM people')).sink.rowsReceived).toEqual([['0']]);
  });

  it('reports a missing table and a constraint violation with their codes', async () => {
    const missing = await caught(run(connection, 'SELECT * FROM nobody'));
    expect(missing).toMatchObject({ code: 'QUERY', message: 'no such table: nobody' });

    await run(connection, "INSERT INTO people (email) VALUES ('zoe@example.com')");
    const duplicate = await caught(run(connection, "INSERT INTO people (email) VALUES ('zoe@example.com')"));
    expect(duplicate.code).toBe('QUERY');
    expect(duplicate.message).toBe('UNIQUE constraint failed: people.email');
    expect(duplicate.detail?.sqlState).toBe('SQLITE_CONSTRAINT_UNIQUE');
    expect((await run(connection, 'SELECT email FROM people')).sink.rowsReceived).toEqual([['zoe@example.com']]);
  });

  it('reports an error raised midway through a stream after the rows before it', async () => {
    const sink = new CollectingSink();
    const sql = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000) SELECT CASE WHEN i = 4000 THEN json('{bad') ELSE i END FROM n";
    const error = await caught(connection.execute(sql, sink, new AbortController().signal));
    expect(error.code).toBe('QUERY');
    expect(error.message).toMatch(/malformed JSON/);
    expect(sink.rowsReceived.length).toBeGreaterThan(0);
    expect(sink.rowsReceived.length).toBeLessThan(4000);
    expect(sink.rowsReceived[0]).toEqual(['1']);
    expect((await run(connection, 'SELECT 7')).sink.rowsReceived).toEqual([['7']]);
  });

  it('reports a worker that cannot start as CONNECTION, without crashing main', async () => {
    const broken = join(dir, 'broken-worker.cjs');
    await writeFile(broken, "throw new Error('engine exploded');\n");
    const brokenDriver = sqliteDriver(join(dir, 'errors.sqlite'), { workerPath: broken });
    const error = await caught(brokenDriver.init());
    expect(error.code).toBe('CONNECTION');
    expect(error.message).toContain('engine exploded');
    await brokenDriver.destroy();
  });

  it('reports a worker that dies during a statement as CONNECTION, and the next statement gets a new worker', async () => {
    // Answers `ready`, then its thread ends on the first request: a crash as main sees it.
    const dying = join(dir, 'dying-worker.cjs');
    await writeFile(
      dying,
      [
        "const { parentPort } = require('node:worker_threads');",
        "parentPort.postMessage({ type: 'ready', version: '3.0.0' });",
        'parentPort.on("message", () => process.exit(7));',
      ].join('\n'),
    );
    const dyingDriver = sqliteDriver(join(dir, 'errors.sqlite'), { workerPath: dying });
    const session = await dyingDriver.acquireConnection();
    const first = await caught(run(session, 'SELECT 1'));
    expect(first.code).toBe('CONNECTION');
    expect(first.message).toContain('stopped unexpectedly (exit code 7)');
    const second = await caught(run(session, 'SELECT 1'));
    expect(second.message).toContain('stopped unexpectedly (exit code 7)');
    await session.release();
    await dyingDriver.destroy();
  });
});
