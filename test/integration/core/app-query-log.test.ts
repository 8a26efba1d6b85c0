import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CANCEL_BACKEND_QUERY,
  DATABASES_QUERY,
  GROUP_COUNTS_QUERY,
  RELATIONS_QUERY,
  SCHEMAS_QUERY,
} from '../../../electron/core/drivers/postgres/catalog-queries';
import type { AppQueryEntry } from '../../../shared/model/activity';
import type { PathSegment } from '../../../shared/model/schema';
import { PG_DRAFT, startTestCore, type TestClient, type TestCore } from './core-harness';

const DATABASE = `strata_test_activity_db_${process.pid}`;
const TABLE_COUNT = 50;
const PASSWORD = `strata_test_activity_secret_${process.pid}`;
const MASTER_PASSWORD = 'strata_test_activity master';
const USER_MARKER = 'strata_test_activity_user_statement';

let admin: pg.Client;
let testCore: TestCore;
let client: TestClient;
let connectionId: string;

beforeAll(async () => {
  admin = new pg.Client({ host: '127.0.0.1', port: 5432, user: 'postgres', database: 'postgres' });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DATABASE}`);
  const fixture = new pg.Client({ host: '127.0.0.1', port: 5432, user: 'postgres', database: DATABASE });
  await fixture.connect();
  const tables = Array.from({ length: TABLE_COUNT }, (_, index) => `CREATE TABLE public.t${String(index).padStart(2, '0')} (id int PRIMARY KEY);`);
  await fixture.query(tables.join('\n'));
  await fixture.end();

  testCore = await startTestCore();
  client = testCore.connect();
  await client.call('vault/create', { password: MASTER_PASSWORD });
  // The server trusts local connections, so any password works; it must still never show up in the log.
  const draft = { ...PG_DRAFT, name: 'strata_test_activity postgres', database: DATABASE };
  connectionId = (await client.call('connection/save', { id: null, draft, password: { action: 'set', value: PASSWORD } })).id;
});

afterAll(async () => {
  await testCore?.cleanup();
  await admin?.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await admin?.end();
});

async function entriesSince(sinceId: number, filter: { connectionId?: string } = { connectionId }): Promise<AppQueryEntry[]> {
  return (await client.call('activity/app-queries', { ...filter, sinceId })).entries;
}

/** The statements logged as session upkeep (the reset when a run's session goes back to its pool) after `sinceId`. */
async function sessionStatementsSince(sinceId: number): Promise<string[]> {
  return (await entriesSince(sinceId)).filter((entry) => entry.purpose === 'session').map((entry) => entry.sql);
}

async function lastId(): Promise<number> {
  return (await entriesSince(0, {})).at(-1)?.id ?? 0;
}

/** Expands one tree level and returns the introspection entries it logged. */
async function expand(path: PathSegment[]): Promise<{ names: string[]; logged: AppQueryEntry[] }> {
  const before = await lastId();
  const nodes = await client.call('schema/children', { connectionId, path });
  const logged = (await entriesSince(before)).filter((entry) => entry.purpose === 'introspection');
  return { names: nodes.names, logged };
}

describe('the log of queries Strata ran itself', () => {
  it('logs exactly one catalog query per tree level, not one per table', async () => {
    const database: PathSegment = { kind: 'database', name: DATABASE };
    const schema: PathSegment = { kind: 'schema', name: 'public' };
    const levels: [PathSegment[], string][] = [
      [[], DATABASES_QUERY],
      [[database], SCHEMAS_QUERY],
      [[database, schema], GROUP_COUNTS_QUERY],
      [[database, schema, { kind: 'group', name: 'tables' }], RELATIONS_QUERY],
    ];
    let tables: string[] = [];
    for (const [path, query] of levels) {
      const { names, logged } = await expand(path);
      expect(logged.map((entry) => entry.sql), `catalog queries for ${JSON.stringify(path)}`).toEqual([query.trim()]);
      const [entry] = logged;
      expect(entry).toMatchObject({ connectionId, engine: 'postgres', purpose: 'introspection', ok: true });
      expect(entry.durationMs).toBeGreaterThan(0);
      expect(Date.parse(entry.at)).toBeGreaterThan(Date.now() - 60_000);
      tables = names;
    }
    expect(tables).toHaveLength(TABLE_COUNT);
    const tableQuery = (await entriesSince(0)).filter((entry) => entry.sql === RELATIONS_QUERY.trim());
    expect(tableQuery.map((entry) => entry.rows)).toEqual([TABLE_COUNT]);
  });

  it('logs the version read at open, but none of the statements the user runs', async () => {
    const all = await entriesSince(0);
    expect(all.some((entry) => entry.purpose === 'session' && entry.sql === 'SHOW server_version' && entry.ok)).toBe(true);
    const before = await lastId();
    const runId = 'strata_test_activity_user_run';
    await client.call('query/run', { connectionId, runId, sql: `SELECT '${USER_MARKER}' AS marker` });
    expect((await client.waitForRunEnd(runId)).at(-1)).toMatchObject({ type: 'run-end', status: 'ok' });
    // The session is reset just after run-end.
    await expect.poll(() => sessionStatementsSince(before)).toEqual(['DISCARD ALL']);
    expect((await entriesSince(before)).some((entry) => entry.sql.includes(USER_MARKER))).toBe(false);
  });

  it('logs the cancel request sent for a running statement, with its placeholder only', async () => {
    const marker = 'strata_test_activity_cancel_sleep';
    const runId = 'strata_test_activity_cancel_run';
    await client.call('query/run', { connectionId, runId, sql: `SELECT pg_sleep(30) /* ${marker} */` });
    await client.waitForEvent('query/event', (event) => event.runId === runId && event.type === 'statement-start');
    let backendPid = 0;
    while (backendPid === 0) {
      const found = await admin.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity WHERE state = 'active' AND query LIKE $1 AND pid <> pg_backend_pid()`,
        [`%${marker}%`],
      );
      backendPid = found.rows[0]?.pid ?? 0;
      if (backendPid === 0) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const before = await lastId();
    expect(await client.call('query/cancel', { runId })).toEqual({ cancelled: true });
    expect((await client.waitForRunEnd(runId)).at(-1)).toMatchObject({ type: 'run-end', status: 'cancelled' });
    const cancels = (await entriesSince(before)).filter((entry) => entry.purpose === 'cancel');
    expect(cancels).toHaveLength(1);
    expect(cancels[0]).toMatchObject({ sql: CANCEL_BACKEND_QUERY, ok: true, engine: 'postgres', connectionId });
    expect(cancels[0].sql).not.toContain(String(backendPid));
    // The cancelled session is reset (just after run-end) and goes back to the pool.
    await expect.poll(() => sessionStatementsSince(before)).toEqual(['DISCARD ALL']);
  });

  it('never holds the password or a bound value', async () => {
    const everything = JSON.stringify(await entriesSince(0, {}));
    expect(everything).toContain('pg_database');
    expect(everything).not.toContain(PASSWORD);
    expect(everything).not.toContain(MASTER_PASSWORD);
    // The database and schema names reach the server as parameters $1, never inside the statement text.
    expect(everything).not.toContain(DATABASE);
    expect(everything).toContain('$1');
  });

  it('logs a connection test as purpose test', async () => {
    const before = await lastId();
    const draft = { ...PG_DRAFT, name: 'strata_test_activity test', database: DATABASE };
    await client.call('connection/test', { id: null, draft, password: { action: 'set', value: PASSWORD } });
    const tested = await entriesSince(before, {});
    expect(tested.map((entry) => [entry.purpose, entry.sql])).toEqual([
      ['test', 'SHOW server_version'],
      ['test', 'SELECT 1'],
    ]);
    expect(JSON.stringify(tested)).not.toContain(PASSWORD);
  });
});

describe('the log on a SQLite connection', () => {
  let sqliteCore: TestCore;
  let sqliteClient: TestClient;
  let sampleId: string;

  beforeAll(async () => {
    sqliteCore = await startTestCore({ appQueryCapacity: 5 });
    sqliteClient = sqliteCore.connect();
    const info = await sqliteClient.call('app/info', {});
    sampleId = info.sampleConnectionId ?? '';
    expect(sampleId).not.toBe('');
  });

  afterAll(async () => {
    await sqliteCore?.cleanup();
  });

  it('logs the catalog queries of a tree expansion, and keeps only the newest entries', async () => {
    const groups = await sqliteClient.call('schema/children', { connectionId: sampleId, path: [] });
    expect(groups.names).toContain('tables');
    const tables = await sqliteClient.call('schema/children', { connectionId: sampleId, path: [{ kind: 'group', name: 'tables' }] });
    expect(tables.names).toEqual(['customers']);
    const first = await sqliteClient.call('activity/app-queries', { connectionId: sampleId });
    const introspection = first.entries.filter((entry) => entry.purpose === 'introspection');
    expect(introspection).toHaveLength(2);
    expect(introspection[0].sql).toMatch(/^SELECT type, count\(\*\) AS count FROM sqlite_schema/);
    expect(introspection[1]).toMatchObject({ engine: 'sqlite', ok: true, rows: 1 });
    expect(introspection[1].sql).toContain('WHERE type = ?');
    expect(introspection[1].sql).not.toContain("'table'");

    for (let round = 0; round < 8; round++) {
      await sqliteClient.call('schema/children', { connectionId: sampleId, path: [{ kind: 'group', name: 'tables' }], refresh: true });
    }
    const bounded = await sqliteClient.call('activity/app-queries', {});
    expect(bounded.total).toBe(5);
    expect(bounded.entries).toHaveLength(5);
    const ids = bounded.entries.map((entry) => entry.id);
    expect(ids[0]).toBeGreaterThan(introspection[1].id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
  });
});
