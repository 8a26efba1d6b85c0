import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PathSegment } from '../../../shared/model/schema';
import { PG_DRAFT, startTestCore, type TestClient, type TestCore } from './core-harness';

const SCHEMA = `strata_test_core_schema_${process.pid}`;
const TABLES: PathSegment[] = [
  { kind: 'database', name: 'postgres' },
  { kind: 'schema', name: SCHEMA },
  { kind: 'group', name: 'tables' },
];

let testCore: TestCore;
let client: TestClient;
let admin: pg.Client;
let connectionId: string;

beforeAll(async () => {
  admin = new pg.Client({ host: '127.0.0.1', port: 5432, user: 'postgres', database: 'postgres' });
  await admin.connect();
  await admin.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE; CREATE SCHEMA ${SCHEMA}; CREATE TABLE ${SCHEMA}.alpha (id int PRIMARY KEY, name text NOT NULL)`);
  testCore = await startTestCore();
  client = testCore.connect();
  connectionId = (await client.call('connection/save', { id: null, draft: PG_DRAFT, password: { action: 'keep' } })).id;
});

afterAll(async () => {
  await testCore?.cleanup();
  await admin?.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
  await admin?.end();
});

const tableNames = async (refresh?: boolean) =>
  (await client.call('schema/children', { connectionId, path: TABLES, ...(refresh === undefined ? {} : { refresh }) })).names;

async function run(sql: string): Promise<boolean> {
  const runId = `strata_test_core_schema_run_${Math.random().toString(36).slice(2)}`;
  await client.call('query/run', { connectionId, runId, sql });
  const end = (await client.waitForRunEnd(runId)).at(-1);
  if (end?.type !== 'run-end' || end.status !== 'ok') throw new Error(`Run failed: ${JSON.stringify(end)}`);
  return end.schemaChanged;
}

describe('schema/children and schema/table', () => {
  it('lists the tree level by level and describes a table', async () => {
    const schemas = await client.call('schema/children', { connectionId, path: TABLES.slice(0, 1) });
    expect(schemas.names).toContain(SCHEMA);
    expect(await tableNames()).toEqual(['alpha']);
    // Children come as columns without their paths: the caller knows the parent's.
    expect(await client.call('schema/children', { connectionId, path: TABLES })).toEqual({ kinds: ['table'], names: ['alpha'], hasChildren: [true], details: [null] });
    const detail = await client.call('schema/table', { connectionId, path: [...TABLES, { kind: 'table', name: 'alpha' }] });
    expect(detail.columns.map((column) => [column.name, column.primaryKeyPosition])).toEqual([
      ['id', 1],
      ['name', null],
    ]);
  });

  it('serves repeated reads from the cache until refreshed', async () => {
    await admin.query(`CREATE TABLE ${SCHEMA}.beta (id int)`);
    expect(await tableNames()).toEqual(['alpha']);
    expect(await tableNames(true)).toEqual(['alpha', 'beta']);
    expect(await tableNames()).toEqual(['alpha', 'beta']);
  });

  it('refreshing a node also drops what was cached below it', async () => {
    const alpha = [...TABLES, { kind: 'table' as const, name: 'alpha' }];
    expect((await client.call('schema/table', { connectionId, path: alpha })).columns).toHaveLength(2);
    await admin.query(`ALTER TABLE ${SCHEMA}.alpha ADD COLUMN added_outside text`);
    expect((await client.call('schema/table', { connectionId, path: alpha })).columns).toHaveLength(2);
    await client.call('schema/children', { connectionId, path: TABLES.slice(0, 2), refresh: true });
    expect((await client.call('schema/table', { connectionId, path: alpha })).columns).toHaveLength(3);
  });

  it('drops the cache when a run changes the schema, and says so in run-end', async () => {
    expect(await run(`SELECT count(*) FROM ${SCHEMA}.alpha`)).toBe(false);
    expect(await run(`CREATE TABLE ${SCHEMA}.gamma (id int)`)).toBe(true);
    expect(await tableNames()).toEqual(['alpha', 'beta', 'gamma']);
    expect(await run(`ALTER TABLE ${SCHEMA}.gamma RENAME TO delta`)).toBe(true);
    expect(await tableNames()).toEqual(['alpha', 'beta', 'delta']);
    expect(await run(`CREATE TABLE ${SCHEMA}.epsilon AS SELECT 1 AS one`)).toBe(true);
    expect(await tableNames()).toEqual(['alpha', 'beta', 'delta', 'epsilon']);
  });

  it('drops the cache when the connection closes', async () => {
    await admin.query(`DROP TABLE ${SCHEMA}.beta`);
    expect(await tableNames()).toContain('beta');
    await client.call('connection/close', { id: connectionId });
    expect(await tableNames()).toEqual(['alpha', 'delta', 'epsilon']);
  });
});
