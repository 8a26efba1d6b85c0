import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueryEvent } from '../../../shared/model/query';
import { PG_DRAFT, startTestCore, streamedRows, type TestClient, type TestCore } from '../core/core-harness';
import { admin } from './support';

const TABLE = 'strata_test_pg_ro_items';
const NEW_TABLE = 'strata_test_pg_ro_created';

let testCore: TestCore;
let client: TestClient;
let readOnlyId: string;
let runs = 0;

beforeAll(async () => {
  await admin(`DROP TABLE IF EXISTS ${TABLE}, ${NEW_TABLE}`);
  await admin(`CREATE TABLE ${TABLE} (id int); INSERT INTO ${TABLE} VALUES (1)`);
  testCore = await startTestCore();
  client = testCore.connect();
  const profile = await client.call('connection/save', { id: null, draft: { ...PG_DRAFT, name: 'strata_test_pg read-only', readOnly: true }, password: { action: 'keep' } });
  readOnlyId = profile.id;
});

afterAll(async () => {
  await testCore?.cleanup();
  await admin(`DROP TABLE IF EXISTS ${TABLE}, ${NEW_TABLE}`);
});

/** Runs a script on the read-only profile through the core, as the editor does, and returns its events. */
async function runScript(sql: string): Promise<QueryEvent[]> {
  const runId = `strata_test_pg_ro_${++runs}`;
  await client.call('query/run', { connectionId: readOnlyId, runId, sql });
  return client.waitForRunEnd(runId);
}

function errorsOf(events: QueryEvent[]) {
  return events.flatMap((event) => (event.type === 'statement-error' ? [{ index: event.index, ...event.error }] : []));
}

async function storedIds(): Promise<number[]> {
  return (await admin<{ id: number }>(`SELECT id FROM ${TABLE} ORDER BY id`)).map((row) => row.id);
}

describe('a read-only PostgreSQL connection', () => {
  it('refuses INSERT with a QUERY error that says the transaction is read-only', async () => {
    const events = await runScript(`INSERT INTO ${TABLE} VALUES (2)`);
    expect(errorsOf(events)).toEqual([expect.objectContaining({ index: 0, code: 'QUERY', message: expect.stringMatching(/read-only transaction/) })]);
    expect(errorsOf(events)[0].detail?.sqlState).toBe('25006');
    expect(events.at(-1)).toMatchObject({ type: 'run-end', status: 'error' });
    expect(await storedIds()).toEqual([1]);
  });

  it('refuses CREATE TABLE, and the table does not appear', async () => {
    const events = await runScript(`CREATE TABLE ${NEW_TABLE} (id int)`);
    expect(errorsOf(events)).toEqual([expect.objectContaining({ code: 'QUERY', message: expect.stringMatching(/cannot execute CREATE TABLE in a read-only transaction/) })]);
    expect(await admin('SELECT 1 FROM pg_class WHERE relname = $1', [NEW_TABLE])).toEqual([]);
  });

  it('refuses writes inside an explicit transaction too', async () => {
    const events = await runScript(`BEGIN;\nUPDATE ${TABLE} SET id = 5;\nCOMMIT`);
    expect(events.flatMap((event) => (event.type === 'statement-end' ? [event.command] : []))).toEqual(['BEGIN']);
    expect(errorsOf(events)).toEqual([expect.objectContaining({ index: 1, code: 'QUERY', message: expect.stringMatching(/read-only transaction/) })]);
    expect(await storedIds()).toEqual([1]);
  });

  it('still reads, and shows the session as read-only', async () => {
    const events = await runScript(`SELECT count(*) FROM ${TABLE};\nSHOW transaction_read_only`);
    expect(errorsOf(events)).toEqual([]);
    expect(streamedRows(events, 0)).toEqual([['1']]);
    expect(streamedRows(events, 1)).toEqual([['on']]);
  });

  // PostgreSQL has no session setting a user cannot change back: the startup option only sets the
  // default. Strata's session reset (DISCARD ALL) restores it for the next run.
  it('can be switched off by the user for the rest of one run (a known limit), and the next run is read-only again', async () => {
    const escaped = await runScript(`SET default_transaction_read_only = off;\nINSERT INTO ${TABLE} VALUES (99)`);
    expect(errorsOf(escaped)).toEqual([]);
    expect(await storedIds()).toEqual([1, 99]);
    await admin(`DELETE FROM ${TABLE} WHERE id = 99`);

    const next = await runScript(`SHOW default_transaction_read_only;\nINSERT INTO ${TABLE} VALUES (100)`);
    expect(streamedRows(next, 0)).toEqual([['on']]);
    expect(errorsOf(next)).toEqual([expect.objectContaining({ index: 1, code: 'QUERY', message: expect.stringMatching(/read-only transaction/) })]);
    expect(await storedIds()).toEqual([1]);
  });
});
