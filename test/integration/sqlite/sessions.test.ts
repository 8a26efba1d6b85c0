import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlDriver } from '../../../electron/core/drivers/types';
import { caught, makeTempDir, run, sqliteDriver } from './sqlite-kit';

describe('SQLite sessions', () => {
  let cleanup: () => Promise<void>;
  let driver: SqlDriver;

  beforeAll(async () => {
    const temp = await makeTempDir();
    cleanup = temp.cleanup;
    driver = sqliteDriver(join(temp.dir, 'sessions.sqlite'));
    const setup = await driver.acquireConnection();
    await run(setup, 'CREATE TABLE notes (body TEXT)');
    await setup.release();
  });

  afterAll(async () => {
    await driver.destroy();
    await cleanup();
  });

  const count = async () => {
    const session = await driver.acquireConnection();
    const { sink } = await run(session, 'SELECT count(*) FROM notes');
    await session.release();
    return sink.rowsReceived[0][0];
  };

  it('keeps a transaction across the statements of one session', async () => {
    const session = await driver.acquireConnection();
    await run(session, 'BEGIN');
    await run(session, "INSERT INTO notes VALUES ('draft')");
    expect((await run(session, 'SELECT count(*) FROM notes')).sink.rowsReceived).toEqual([['1']]);
    await run(session, 'ROLLBACK');
    expect((await run(session, 'SELECT count(*) FROM notes')).sink.rowsReceived).toEqual([['0']]);
    await session.release();
  });

  it('rolls back a transaction left open when the session is released, so the next session starts clean', async () => {
    const session = await driver.acquireConnection();
    await run(session, 'BEGIN');
    await run(session, "INSERT INTO notes VALUES ('left open')");
    await session.release();

    expect(await count()).toBe('0');
    const writer = await driver.acquireConnection();
    const { summary } = await run(writer, "INSERT INTO notes VALUES ('committed')");
    expect(summary.affectedRows).toBe(1);
    expect((await caught(run(writer, 'COMMIT'))).message).toMatch(/no transaction is active/);
    await writer.release();
    expect(await count()).toBe('1');
  });

  it('runs two sessions at once, each on its own worker', async () => {
    const first = await driver.acquireConnection();
    const second = await driver.acquireConnection();
    const long = 'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300000) SELECT i FROM n';
    const firstRun = run(first, long).then((result) => result.summary.rowCount);
    const secondRun = run(second, 'SELECT 42').then(({ sink }) => sink.rowsReceived);
    const racer = await Promise.race([firstRun.then(() => 'first'), secondRun.then(() => 'second')]);
    expect(racer).toBe('second');
    expect(await secondRun).toEqual([['42']]);
    expect(await firstRun).toBe(300_000);
    await first.release();
    await second.release();
  });

  it('refuses a second statement on a session that is still running one', async () => {
    const session = await driver.acquireConnection();
    const long = run(session, 'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000) SELECT i FROM n');
    const error = await caught(run(session, 'SELECT 1'));
    expect(error.code).toBe('INTERNAL');
    expect((await long).summary.rowCount).toBe(100_000);
    await session.release();
  });
});
