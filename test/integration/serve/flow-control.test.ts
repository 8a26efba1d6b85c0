import fs from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_RUN_WINDOW } from '../../../shared/ipc/contract';
import type { QueryEvent } from '../../../shared/model/query';
import { BatchReader } from '../../../shared/result-batch/read';
import type { ServeProcess } from '../../support/serve-process';
import { startPostgresHost, valueOf, type PostgresHost } from './postgres-host';
import type { WireClient } from './wire-client';

const MILLION = 1_000_000;
const MB = 1024 * 1024;
const WINDOW = 4;
const SQL = `SELECT n, md5(n::text) AS strata_test_serve_flow, 'row number ' || n AS label, repeat('x', 24) AS padding
  FROM generate_series(1, ${MILLION}) AS n`;

let host: PostgresHost;
let server: ServeProcess;
let client: WireClient;
let connectionId: string;

beforeAll(async () => {
  host = await startPostgresHost('strata_test_serve_flow', { autoAck: false });
  ({ server, client, connectionId } = host);
}, 120_000);

afterAll(async () => {
  await host?.stop();
});

/** The server's resident memory, as the kernel counts it. */
async function serverRssBytes(): Promise<number> {
  const status = await fs.readFile(`/proc/${server.child.pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(status);
  if (!match) throw new Error('No VmRSS line in /proc/<pid>/status');
  return Number(match[1]) * 1024;
}

function eventsOf(runId: string): QueryEvent[] {
  return client.runEvents(runId).map((entry) => entry.payload);
}

function batchEventCount(runId: string): number {
  return eventsOf(runId).filter((event) => event.type === 'batch').length;
}

/** Rows whose first column is not their 1-based number, or that do not follow the batch before them. */
function misnumberedRows(events: QueryEvent[]): number {
  let misnumbered = 0;
  let expectedFirstRow = 0;
  for (const event of events) {
    if (event.type !== 'batch') continue;
    if (event.firstRow !== expectedFirstRow) misnumbered += event.batch.rowCount;
    const reader = new BatchReader(event.batch);
    for (let row = 0; row < reader.rowCount; row++) if (reader.cell(row, 0) !== String(event.firstRow + row + 1)) misnumbered++;
    expectedFirstRow = event.firstRow + event.batch.rowCount;
  }
  return misnumbered;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('flow control over the WebSocket', () => {
  it('keeps the server within bounded memory while a client stops acking a 1M-row query, and resumes when it acks', async () => {
    const runId = 'strata_test_serve_flow_run';
    valueOf(await client.request('query/run', { connectionId, runId, sql: SQL, window: WINDOW }));
    await expect.poll(() => batchEventCount(runId), { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
    // A paused browser tab: it neither reads the socket nor acks, so anything sent would pile up in the server.
    client.socket.pause();
    const baseline = await serverRssBytes();
    let peak = baseline;
    for (let sample = 0; sample < 15; sample++) {
      await sleep(200);
      peak = Math.max(peak, await serverRssBytes());
    }
    client.socket.resume();
    expect((peak - baseline) / MB).toBeLessThan(60);
    await sleep(500);
    expect(batchEventCount(runId)).toBe(WINDOW);

    let acked = 0;
    while (!eventsOf(runId).some((event) => event.type === 'run-end')) {
      const delivered = batchEventCount(runId);
      if (delivered > acked) {
        const batches = Math.min(delivered - acked, MAX_RUN_WINDOW);
        valueOf(await client.request('query/ack', { runId, batches }));
        acked += batches;
      } else {
        await sleep(1);
      }
    }
    const events = eventsOf(runId);
    expect(events.at(-1)).toMatchObject({ type: 'run-end', status: 'ok' });
    const rowCount = events.reduce((total, event) => total + (event.type === 'batch' ? event.batch.rowCount : 0), 0);
    expect(rowCount).toBe(MILLION);
    expect(misnumberedRows(events)).toBe(0);
  });
});
