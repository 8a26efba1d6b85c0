import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueryEvent } from '../../../shared/model/query';
import { startPostgresHost, valueOf, type PostgresHost } from './postgres-host';
import type { WireClient } from './wire-client';

const BIG_ROWS = 200_000;
/** Wide enough that every batch of 1000+ rows is well over the host's 64 KB batching limit. */
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

function eventsOf(runId: string): { event: QueryEvent; frame: number }[] {
  return client.events
    .filter((entry) => entry.channel === 'query/event' && (entry.payload as QueryEvent).runId === runId)
    .map((entry) => ({ event: entry.payload as QueryEvent, frame: entry.frame }));
}

const ended = (runId: string) => eventsOf(runId).some(({ event }) => event.type === 'run-end');

describe('frame batching on the WebSocket', () => {
  it('delivers a small run, reply and five events, in fewer frames than messages and in order', async () => {
    const runId = 'strata_test_serve_batch_small';
    const framesBefore = client.frames();
    valueOf(await client.request('query/run', { connectionId, runId, sql: 'SELECT 1 AS one' }));
    await expect.poll(() => ended(runId), { timeout: 15_000 }).toBe(true);
    const entries = eventsOf(runId);
    expect(entries.map(({ event }) => event.type)).toEqual(['statement-start', 'columns', 'rows', 'statement-end', 'run-end']);
    expect(entries.flatMap(({ event }) => (event.type === 'rows' ? event.rows : []))).toEqual([['1']]);
    // Sent one by one these six messages took six frames. The core waits for PostgreSQL (the query, then
    // DISCARD ALL) and yields after each rows batch, and no frame is held across those waits.
    const frameOf = (type: QueryEvent['type']) => entries.find(({ event }) => event.type === type)?.frame;
    expect(frameOf('columns')).toBe(frameOf('rows'));
    // The client acks the rows event, and that ack's reply may come after run-end: count up to run-end.
    expect((entries.at(-1)?.frame ?? 0) - framesBefore).toBeLessThanOrEqual(4);
  });

  it('streams a large run with every rows batch in a frame of its own', async () => {
    const runId = 'strata_test_serve_batch_big';
    valueOf(await client.request('query/run', { connectionId, runId, sql: BIG_SQL }));
    await expect.poll(() => ended(runId), { timeout: 60_000 }).toBe(true);
    const entries = eventsOf(runId);
    expect(entries.at(-1)?.event).toMatchObject({ type: 'run-end', status: 'ok' });
    const rowsEntries = entries.filter(({ event }) => event.type === 'rows');
    expect(rowsEntries.length).toBeGreaterThan(20);
    const framesOfRows = rowsEntries.map(({ frame }) => frame);
    expect(new Set(framesOfRows).size).toBe(rowsEntries.length);
    for (const frame of framesOfRows) expect(entries.filter((entry) => entry.frame === frame)).toHaveLength(1);
    const rows = rowsEntries.flatMap(({ event }) => (event.type === 'rows' ? event.rows : []));
    expect(rows).toHaveLength(BIG_ROWS);
    expect(rows.findIndex((row, index) => row[0] !== String(index + 1))).toBe(-1);
  });
});
