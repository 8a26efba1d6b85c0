import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueryEvent } from '../../../shared/model/query';
import type { PathSegment } from '../../../shared/model/schema';
import { CallError, startTestCore, streamedRows, type TestClient, type TestCore } from '../core/core-harness';
import { engineKits, type EngineKit } from './engine-kits';

const TABLE = 'items';
const CREATED = 'created_here';
/** Strata's own refusal, before the statement reaches the server. */
const STRATA_REFUSAL = /^This connection is read-only: Strata does not run statements that switch the session to read-write or change the server's settings, and this one does \(.+\)\. Edit the connection to turn read-only off\.$/;
/** The server's (or SQLite's) refusal of a write on the read-only session. */
const SERVER_REFUSAL = /read-only transaction|READ ONLY transaction|readonly database/;

/** The escape statements of each engine, then an INSERT; `refused` is the index Strata refuses. */
const ESCAPES: Record<EngineKit['engine'], { statements: string[]; refused: number }[]> = {
  postgres: [
    { statements: ['SET default_transaction_read_only = off'], refused: 0 },
    { statements: ['SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE'], refused: 0 },
    { statements: ["SELECT set_config('default_transaction_read_only', 'off', false)"], refused: 0 },
    { statements: ['BEGIN READ WRITE'], refused: 0 },
    { statements: ['START TRANSACTION READ WRITE'], refused: 0 },
    { statements: ['BEGIN', 'SET TRANSACTION READ WRITE'], refused: 1 },
    { statements: ['BEGIN', 'SET transaction_read_only = off'], refused: 1 },
  ],
  mysql: [
    { statements: ['SET SESSION TRANSACTION READ WRITE'], refused: 0 },
    { statements: ['SET TRANSACTION READ WRITE'], refused: 0 },
    { statements: ['START TRANSACTION READ WRITE'], refused: 0 },
    { statements: ['SET @@session.tx_read_only = 0'], refused: 0 },
    { statements: ['SET SESSION tx_read_only=OFF'], refused: 0 },
    { statements: ['SET tx_read_only = DEFAULT'], refused: 0 },
    { statements: ["sEt /* quiet */ @@SeSsIoN.`Tx_Read_Only` = 'OFF'"], refused: 0 },
    { statements: ['/*!40101 SET tx_read_only = 0 */'], refused: 0 },
    { statements: [`SET STATEMENT tx_read_only = 0 FOR INSERT INTO ${TABLE} (id, name) VALUES (98, 'x')`], refused: 0 },
    { statements: ["PREPARE s FROM 'SET SESSION TRANSACTION READ WRITE'", 'EXECUTE s'], refused: 0 },
    { statements: ["EXECUTE IMMEDIATE 'SET tx_read_only = 0'"], refused: 0 },
  ],
  sqlite: [],
};

/** Each read-only setting as the session reports it once the escapes were refused: still on. */
const SESSION_STATE: Record<EngineKit['engine'], { sql: string; readOnly: string[][] } | null> = {
  postgres: { sql: 'SELECT current_setting(\'default_transaction_read_only\'), current_setting(\'transaction_read_only\')', readOnly: [['on', 'on']] },
  mysql: { sql: 'SELECT @@session.tx_read_only', readOnly: [['1']] },
  sqlite: null,
};

const TABLES_SQL: Record<EngineKit['engine'], string> = {
  postgres: "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
  mysql: 'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE() ORDER BY 1',
  sqlite: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY 1",
};

describe.each(engineKits())('a read-only connection ($label)', (kit) => {
  let core: TestCore;
  let client: TestClient;
  let connectionId = '';
  let runs = 0;

  const run = async (sql: string, stopOnError = true): Promise<QueryEvent[]> => {
    const runId = `read-only-${++runs}`;
    await client.call('query/run', { connectionId, runId, sql, stopOnError });
    return client.waitForRunEnd(runId);
  };
  const errorsOf = (events: QueryEvent[]) => events.flatMap((event) => (event.type === 'statement-error' ? [{ index: event.index, ...event.error }] : []));
  const stored = async () => (await kit.admin(`SELECT id, name FROM ${TABLE} ORDER BY id`)).map((row) => [Number(row.id), row.name]);
  const tables = async () => (await kit.admin(TABLES_SQL[kit.engine])).map((row) => row.name);
  const failure = (promise: Promise<unknown>) =>
    promise.then(
      () => ({ code: 'no error', message: '' }),
      (error: unknown) => {
        if (error instanceof CallError) return error.error;
        throw error;
      },
    );

  beforeAll(async () => {
    await kit.setup();
    await kit.admin(`CREATE TABLE ${TABLE} (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL)`);
    await kit.admin(`INSERT INTO ${TABLE} (id, name) VALUES (1, 'one'), (2, 'two')`);
    core = await startTestCore();
    client = core.connect();
    connectionId = (await client.call('connection/save', { id: null, draft: kit.draft({ readOnly: true }), password: { action: 'keep' } })).id;
  });

  afterAll(async () => {
    await core?.cleanup();
    await kit.teardown();
  });

  it('is shown as read-only: the saved profile, the opened session and the table view say so', async () => {
    const profile = (await client.call('connection/list', {})).find((candidate) => candidate.id === connectionId);
    expect(profile).toMatchObject({ engine: kit.engine, readOnly: true });
    const opened = await client.call('connection/open', { id: connectionId });
    expect(opened.capabilities.readOnlySessions).toBe(true);
    const page = await client.call('table/rows', { connectionId, path: kit.tablePath(TABLE) as PathSegment[], filters: [], sort: [], offset: 0, limit: 10 });
    expect(page.readOnlyReason).toMatch(/read-only connection: its data cannot be edited/);
  });

  it('runs SELECT', async () => {
    const events = await run(`SELECT id, name FROM ${TABLE} ORDER BY id`);
    expect(errorsOf(events)).toEqual([]);
    expect(streamedRows(events, 0)).toEqual([
      ['1', 'one'],
      ['2', 'two'],
    ]);
  });

  it.each([
    ['INSERT', `INSERT INTO ${TABLE} (id, name) VALUES (3, 'three')`],
    ['UPDATE', `UPDATE ${TABLE} SET name = 'changed' WHERE id = 1`],
    ['DELETE', `DELETE FROM ${TABLE} WHERE id = 2`],
  ])('refuses %s and the rows stay as they were', async (_verb, sql) => {
    const events = await run(sql);
    expect(errorsOf(events)).toEqual([expect.objectContaining({ index: 0, code: 'QUERY', message: expect.stringMatching(SERVER_REFUSAL) })]);
    expect(events.at(-1)).toMatchObject({ type: 'run-end', status: 'error' });
    expect(await stored()).toEqual([
      [1, 'one'],
      [2, 'two'],
    ]);
  });

  it('refuses CREATE TABLE and no table appears', async () => {
    const events = await run(`CREATE TABLE ${CREATED} (id INTEGER PRIMARY KEY)`);
    expect(errorsOf(events)).toEqual([expect.objectContaining({ index: 0, code: 'QUERY', message: expect.stringMatching(SERVER_REFUSAL) })]);
    expect(await tables()).toEqual([TABLE]);
  });

  it.runIf(ESCAPES[kit.engine].length > 0).each(ESCAPES[kit.engine].map((escape) => ({ ...escape, script: escape.statements.join('; ') })))(
    'refuses $script before it reaches the server; the INSERT after it meets a read-only session',
    async ({ statements, refused }) => {
      const insert = statements.length;
      const events = await run([...statements, `INSERT INTO ${TABLE} (id, name) VALUES (99, 'escaped')`, 'COMMIT'].join(';\n'), false);
      const errors = errorsOf(events);
      expect(errors[0]).toMatchObject({ index: refused, code: 'QUERY', message: expect.stringMatching(STRATA_REFUSAL) });
      expect(errors.find((error) => error.index === insert)).toMatchObject({ code: 'QUERY', message: expect.stringMatching(SERVER_REFUSAL) });
      expect(await stored()).toEqual([
        [1, 'one'],
        [2, 'two'],
      ]);
    },
  );

  it.runIf(SESSION_STATE[kit.engine] !== null)('keeps the next run read-only', async () => {
    const state = SESSION_STATE[kit.engine];
    if (!state) return;
    const events = await run(state.sql);
    expect(errorsOf(events)).toEqual([]);
    expect(streamedRows(events, 0)).toEqual(state.readOnly);
  });

  // The file is opened read-only, so query_only (a connection-level switch) has nothing to undo.
  it.runIf(kit.engine === 'sqlite')('cannot be turned writable with PRAGMA query_only = 0', async () => {
    const events = await run(`PRAGMA query_only = 0;\nINSERT INTO ${TABLE} (id, name) VALUES (99, 'escaped')`, false);
    expect(errorsOf(events)).toEqual([expect.objectContaining({ index: 1, code: 'QUERY', message: expect.stringMatching(SERVER_REFUSAL) })]);
    expect(await stored()).toEqual([
      [1, 'one'],
      [2, 'two'],
    ]);
  });

  it('refuses table edits with a clear message and writes nothing', async () => {
    const refused = await failure(
      client.call('table/apply', {
        connectionId,
        path: kit.tablePath(TABLE) as PathSegment[],
        keyColumns: ['id'],
        changes: [
          { kind: 'update', key: [{ column: 'id', value: '1' }], set: [{ column: 'name', value: 'edited', original: 'one' }] },
          { kind: 'insert', values: [{ column: 'id', value: '5' }, { column: 'name', value: 'five' }] },
          { kind: 'delete', key: [{ column: 'id', value: '2' }] },
        ],
      }),
    );
    expect(refused).toMatchObject({ code: 'UNSUPPORTED', message: expect.stringMatching(/is a read-only connection: its data cannot be edited\.$/) });
    expect(await stored()).toEqual([
      [1, 'one'],
      [2, 'two'],
    ]);
  });

  it('refuses a CSV import before it starts, and nothing is imported', async () => {
    const refused = await failure(client.call('import/begin', { connectionId, path: kit.tablePath(TABLE) as PathSegment[], columns: ['id', 'name'] }));
    expect(refused).toMatchObject({ code: 'UNSUPPORTED', message: expect.stringMatching(/is a read-only connection, so nothing can be imported into it\. Edit the connection to turn read-only off\.$/) });
    expect(await stored()).toEqual([
      [1, 'one'],
      [2, 'two'],
    ]);
  });
});
