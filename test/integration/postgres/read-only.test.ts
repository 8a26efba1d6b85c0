import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueryEvent } from '../../../shared/model/query';
import { PG_DRAFT, startTestCore, streamedRows, type TestClient, type TestCore } from '../core/core-harness';
import { admin } from './support';

const TABLE = 'strata_test_pg_ro_items';
const NEW_TABLE = 'strata_test_pg_ro_created';
const PROBE_SETTING = 'strata_test.read_only_probe';

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
  // Only there if the ALTER SYSTEM test failed.
  if ((await admin('SELECT 1 FROM pg_file_settings WHERE name = $1', [PROBE_SETTING])).length > 0) await admin(`ALTER SYSTEM RESET "${PROBE_SETTING}"`);
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

  // The startup option only sets the default, which a statement could change back. Strata refuses
  // such statements before they reach the server; the INSERT after each then still meets a read-only
  // session. set_config and SET inside a DO block count too.
  it.each([
    ['SET default_transaction_read_only = off', 'SET default_transaction_read_only = off;', 0],
    ['a quoted, mixed-case name and a comment', `set /* quiet */ "Default_Transaction_Read_Only" TO 'of';`, 0],
    ['a Unicode-escaped name', 'SET U&"default_transaction_\\0072ead_only" = off;', 0],
    ['SET SESSION CHARACTERISTICS', 'SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE;', 0],
    ['set_config', "SELECT set_config('default_transaction_read_only', 'off', false);", 0],
    ['set_config in a DO block', "DO $$ BEGIN PERFORM pg_catalog.set_config('default_transaction_read_only', 'off', false); END $$;", 0],
    ['BEGIN READ WRITE', 'BEGIN READ WRITE;', 0],
    ['START TRANSACTION READ WRITE', 'START TRANSACTION ISOLATION LEVEL READ COMMITTED, READ WRITE;', 0],
    ['SET TRANSACTION READ WRITE', 'BEGIN;\nSET TRANSACTION READ WRITE;', 1],
    ['SET transaction_read_only = off', 'BEGIN;\nSET transaction_read_only = off;', 1],
    ['SET transaction_read_only TO DEFAULT', 'BEGIN;\nSET transaction_read_only TO DEFAULT;', 1],
    ['RESET transaction_read_only', 'BEGIN;\nRESET transaction_read_only;', 1],
  ])('refuses %s before it reaches the server, and nothing is written', async (_form, escape, refused) => {
    const runId = `strata_test_pg_ro_${++runs}`;
    await client.call('query/run', { connectionId: readOnlyId, runId, sql: `${escape}\nINSERT INTO ${TABLE} VALUES (99);\nCOMMIT`, stopOnError: false });
    const events = await client.waitForRunEnd(runId);
    const errors = errorsOf(events);
    expect(errors[0]).toMatchObject({ index: refused, code: 'QUERY', message: expect.stringMatching(/^This connection is read-only: Strata does not run statements that switch the session to read-write/) });
    expect(errors[0].message).toContain('Edit the connection to turn read-only off.');
    expect(errors[1]).toMatchObject({ index: refused + 1, code: 'QUERY', message: expect.stringMatching(/read-only transaction/) });
    expect(await storedIds()).toEqual([1]);
  });

  it('stops a run at the refused statement, as at any error, and the next run is read-only again', async () => {
    const stopped = await runScript(`SET default_transaction_read_only = off;\nINSERT INTO ${TABLE} VALUES (99)`);
    expect(errorsOf(stopped)).toEqual([expect.objectContaining({ index: 0, code: 'QUERY', message: expect.stringContaining('(SET default_transaction_read_only)') })]);
    expect(stopped.at(-1)).toMatchObject({ type: 'run-end', status: 'error', statements: 1 });

    const next = await runScript(`SHOW default_transaction_read_only;\nSHOW transaction_read_only;\nINSERT INTO ${TABLE} VALUES (100)`);
    expect(streamedRows(next, 0)).toEqual([['on']]);
    expect(streamedRows(next, 1)).toEqual([['on']]);
    expect(errorsOf(next)).toEqual([expect.objectContaining({ index: 2, code: 'QUERY', message: expect.stringMatching(/read-only transaction/) })]);
    expect(await storedIds()).toEqual([1]);
  });

  it('refuses ALTER SYSTEM, which the read-only session itself would let through, and the server configuration is unchanged', async () => {
    const settingName = PROBE_SETTING;
    const events = await runScript(`ALTER SYSTEM SET "${settingName}" = 'written'`);
    expect(errorsOf(events)).toEqual([
      expect.objectContaining({ index: 0, code: 'QUERY', message: expect.stringMatching(/read-only: .*change the server's settings, and this one does \(ALTER SYSTEM\)/) }),
    ]);
    expect(await admin('SELECT 1 FROM pg_file_settings WHERE name = $1', [settingName])).toEqual([]);
  });

  it('lets statements that keep the session read-only run', async () => {
    const events = await runScript(
      "SET default_transaction_read_only TO DEFAULT;\nRESET default_transaction_read_only;\nSET application_name = 'read write';\nSELECT set_config('default_transaction_read_only', 'on', false);\nSHOW default_transaction_read_only",
    );
    expect(errorsOf(events)).toEqual([]);
    expect(streamedRows(events, 4)).toEqual([['on']]);
  });

  // Strata cannot read SQL text built at run time; the connection dialog says so.
  it('cannot stop SQL built at run time inside a DO block (a known limit), and the next run is read-only again', async () => {
    const escaped = await runScript(`DO $$ BEGIN EXECUTE format('SET %I = off', 'default_transaction_read_only'); END $$;\nINSERT INTO ${TABLE} VALUES (101)`);
    expect(errorsOf(escaped)).toEqual([]);
    expect(await storedIds()).toEqual([1, 101]);
    await admin(`DELETE FROM ${TABLE} WHERE id = 101`);

    const next = await runScript(`INSERT INTO ${TABLE} VALUES (102)`);
    expect(errorsOf(next)).toEqual([expect.objectContaining({ code: 'QUERY', message: expect.stringMatching(/read-only transaction/) })]);
    expect(await storedIds()).toEqual([1]);
  });
});
