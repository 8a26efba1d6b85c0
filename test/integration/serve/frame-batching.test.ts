import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionProfile } from '../../../shared/model/connection';
import type { QueryEvent } from '../../../shared/model/query';
import type { InvokeResult } from '../../../shared/ipc/wire';
import { PG_DRAFT } from '../core/core-harness';
import { buildMain, startServe, type ServeProcess } from '../../support/serve-process';
import { connectWire, type WireClient } from './wire-client';

const BIG_ROWS = 200_000;
/** Wide enough that every batch of 1000+ rows is well over the host's 64 KB batching limit. */
const BIG_SQL = `SELECT n, md5(n::text) AS strata_test_serve_batch, repeat('x', 40) AS padding FROM generate_series(1, ${BIG_ROWS}) AS n`;

let tmp: string;
let server: ServeProcess;
let client: WireClient;
let connectionId: string;

function valueOf<T>(result: InvokeResult): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

beforeAll(async () => {
  buildMain();
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'strata-test-serve-batch-'));
  server = await startServe(['--port', '0', '--data-dir', path.join(tmp, 'data')]);
  client = await connectWire(`ws://127.0.0.1:${server.port}/ws?token=${server.token}`);
  const profile = valueOf<ConnectionProfile>(
    await client.request('connection/save', { id: null, draft: { ...PG_DRAFT, name: 'strata_test_serve_batch' }, password: { action: 'keep' } }),
  );
  connectionId = profile.id;
  valueOf(await client.request('connection/open', { id: connectionId }));
}, 120_000);

afterAll(async () => {
  client?.close();
  await server?.stop();
  await fs.rm(tmp, { recursive: true, force: true });
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
