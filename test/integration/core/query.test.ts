import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueryEvent } from '../../../shared/model/query';
import { batchEvents, errorCode, PG_DRAFT, startTestCore, streamedRows, type TestClient, type TestCore } from './core-harness';

let testCore: TestCore;
let client: TestClient;
let pgId: string;
let sampleId: string;
let admin: pg.Client;
let runs = 0;
const nextRunId = () => `strata_test_core_run_${++runs}`;

beforeAll(async () => {
  testCore = await startTestCore();
  client = testCore.connect();
  pgId = (await client.call('connection/save', { id: null, draft: PG_DRAFT, password: { action: 'keep' } })).id;
  sampleId = (await client.call('app/info', {})).sampleConnectionId!;
  admin = new pg.Client({ host: '127.0.0.1', port: 5432, user: 'postgres', database: 'postgres' });
  await admin.connect();
});

afterAll(async () => {
  await admin?.end();
  await testCore?.cleanup();
});

function ofType<T extends QueryEvent['type']>(events: QueryEvent[], type: T): Extract<QueryEvent, { type: T }>[] {
  return events.filter((event): event is Extract<QueryEvent, { type: T }> => event.type === type);
}

async function backendsRunning(marker: string): Promise<number> {
  const { rows } = await admin.query<{ count: string }>(
    "SELECT count(*) FROM pg_stat_activity WHERE query LIKE '%' || $1 || '%' AND pid <> pg_backend_pid() AND state = 'active'",
    [marker],
  );
  return Number(rows[0].count);
}

describe('query/run on PostgreSQL', () => {
  it('runs a multi-statement script on one session and streams its events in order', async () => {
    const prefix = '-- editor text before the selection\n';
    const script = `CREATE TEMP TABLE strata_test_core_items (id int, label text);
INSERT INTO strata_test_core_items VALUES (1, 'semi;colon'), (2, NULL);
SELECT id, label FROM strata_test_core_items ORDER BY id;
DO $$ BEGIN RAISE NOTICE 'strata notice; inside'; END $$;
SELECT n FROM generate_series(1, 25000) AS n`;
    const runId = nextRunId();
    const reply = await client.call('query/run', { connectionId: pgId, runId, sql: script, baseOffset: prefix.length });
    expect(reply).toEqual({ runId, statements: 5 });
    const events = await client.waitForRunEnd(runId);

    const starts = ofType(events, 'statement-start');
    expect(starts.map((event) => event.index)).toEqual([0, 1, 2, 3, 4]);
    for (const start of starts) expect((prefix + script).slice(start.offset, start.offset + start.sql.length)).toBe(start.sql);

    // Per statement: start, then columns/batches/notices, then end; statements never interleave.
    let current = -1;
    for (const event of events) {
      if (event.type === 'statement-start') current = event.index;
      else if (event.type !== 'run-end') expect(event.index).toBe(current);
    }
    expect(events.at(-1)).toMatchObject({ type: 'run-end', runId, status: 'ok', statements: 5, schemaChanged: true });

    const ends = ofType(events, 'statement-end');
    expect(ends.map((event) => event.command)).toEqual(['CREATE', 'INSERT', 'SELECT', 'DO', 'SELECT']);
    expect(ends[1].affectedRows).toBe(2);
    expect(streamedRows(events, 2)).toEqual([
      ['1', 'semi;colon'],
      ['2', null],
    ]);
    expect(ofType(events, 'columns').find((event) => event.index === 2)?.columns.map((column) => column.name)).toEqual(['id', 'label']);
    expect(ofType(events, 'notice').map((event) => event.message)).toEqual([expect.stringContaining('strata notice; inside')]);

    const seriesBatches = batchEvents(events, 4);
    expect(seriesBatches.length).toBeGreaterThan(1);
    // Each batch says where its rows start, so the client can place them without counting.
    let expectedFirstRow = 0;
    for (const event of seriesBatches) {
      expect(event.firstRow).toBe(expectedFirstRow);
      expectedFirstRow += event.batch.rowCount;
    }
    const seriesRows = streamedRows(events, 4);
    expect(seriesRows).toHaveLength(25000);
    expect(seriesRows.findIndex((row, at) => row[0] !== String(at + 1))).toBe(-1);
    expect(ends[4].rowCount).toBe(25000);
    expect(ofType(events, 'spooled')).toEqual([]);
  });

  it('stops at the first error by default, and goes on with stopOnError: false', async () => {
    const script = 'SELECT 1;\nSELECT * FROM strata_test_core_no_such_table;\nSELECT 3';
    const stopped = nextRunId();
    await client.call('query/run', { connectionId: pgId, runId: stopped, sql: script });
    const stoppedEvents = await client.waitForRunEnd(stopped);
    const [failure] = ofType(stoppedEvents, 'statement-error');
    expect(failure).toMatchObject({ index: 1, error: { code: 'QUERY', detail: { position: 15 } } });
    expect(failure.error.message).toContain('strata_test_core_no_such_table');
    expect(stoppedEvents.at(-1)).toMatchObject({ type: 'run-end', status: 'error', statements: 2, schemaChanged: false });

    const continued = nextRunId();
    await client.call('query/run', { connectionId: pgId, runId: continued, sql: script, stopOnError: false });
    const continuedEvents = await client.waitForRunEnd(continued);
    expect(ofType(continuedEvents, 'statement-end').map((event) => event.index)).toEqual([0, 2]);
    expect(continuedEvents.at(-1)).toMatchObject({ type: 'run-end', status: 'error', statements: 3 });
  });

  it('cancels a running statement within 2 s and skips the rest', async () => {
    const runId = nextRunId();
    await client.call('query/run', { connectionId: pgId, runId, sql: 'SELECT pg_sleep(30) AS strata_test_core_sleep_a; SELECT 2' });
    await client.waitForEvent('query/event', (event) => event.runId === runId && event.type === 'statement-start');
    const started = performance.now();
    expect(await client.call('query/cancel', { runId })).toEqual({ cancelled: true });
    const events = await client.waitForRunEnd(runId);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(ofType(events, 'statement-error')).toEqual([expect.objectContaining({ index: 0, error: expect.objectContaining({ code: 'CANCELLED' }) })]);
    expect(ofType(events, 'statement-start')).toHaveLength(1);
    expect(events.at(-1)).toMatchObject({ type: 'run-end', status: 'cancelled', statements: 1 });
    // run-end goes out before the session's reset round trip, which is what lets the server report the backend idle.
    await expect.poll(() => backendsRunning('strata_test_core_sleep_a'), { timeout: 2000 }).toBe(0);
    expect(await client.call('query/cancel', { runId })).toEqual({ cancelled: false });
  });

  it('refuses a run id that is still in use, and lets another client neither see nor cancel the run', async () => {
    const other = testCore.connect();
    const runId = nextRunId();
    await client.call('query/run', { connectionId: pgId, runId, sql: 'SELECT pg_sleep(30) AS strata_test_core_sleep_b' });
    expect(await errorCode(client.call('query/run', { connectionId: pgId, runId, sql: 'SELECT 1' }))).toBe('INVALID_INPUT');
    expect(await other.call('query/cancel', { runId })).toEqual({ cancelled: false });
    expect(await client.call('query/cancel', { runId })).toEqual({ cancelled: true });
    await client.waitForRunEnd(runId);
    expect(other.events.filter((event) => event.channel === 'query/event')).toEqual([]);
    other.client.close();
  });

  it("cancels a client's runs when the client closes", async () => {
    const leaving = testCore.connect();
    const runId = nextRunId();
    await leaving.call('query/run', { connectionId: pgId, runId, sql: 'SELECT pg_sleep(30) AS strata_test_core_sleep_c' });
    await leaving.waitForEvent('query/event', (event) => event.runId === runId && event.type === 'statement-start');
    expect(await backendsRunning('strata_test_core_sleep_c')).toBe(1);
    leaving.client.close();
    let running = 1;
    for (let attempt = 0; attempt < 40 && running > 0; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      running = await backendsRunning('strata_test_core_sleep_c');
    }
    expect(running).toBe(0);
  });

  it('answers a script of only comments with zero statements and a run-end', async () => {
    const runId = nextRunId();
    expect(await client.call('query/run', { connectionId: pgId, runId, sql: '-- nothing here\n/* at all */' })).toEqual({ runId, statements: 0 });
    expect(await client.waitForRunEnd(runId)).toEqual([expect.objectContaining({ type: 'run-end', status: 'ok', statements: 0 })]);
  });

  it('refuses an unknown connection', async () => {
    expect(await errorCode(client.call('query/run', { connectionId: 'strata-test-missing', runId: nextRunId(), sql: 'SELECT 1' }))).toBe('NOT_FOUND');
  });
});

describe('query/run on SQLite', () => {
  it('runs a script against the sample through the worker', async () => {
    const runId = nextRunId();
    const script = "SELECT name FROM customers ORDER BY id; SELECT 'a;b' AS text";
    expect(await client.call('query/run', { connectionId: sampleId, runId, sql: script })).toEqual({ runId, statements: 2 });
    const events = await client.waitForRunEnd(runId);
    expect(streamedRows(events, 0)).toEqual([['Ada'], ['Grace'], ['Edsger']]);
    expect(streamedRows(events, 1)).toEqual([['a;b']]);
    expect(events.at(-1)).toMatchObject({ type: 'run-end', status: 'ok', statements: 2, schemaChanged: false });
  });
});
