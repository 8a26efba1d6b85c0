import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlConnection, SqlDriver } from '../../../electron/core/drivers/types';
import { CollectingSink, caught, makeTempDir, run, sqliteDriver } from './sqlite-kit';

const COUNT_TO_A_BILLION = 'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000000) SELECT i FROM n';

async function cancelAfter(connection: SqlConnection, sql: string, delayMs: number) {
  const controller = new AbortController();
  const sink = new CollectingSink();
  const running = connection.execute(sql, sink, controller.signal);
  await new Promise((resolve) => setTimeout(resolve, delayMs));
  const cancelledAt = performance.now();
  controller.abort();
  const error = await caught(running);
  return { error, elapsedMs: performance.now() - cancelledAt, sink };
}

describe('cancelling SQLite statements', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let driver: SqlDriver;
  let connection: SqlConnection;

  beforeAll(async () => {
    ({ dir, cleanup } = await makeTempDir());
    driver = sqliteDriver(join(dir, 'cancel.sqlite'));
    connection = await driver.acquireConnection();
    await run(connection, 'CREATE TABLE notes (body TEXT)');
  });

  afterAll(async () => {
    await connection.release();
    await driver.destroy();
    await cleanup();
  });

  it('stops a query that streams rows within 2 s, and the next query on the connection works', async () => {
    const { error, elapsedMs, sink } = await cancelAfter(connection, COUNT_TO_A_BILLION, 300);
    expect(error.code).toBe('CANCELLED');
    expect(error.message).toBe('The query was cancelled.');
    expect(elapsedMs).toBeLessThan(2000);
    expect(sink.rowsReceived.length).toBeGreaterThan(0);
    expect(sink.rowsReceived.length).toBeLessThan(1_000_000_000);

    const { sink: next } = await run(connection, 'SELECT 1 + 1');
    expect(next.rowsReceived).toEqual([['2']]);
  });

  it('rejects at once with CANCELLED when the signal was aborted before the statement started', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await caught(connection.execute('SELECT 1', new CollectingSink(), controller.signal));
    expect(error.code).toBe('CANCELLED');
    expect((await run(connection, 'SELECT 3')).sink.rowsReceived).toEqual([['3']]);
  });

  it('loses the uncommitted transaction of a cancelled session, and leaves the file unlocked', async () => {
    await run(connection, 'BEGIN');
    await run(connection, "INSERT INTO notes VALUES ('uncommitted')");
    const { error } = await cancelAfter(connection, COUNT_TO_A_BILLION, 200);
    expect(error.code).toBe('CANCELLED');

    const { sink } = await run(connection, 'SELECT count(*) FROM notes');
    expect(sink.rowsReceived).toEqual([['0']]);
    const insert = await run(connection, "INSERT INTO notes VALUES ('after cancel')");
    expect(insert.summary.affectedRows).toBe(1);
  });

  it('answers within 2 s even while SQLite is inside one long step, and the next query works', async () => {
    // count(*) returns no row until the end, so the thread stays in native code; it ends by itself about 5 s later.
    const aggregate = 'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 15000000) SELECT count(*) FROM n';
    const { error, elapsedMs } = await cancelAfter(connection, aggregate, 300);
    expect(error.code).toBe('CANCELLED');
    expect(elapsedMs).toBeLessThan(2000);

    const { sink } = await run(connection, "SELECT body FROM notes");
    expect(sink.rowsReceived).toEqual([['after cancel']]);
  });
});
