import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueryEvent } from '../../../shared/model/query';
import { startPostgresHost, valueOf, type PostgresHost } from './postgres-host';
import type { WireClient } from './wire-client';

const BIG_ROWS = 200_000;
const BIG_SQL = `SELECT n, md5(n::text) AS strata_test_serve_batch, repeat('x', 40) AS padding FROM generate_series(1, ${BIG_ROWS}) AS n`;

let host: PostgresHost;
let client: WireClient;
let connectionId: string;

beforeAll(async () => {
  host = await startPostgresHost('strata_test_serve_batch');
  ({ client, connectionId } = host);
}, 120_000);

afterAll(async () => {
  await host?.stop();
});

describe('frame batching on the WebSocket', () => {
  it('delivers a small run with its text events coalesced and its one batch in a binary frame between them', async () => {
    const runId = 'strata_test_serve_batch_small';
    const framesBefore = client.frames();
    valueOf(await client.request('query/run', { connectionId, runId, sql: 'SELECT 1 AS one' }));
    await expect.poll(() => client.runEnded(runId), { timeout: 15_000 }).toBe(true);
    const entries = client.runEvents(runId);
    expect(entries.map(({ payload }) => payload.type)).toEqual(['statement-start', 'columns', 'batch', 'statement-end', 'run-end']);
    expect(client.statementRows(runId)).toEqual([['1']]);
    const entryOf = (type: QueryEvent['type']) => entries.find(({ payload }) => payload.type === type);
    const batch = entryOf('batch');
    expect(batch?.binary).toBe(true);
    expect(entries.filter((entry) => entry.frame === batch?.frame)).toHaveLength(1);
    expect(entries.filter((entry) => entry !== batch).every((entry) => !entry.binary)).toBe(true);
    // The columns event was queued as text when the batch came: it went out at once, just before it.
    expect(entryOf('columns')?.frame).toBe((batch?.frame ?? 0) - 1);
    // Sent one by one these six messages took six frames. The core waits for PostgreSQL (the query, then
    // DISCARD ALL) and yields after each batch, and no frame is held across those waits.
    // The client acks the batch event, and that ack's reply may come after run-end: count up to run-end.
    expect((entries.at(-1)?.frame ?? 0) - framesBefore).toBeLessThanOrEqual(5);
  });

  it('streams a large run with every batch in a binary frame of its own', async () => {
    const runId = 'strata_test_serve_batch_big';
    valueOf(await client.request('query/run', { connectionId, runId, sql: BIG_SQL }));
    await expect.poll(() => client.runEnded(runId), { timeout: 60_000 }).toBe(true);
    const entries = client.runEvents(runId);
    expect(entries.at(-1)?.payload).toMatchObject({ type: 'run-end', status: 'ok' });
    const batchEntries = entries.filter(({ payload }) => payload.type === 'batch');
    expect(batchEntries.length).toBeGreaterThan(5);
    expect(batchEntries.every((entry) => entry.binary)).toBe(true);
    const framesOfBatches = batchEntries.map(({ frame }) => frame);
    expect(new Set(framesOfBatches).size).toBe(batchEntries.length);
    for (const frame of framesOfBatches) expect(entries.filter((entry) => entry.frame === frame)).toHaveLength(1);
    const rows = client.statementRows(runId);
    expect(rows).toHaveLength(BIG_ROWS);
    expect(rows.findIndex((row, index) => row[0] !== String(index + 1))).toBe(-1);
  });
});
