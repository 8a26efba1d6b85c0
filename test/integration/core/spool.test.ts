import { spawnSync } from 'node:child_process';
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cell, QueryEvent } from '../../../shared/model/query';
import { batchRows } from '../../../shared/result-batch/read';
import { batchEvents, errorCode, PG_DRAFT, startTestCore, streamedRows, type TestClient, type TestCore } from './core-harness';

const MIB = 1024 * 1024;
const ROWS = 200_000;
/** The most rows one query/page may ask for. */
const PAGE_ROWS = 100_000;

const PG_MIXED = `SELECT n,
    n::int8 * 3000000019 AS big,
    n / 7.0::float8 AS ratio,
    (n * 1.25)::numeric(14, 2) AS amount,
    n % 3 = 0 AS flag,
    CASE WHEN n % 5 = 0 THEN NULL ELSE 'row ' || n || ' — ü' END AS label,
    md5(n::text) AS hash,
    int4send(n) AS raw,
    timestamptz '2024-01-01 00:00:00+00' + n * interval '1 minute' AS at
  FROM generate_series(1, ${ROWS}) AS n`;

const SQLITE_MIXED = `WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < ${ROWS})
  SELECT n, n * 3000000019 AS big, n / 7.0 AS ratio,
    CASE WHEN n % 5 = 0 THEN NULL ELSE 'row ' || n || ' — ü' END AS label,
    printf('%032d', n) AS padding, CAST(printf('%08x', n) AS BLOB) AS raw
  FROM c`;

let testCore: TestCore;
let client: TestClient;
let pgId: string;
let sampleId: string;
let runs = 0;
const nextRunId = () => `strata_test_spool_run_${++runs}`;

beforeAll(async () => {
  testCore = await startTestCore();
  client = testCore.connect();
  pgId = (await client.call('connection/save', { id: null, draft: PG_DRAFT, password: { action: 'keep' } })).id;
  sampleId = (await client.call('app/info', {})).sampleConnectionId!;
});

afterAll(async () => {
  await testCore?.cleanup();
});

function ofType<T extends QueryEvent['type']>(events: QueryEvent[], type: T): Extract<QueryEvent, { type: T }>[] {
  return events.filter((event): event is Extract<QueryEvent, { type: T }> => event.type === type);
}

/** The one spool directory of the running core, and the spool files in it. */
async function spoolFiles(core: TestCore = testCore): Promise<{ dir: string; files: string[] }> {
  const dirs = await readdir(core.spoolDir);
  expect(dirs).toHaveLength(1);
  const dir = join(core.spoolDir, dirs[0]);
  return { dir, files: await readdir(dir) };
}

/** Rows [fromRow, toRow) of a spooled statement, read with query/page in the biggest pages allowed. */
async function pagedRows(who: TestClient, runId: string, index: number, fromRow: number, toRow: number): Promise<Cell[][]> {
  const rows: Cell[][] = [];
  let next = fromRow;
  while (next < toRow) {
    const page = await who.call('query/page', { runId, index, fromRow: next, rowCount: Math.min(PAGE_ROWS, toRow - next) });
    expect(page.batches.length).toBeGreaterThan(0);
    for (const { firstRow, batch } of page.batches) {
      expect(firstRow).toBeLessThanOrEqual(next);
      expect(firstRow + batch.rowCount).toBeGreaterThan(next);
      expect(batch.bytes.byteOffset % 8).toBe(0);
      rows.push(...batchRows(batch).slice(next - firstRow, toRow - firstRow));
      next = firstRow + batch.rowCount;
    }
  }
  return rows;
}

/** Runs one statement with the default budget and returns its rows, all of which arrive as batch events. */
async function unspooledRows(connectionId: string, sql: string): Promise<Cell[][]> {
  const runId = nextRunId();
  await client.call('query/run', { connectionId, runId, sql });
  const events = await client.waitForRunEnd(runId);
  expect(ofType(events, 'spooled')).toEqual([]);
  return streamedRows(events, 0);
}

/**
 * Runs one statement with a 1 MiB budget and checks the stream: batch events up to the budget, then
 * spooled events only, the last one counting every row. Returns the events.
 */
async function spooledRun(who: TestClient, connectionId: string, runId: string, sql: string): Promise<QueryEvent[]> {
  await who.call('query/run', { connectionId, runId, sql, memoryBudgetBytes: MIB });
  const events = await who.waitForRunEnd(runId);
  expect(ofType(events, 'statement-error')).toEqual([]);
  expect(events.at(-1)).toMatchObject({ type: 'run-end', status: 'ok' });

  const sent = batchEvents(events, 0);
  const spooled = ofType(events, 'spooled');
  expect(sent.length).toBeGreaterThan(0);
  expect(sent.reduce((bytes, event) => bytes + event.batch.bytes.byteLength, 0)).toBeLessThanOrEqual(MIB);
  const inMemory = sent.reduce((rows, event) => rows + event.batch.rowCount, 0);
  expect(spooled.length).toBeGreaterThan(0);
  expect(spooled.every((event) => event.spooledFrom === inMemory)).toBe(true);
  expect(events.findLastIndex((event) => event.type === 'batch')).toBeLessThan(events.findIndex((event) => event.type === 'spooled'));
  const counts = spooled.map((event) => event.rowCount);
  expect(counts).toEqual([...counts].sort((a, b) => a - b));
  expect(counts.at(-1)).toBe(ROWS);
  expect(ofType(events, 'statement-end')[0].rowCount).toBe(ROWS);
  expect(events.findLastIndex((event) => event.type === 'spooled')).toBeLessThan(events.findIndex((event) => event.type === 'statement-end'));
  return events;
}

/** Every row of a spooled statement: those that came as events, then the spooled ones read back by pages. */
async function allRows(who: TestClient, runId: string, events: QueryEvent[]): Promise<Cell[][]> {
  const spooledFrom = ofType(events, 'spooled')[0].spooledFrom;
  return [...streamedRows(events, 0), ...(await pagedRows(who, runId, 0, spooledFrom, ROWS))];
}

describe('results beyond the memory budget', () => {
  it('spools a 200k-row PostgreSQL result to a private file and pages back the same rows', async () => {
    const runId = nextRunId();
    const events = await spooledRun(client, pgId, runId, PG_MIXED);
    const { dir, files } = await spoolFiles();
    expect(files).toHaveLength(1);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    expect((await stat(join(dir, files[0]))).mode & 0o777).toBe(0o600);

    // The run has ended: its rows stay pageable.
    const rows = await allRows(client, runId, events);
    expect(rows).toHaveLength(ROWS);
    expect(rows).toEqual(await unspooledRows(pgId, PG_MIXED));

    expect(await client.call('query/discard', { runId })).toEqual({ discarded: true });
    expect((await spoolFiles()).files).toEqual([]);
    expect(await client.call('query/discard', { runId })).toEqual({ discarded: false });
    expect(await errorCode(client.call('query/page', { runId, index: 0, fromRow: ROWS - 10, rowCount: 10 }))).toBe('NOT_FOUND');
  });

  it('spools a 200k-row SQLite result and pages back the same rows', async () => {
    const runId = nextRunId();
    const events = await spooledRun(client, sampleId, runId, SQLITE_MIXED);
    const rows = await allRows(client, runId, events);
    expect(rows).toEqual(await unspooledRows(sampleId, SQLITE_MIXED));
    expect(rows[4]).toEqual(['5', '15000000095', String(5 / 7), null, '0'.repeat(31) + '5', '\\x3030303030303035']);
    expect(await client.call('query/discard', { runId })).toEqual({ discarded: true });
    expect((await spoolFiles()).files).toEqual([]);
  });

  it('answers pages for one statement of a script, and NOT_FOUND for a statement that did not spool', async () => {
    const runId = nextRunId();
    await client.call('query/run', { connectionId: pgId, runId, sql: `SELECT 1 AS one; ${PG_MIXED}`, memoryBudgetBytes: MIB });
    const events = await client.waitForRunEnd(runId);
    const [spooled] = ofType(events, 'spooled');
    expect(spooled.index).toBe(1);
    const page = await client.call('query/page', { runId, index: 1, fromRow: ROWS - 1, rowCount: 1 });
    const last = page.batches.at(-1)!;
    expect(batchRows(last.batch)[ROWS - 1 - last.firstRow][0]).toBe(String(ROWS));
    expect(await errorCode(client.call('query/page', { runId, index: 0, fromRow: 0, rowCount: 1 }))).toBe('NOT_FOUND');
    await client.call('query/discard', { runId });
  });

  it('lets no other client page or discard a run', async () => {
    const runId = nextRunId();
    await spooledRun(client, pgId, runId, PG_MIXED);
    const other = testCore.connect();
    try {
      const page = other.call('query/page', { runId, index: 0, fromRow: ROWS - 10, rowCount: 10 });
      expect(await errorCode(page)).toBe('NOT_FOUND');
      expect(await other.call('query/discard', { runId })).toEqual({ discarded: false });
      expect((await spoolFiles()).files).toHaveLength(1);
      expect((await client.call('query/page', { runId, index: 0, fromRow: ROWS - 10, rowCount: 10 })).batches.length).toBeGreaterThan(0);
    } finally {
      other.client.close();
    }
    await client.call('query/discard', { runId });
  });

  it('drops the spools of an earlier run when its id is run again', async () => {
    const runId = nextRunId();
    await spooledRun(client, pgId, runId, PG_MIXED);
    await client.call('query/run', { connectionId: pgId, runId, sql: 'SELECT 1' });
    await client.waitForEvent('query/event', (event) => event.runId === runId && event.type === 'statement-end' && event.index === 0 && event.rowCount === 1);
    expect(await errorCode(client.call('query/page', { runId, index: 0, fromRow: 0, rowCount: 1 }))).toBe('NOT_FOUND');
    expect((await spoolFiles()).files).toEqual([]);
  });

  it('stops a run that is still spooling when its results are discarded', async () => {
    const runId = nextRunId();
    // generate_series in the select list streams its rows; in FROM it would build all of them first.
    const endless = 'SELECT n, md5(n::text) AS strata_test_spool_endless FROM (SELECT generate_series(1, 100000000) AS n) AS s';
    await client.call('query/run', { connectionId: pgId, runId, sql: endless, memoryBudgetBytes: MIB });
    await client.waitForEvent('query/event', (event) => event.runId === runId && event.type === 'spooled');
    expect(await client.call('query/discard', { runId })).toEqual({ discarded: true });
    expect(client.queryEvents(runId).at(-1)).toMatchObject({ type: 'run-end', status: 'cancelled' });
    expect((await spoolFiles()).files).toEqual([]);
  });

  it('deletes the spools of a client that closes', async () => {
    const leaving = testCore.connect();
    const runId = nextRunId();
    await spooledRun(leaving, pgId, runId, PG_MIXED);
    expect((await spoolFiles()).files).toHaveLength(1);
    leaving.client.close();
    await expect.poll(async () => (await spoolFiles()).files, { timeout: 5000 }).toEqual([]);
  });
});

describe('the spool directory', () => {
  it('is removed with its files when the core is disposed', async () => {
    const own = await startTestCore();
    try {
      const who = own.connect();
      const ownSample = (await who.call('app/info', {})).sampleConnectionId!;
      await spooledRun(who, ownSample, nextRunId(), SQLITE_MIXED);
      expect((await spoolFiles(own)).files).toHaveLength(1);
      await own.dispose();
      expect(await readdir(own.spoolDir)).toEqual([]);
    } finally {
      await own.cleanup();
    }
  });

  it('removes directories that dead processes left behind when a core starts, and keeps those of live ones', async () => {
    let current = await startTestCore();
    try {
      const exited = spawnSync(process.execPath, ['-e', '']).pid!;
      const stale = join(current.spoolDir, `${exited}-stale`);
      const living = join(current.spoolDir, `${process.ppid}-living`);
      for (const dir of [stale, living]) {
        await mkdir(dir);
        await writeFile(join(dir, '1.spool'), 'old rows');
      }
      current = await current.restart();
      const names = await readdir(current.spoolDir);
      expect(names).not.toContain(`${exited}-stale`);
      expect(names).toContain(`${process.ppid}-living`);
      expect(names.filter((name) => name.startsWith(`${process.pid}-`))).toHaveLength(1);
    } finally {
      await current.cleanup();
    }
  });
});
