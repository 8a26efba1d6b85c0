import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RUN_WINDOW, MAX_RUN_WINDOW } from '../../../shared/ipc/contract';
import type { Cell, QueryEvent } from '../../../shared/model/query';
import { batchEvents, errorCode, PG_DRAFT, startTestCore, streamedRows, type TestClient, type TestCore } from './core-harness';

const MILLION = 1_000_000;
const MB = 1024 * 1024;
/** How long a stalled run is watched: long enough for a free-running stream to move hundreds of thousands of rows. */
const STALL_MS = 3000;

let testCore: TestCore;
let client: TestClient;
let pgId: string;
let sampleId: string;
let admin: pg.Client;
let runs = 0;
const nextRunId = () => `strata_test_flow_run_${++runs}`;

const pgMillion = (marker: string) =>
  `SELECT n, md5(n::text) AS ${marker}, 'row number ' || n AS label, repeat('x', 24) AS padding FROM generate_series(1, ${MILLION}) AS n`;
const sqliteMillion = `WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < ${MILLION})
  SELECT n, 'row number ' || n AS label, printf('%024d', n) AS padding FROM c`;

beforeAll(async () => {
  testCore = await startTestCore();
  client = testCore.connect({ autoAck: false });
  pgId = (await client.call('connection/save', { id: null, draft: PG_DRAFT, password: { action: 'keep' } })).id;
  sampleId = (await client.call('app/info', {})).sampleConnectionId!;
  admin = new pg.Client({ host: '127.0.0.1', port: 5432, user: 'postgres', database: 'postgres' });
  await admin.connect();
});

afterAll(async () => {
  await admin?.end();
  await testCore?.cleanup();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitForBatchEvents(who: TestClient, runId: string, count: number): Promise<void> {
  await who.waitForEvent('query/event', () => batchEvents(who.queryEvents(runId)).length >= count);
}

/** Acknowledges every batch event as it arrives, as the renderer does, until the run ends. */
async function ackUntilEnd(who: TestClient, runId: string): Promise<QueryEvent[]> {
  let acked = 0;
  for (;;) {
    const events = who.queryEvents(runId);
    if (events.some((event) => event.type === 'run-end')) return events;
    const delivered = batchEvents(events).length;
    if (delivered > acked) {
      const batches = Math.min(delivered - acked, MAX_RUN_WINDOW);
      await who.call('query/ack', { runId, batches });
      acked += batches;
    } else {
      await sleep(1);
    }
  }
}

function memory(): { rss: number; heap: number } {
  const usage = process.memoryUsage();
  return { rss: usage.rss, heap: usage.heapUsed + usage.external + usage.arrayBuffers };
}

function expectAllRowsInOrder(events: QueryEvent[]): void {
  const rows: Cell[][] = streamedRows(events, 0);
  expect(rows).toHaveLength(MILLION);
  const firstOutOfOrder = rows.findIndex((row, index) => row[0] !== String(index + 1));
  expect(firstOutOfOrder).toBe(-1);
}

async function backendsWithQuery(marker: string): Promise<number> {
  const { rows } = await admin.query<{ count: string }>(
    "SELECT count(*) FROM pg_stat_activity WHERE query LIKE '%' || $1 || '%' AND pid <> pg_backend_pid()",
    [marker],
  );
  return Number(rows[0].count);
}

describe('flow control of query/run on PostgreSQL', () => {
  it('sends exactly the window to a client that does not ack, with bounded memory, and completes in order once it acks', async () => {
    const runId = nextRunId();
    const window = 3;
    await client.call('query/run', { connectionId: pgId, runId, sql: pgMillion('strata_test_flow_stall'), window });
    await waitForBatchEvents(client, runId, window);
    const baseline = memory();
    await sleep(STALL_MS);
    const stalled = memory();

    expect(batchEvents(client.queryEvents(runId))).toHaveLength(window);
    expect(client.queryEvents(runId).some((event) => event.type === 'run-end')).toBe(false);
    expect((stalled.rss - baseline.rss) / MB).toBeLessThan(60);
    expect((stalled.heap - baseline.heap) / MB).toBeLessThan(60);

    const events = await ackUntilEnd(client, runId);
    expect(events.at(-1)).toMatchObject({ type: 'run-end', status: 'ok', statements: 1 });
    expect(events.find((event) => event.type === 'statement-end')).toMatchObject({ rowCount: MILLION });
    expectAllRowsInOrder(events);
  });

  it('grants the default window when query/run names none', async () => {
    const runId = nextRunId();
    await client.call('query/run', { connectionId: pgId, runId, sql: pgMillion('strata_test_flow_default') });
    await waitForBatchEvents(client, runId, DEFAULT_RUN_WINDOW);
    await sleep(500);
    expect(batchEvents(client.queryEvents(runId))).toHaveLength(DEFAULT_RUN_WINDOW);
    await client.call('query/cancel', { runId });
    expect((await client.waitForRunEnd(runId)).at(-1)).toMatchObject({ status: 'cancelled' });
  });

  it('cancels a stalled run within 2 s and leaves no backend on its query', async () => {
    const runId = nextRunId();
    const marker = 'strata_test_flow_cancel';
    await client.call('query/run', { connectionId: pgId, runId, sql: pgMillion(marker), window: 2 });
    await waitForBatchEvents(client, runId, 2);
    await sleep(300);
    expect(await backendsWithQuery(marker)).toBe(1);

    const started = performance.now();
    expect(await client.call('query/cancel', { runId })).toEqual({ cancelled: true });
    const events = await client.waitForRunEnd(runId);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(events.at(-1)).toMatchObject({ type: 'run-end', status: 'cancelled' });
    expect(events.find((event) => event.type === 'statement-error')).toMatchObject({ error: { code: 'CANCELLED' } });
    await expect.poll(() => backendsWithQuery(marker), { timeout: 5000 }).toBe(0);
    expect(await client.call('query/ack', { runId, batches: 4 })).toEqual({ granted: 0 });
  });

  it('ends a stalled run when its client closes', async () => {
    const leaving = testCore.connect({ autoAck: false });
    const runId = nextRunId();
    const marker = 'strata_test_flow_leaving';
    await leaving.call('query/run', { connectionId: pgId, runId, sql: pgMillion(marker), window: 1 });
    await waitForBatchEvents(leaving, runId, 1);
    expect(await backendsWithQuery(marker)).toBe(1);
    leaving.client.close();
    await expect.poll(() => backendsWithQuery(marker), { timeout: 5000 }).toBe(0);
  });

  it('ignores acks for unknown runs, refuses acks for another client’s run, and caps the credit', async () => {
    expect(await client.call('query/ack', { runId: 'strata_test_flow_never_started', batches: 1 })).toEqual({ granted: 0 });

    const runId = nextRunId();
    await client.call('query/run', { connectionId: pgId, runId, sql: pgMillion('strata_test_flow_owner'), window: 1 });
    await waitForBatchEvents(client, runId, 1);
    const other = testCore.connect({ autoAck: false });
    expect(await errorCode(other.call('query/ack', { runId, batches: 5 }))).toBe('NOT_FOUND');
    await sleep(300);
    expect(batchEvents(client.queryEvents(runId))).toHaveLength(1);
    other.client.close();

    // Acks beyond the cap grant nothing, so no client can ask main to run far ahead of it.
    expect(await client.call('query/ack', { runId, batches: MAX_RUN_WINDOW })).toEqual({ granted: MAX_RUN_WINDOW });
    await waitForBatchEvents(client, runId, 1 + MAX_RUN_WINDOW);
    await client.call('query/ack', { runId, batches: MAX_RUN_WINDOW });
    const grants = await Promise.all([1, 2, 3].map(() => client.call('query/ack', { runId, batches: MAX_RUN_WINDOW })));
    expect(grants.reduce((sum, grant) => sum + grant.granted, 0)).toBeLessThanOrEqual(MAX_RUN_WINDOW);
    await client.call('query/cancel', { runId });
    await client.waitForRunEnd(runId);
  });
});

describe('flow control with a memory budget', () => {
  it('spools past the budget without acks, so a client that never acks still gets a whole result that ends', async () => {
    const runId = nextRunId();
    await client.call('query/run', { connectionId: pgId, runId, sql: pgMillion('strata_test_flow_spool'), memoryBudgetBytes: MB });
    const events = await client.waitForRunEnd(runId);
    expect(events.at(-1)).toMatchObject({ type: 'run-end', status: 'ok' });
    expect(batchEvents(events).length).toBeLessThanOrEqual(DEFAULT_RUN_WINDOW);
    const spooled = events.filter((event) => event.type === 'spooled');
    expect(spooled.at(-1)).toMatchObject({ rowCount: MILLION });
    expect(events.find((event) => event.type === 'statement-end')).toMatchObject({ rowCount: MILLION });
    expect(await client.call('query/discard', { runId })).toEqual({ discarded: true });
  });
});

describe('flow control of query/run on SQLite', () => {
  it('stalls a client that does not ack after its window, then completes in order once it acks', async () => {
    const runId = nextRunId();
    await client.call('query/run', { connectionId: sampleId, runId, sql: sqliteMillion });
    await waitForBatchEvents(client, runId, DEFAULT_RUN_WINDOW);
    const baseline = memory();
    await sleep(STALL_MS);
    const stalled = memory();

    expect(batchEvents(client.queryEvents(runId))).toHaveLength(DEFAULT_RUN_WINDOW);
    expect((stalled.rss - baseline.rss) / MB).toBeLessThan(60);
    expect((stalled.heap - baseline.heap) / MB).toBeLessThan(60);

    const events = await ackUntilEnd(client, runId);
    expect(events.at(-1)).toMatchObject({ type: 'run-end', status: 'ok' });
    expectAllRowsInOrder(events);
  });

  it('cancels a stalled run promptly, and the session runs the next statement', async () => {
    const runId = nextRunId();
    await client.call('query/run', { connectionId: sampleId, runId, sql: sqliteMillion, window: 2 });
    await waitForBatchEvents(client, runId, 2);
    await sleep(300);
    const started = performance.now();
    expect(await client.call('query/cancel', { runId })).toEqual({ cancelled: true });
    const events = await client.waitForRunEnd(runId);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(events.at(-1)).toMatchObject({ type: 'run-end', status: 'cancelled' });

    const next = nextRunId();
    await client.call('query/run', { connectionId: sampleId, runId: next, sql: 'SELECT count(*) FROM customers' });
    const nextEvents = await client.waitForRunEnd(next);
    expect(streamedRows(nextEvents, 0)).toEqual([['3']]);
  });

  it('lets the core shut down while a run waits for acks', async () => {
    const own = await startTestCore();
    try {
      const stalled = own.connect({ autoAck: false });
      const ownSample = (await stalled.call('app/info', {})).sampleConnectionId!;
      const runId = nextRunId();
      await stalled.call('query/run', { connectionId: ownSample, runId, sql: sqliteMillion, window: 1 });
      await waitForBatchEvents(stalled, runId, 1);
      const started = performance.now();
      await own.dispose();
      expect(performance.now() - started).toBeLessThan(5000);
      expect(stalled.queryEvents(runId).at(-1)).toMatchObject({ type: 'run-end', status: 'cancelled' });
    } finally {
      await own.cleanup();
    }
  });
});
