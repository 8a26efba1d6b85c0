import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PostgresDriver } from '../../../electron/core/drivers/postgres/driver';
import type { SqlConnection } from '../../../electron/core/drivers/types';
import { admin, collector, driverConfig, expectCoreError, run } from './support';

let driver: PostgresDriver;
let session: SqlConnection;

beforeAll(async () => {
  driver = new PostgresDriver(driverConfig());
  await driver.init();
});
afterAll(async () => {
  await driver.destroy();
  await admin('DROP TABLE IF EXISTS strata_test_pg_stream_items');
  await admin('DROP TYPE IF EXISTS strata_test_pg_stream_mood');
});
beforeEach(async () => {
  session = await driver.acquireConnection();
});
afterEach(async () => {
  await session.release();
});

describe('PostgreSQL streaming', () => {
  it('streams 200,000 rows in order, in several batches, waiting for the sink', async () => {
    const result = collector();
    let pendingBatches = 0;
    let overlapped = false;
    const summary = await session.execute(
      "SELECT g, 'row ' || g FROM generate_series(1, 200000) AS g",
      {
        ...result.sink,
        batch: async (batch) => {
          if (pendingBatches > 0) overlapped = true;
          pendingBatches++;
          await result.sink.batch(batch);
          await new Promise((resolve) => setImmediate(resolve));
          pendingBatches--;
        },
      },
      new AbortController().signal,
    );
    expect(summary).toEqual({ rowCount: 200_000, affectedRows: null, command: 'SELECT' });
    expect(result.rows).toHaveLength(200_000);
    expect(result.batches.length).toBeGreaterThan(1);
    expect(result.batches[0]).toBe(1000);
    expect(result.batches.slice(1, -1).every((size) => size === 50_000)).toBe(true);
    expect(overlapped).toBe(false);
    expect(result.rows.every((row, index) => row[0] === String(index + 1) && row[1] === `row ${index + 1}`)).toBe(true);
    expect(result.columns).toEqual([
      { name: 'g', dataType: 'int4', category: 'number' },
      { name: '?column?', dataType: 'text', category: 'text' },
    ]);
  });

  it("keeps every value as the server's exact text", async () => {
    await run(session, "SET TIME ZONE 'Asia/Kolkata'");
    const result = await run(
      session,
      `SELECT 9007199254740993::int8 AS big,
              12345678901234567890.123456789::numeric AS exact,
              '2024-03-05 10:11:12.345678+00'::timestamptz AS stamp,
              '\\xdeadbeef00'::bytea AS bin,
              '{"b": [1, 2.50], "a": "<script>"}'::json AS doc,
              '{"b": 1}'::jsonb AS bdoc,
              true AS flag,
              '1 day 02:03:04'::interval AS span,
              ARRAY[1, 2, 3] AS list,
              NULL::text AS nothing,
              NULL::int8 AS no_number`,
    );
    expect(result.rows).toEqual([
      [
        '9007199254740993',
        '12345678901234567890.123456789',
        '2024-03-05 15:41:12.345678+05:30',
        '\\xdeadbeef00',
        '{"b": [1, 2.50], "a": "<script>"}',
        '{"b": 1}',
        'true',
        '1 day 02:03:04',
        '{1,2,3}',
        null,
        null,
      ],
    ]);
    expect(result.columns?.map((column) => [column.name, column.dataType, column.category])).toEqual([
      ['big', 'int8', 'number'],
      ['exact', 'numeric', 'number'],
      ['stamp', 'timestamptz', 'datetime'],
      ['bin', 'bytea', 'binary'],
      ['doc', 'json', 'json'],
      ['bdoc', 'jsonb', 'json'],
      ['flag', 'bool', 'boolean'],
      ['span', 'interval', 'datetime'],
      ['list', 'int4[]', 'text'],
      ['nothing', 'text', 'text'],
      ['no_number', 'int8', 'number'],
    ]);
    expect(result.received[0].columns.map((column) => column.kind)).toEqual(['text', 'text', 'timestamp', 'bytes', 'text', 'text', 'bool', 'text', 'text', 'text', 'text']);
  });

  it('sizes the reads after the first so that each batch is about 1 MiB', async () => {
    const wide = await run(session, "SELECT g, repeat('w', 2000) AS filler FROM generate_series(1, 12000) AS g");
    expect(wide.batches[0]).toBe(1000);
    const fullBatches = wide.received.slice(1, -1);
    expect(fullBatches.length).toBeGreaterThan(3);
    for (const batch of fullBatches) {
      expect(batch.rowCount).toBeLessThan(1000);
      expect(batch.bytes.byteLength).toBeGreaterThan(0.9 * 1024 * 1024);
      expect(batch.bytes.byteLength).toBeLessThan(1.1 * 1024 * 1024);
    }
    expect(wide.rows.map((row) => row[0])).toEqual(Array.from({ length: 12000 }, (_, index) => String(index + 1)));

    const huge = await run(session, "SELECT repeat('h', 20000) AS filler FROM generate_series(1, 1600)");
    expect(huge.batches).toEqual([1000, 256, 256, 88]);

    const narrow = await run(session, 'SELECT true AS flag FROM generate_series(1, 120000)');
    expect(narrow.batches).toEqual([1000, 50_000, 50_000, 19_000]);
  });

  it('names types the server defined, read from pg_type', async () => {
    await admin('DROP TYPE IF EXISTS strata_test_pg_stream_mood');
    await admin("CREATE TYPE strata_test_pg_stream_mood AS ENUM ('calm', 'stormy')");
    const result = await run(session, "SELECT 'calm'::strata_test_pg_stream_mood AS mood");
    expect(result.columns).toEqual([{ name: 'mood', dataType: 'strata_test_pg_stream_mood', category: 'text' }]);
    expect(result.rows).toEqual([['calm']]);
  });

  it('reports affected rows and the command tag for statements without rows', async () => {
    await admin('DROP TABLE IF EXISTS strata_test_pg_stream_items');
    const created = await run(session, 'CREATE TABLE strata_test_pg_stream_items (id int PRIMARY KEY, label text)');
    expect(created.summary).toEqual({ rowCount: 0, affectedRows: null, command: 'CREATE' });
    expect(created.columns).toBeNull();

    const inserted = await run(session, "INSERT INTO strata_test_pg_stream_items SELECT g, 'item ' || g FROM generate_series(1, 3) g");
    expect(inserted.summary).toEqual({ rowCount: 0, affectedRows: 3, command: 'INSERT' });

    const updated = await run(session, "UPDATE strata_test_pg_stream_items SET label = 'x' WHERE id >= 2 RETURNING id");
    expect(updated.summary).toEqual({ rowCount: 2, affectedRows: 2, command: 'UPDATE' });
    expect(updated.rows).toEqual([['2'], ['3']]);

    const empty = await run(session, 'SELECT id, label FROM strata_test_pg_stream_items WHERE false');
    expect(empty.summary).toEqual({ rowCount: 0, affectedRows: null, command: 'SELECT' });
    expect(empty.columns?.map((column) => column.name)).toEqual(['id', 'label']);
  });

  it('delivers notices while the statement runs, as plain text', async () => {
    const result = await run(session, "DO $$ BEGIN RAISE NOTICE 'hello <b>'; RAISE NOTICE 'second'; END $$");
    expect(result.notices).toEqual(['hello <b>', 'second']);
    expect(result.summary.command).toBe('DO');
  });

  it('fails with QUERY carrying the position, SQL state and hint, and the session stays usable', async () => {
    const error = await expectCoreError(session.execute('SELECT nosuchcolumn FROM pg_class', collector().sink, new AbortController().signal), 'QUERY');
    expect(error.message).toBe('column "nosuchcolumn" does not exist');
    expect(error.detail).toEqual({ position: 8, sqlState: '42703' });

    const hinted = await expectCoreError(session.execute('SELECT relnam FROM pg_class', collector().sink, new AbortController().signal), 'QUERY');
    expect(hinted.detail?.hint).toContain('relname');

    expect((await run(session, 'SELECT 1')).rows).toEqual([['1']]);
  });

  it('keeps a transaction open across statements of one session', async () => {
    await run(session, 'BEGIN');
    await run(session, 'CREATE TEMP TABLE strata_test_pg_stream_temp (id int)');
    await run(session, 'INSERT INTO strata_test_pg_stream_temp VALUES (1)');
    expect((await run(session, 'SELECT count(*) FROM strata_test_pg_stream_temp')).rows).toEqual([['1']]);
    await run(session, 'ROLLBACK');
    await expectCoreError(session.execute('SELECT * FROM strata_test_pg_stream_temp', collector().sink, new AbortController().signal), 'QUERY');
  });

  it('stops fetching and closes the cursor when the sink fails, leaving the session usable', async () => {
    const failing = collector();
    const error = await session
      .execute(
        'SELECT g FROM generate_series(1, 100000) g',
        {
          ...failing.sink,
          batch: () => {
            throw new Error('the grid went away');
          },
        },
        new AbortController().signal,
      )
      .then(
        () => null,
        (caught: unknown) => caught as Error,
      );
    expect(error?.message).toBe('the grid went away');
    expect((await run(session, 'SELECT 2')).rows).toEqual([['2']]);
  });
});
