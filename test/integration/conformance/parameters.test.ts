import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDriverRegistry } from '../../../electron/core/drivers/registry';
import type { SqlDriver, SqlParam } from '../../../electron/core/drivers/types';
import type { Cell } from '../../../shared/model/query';
import { CallError, streamedRows, type TestClient, type TestCore } from '../core/core-harness';
import { caught, CollectingSink, WORKER_PATH } from '../sqlite/sqlite-kit';
import { engineKits, type EngineKit } from './engine-kits';
import { openKitSession } from './kit-session';

/** A table name that breaks naive placeholder finders in every dialect. */
const TABLE = `par?ms $1 :t "q" \`b\``;
const HOSTILE = `it's "double" \`tick\` back\\slash \\' ? :name $1 -- /* ünïcødé 🐘 中文 ☃`;
const MEGABYTE_TEXT = 'ab\'"\\é🐘'.repeat(131_072);
const ALL_BYTES = Uint8Array.from({ length: 256 }, (_unused, index) => index);
const ALL_BYTES_HEX = Buffer.from(ALL_BYTES).toString('hex').toUpperCase();

const tables: Record<EngineKit['engine'], (kit: EngineKit) => string> = {
  postgres: (kit) => `CREATE TABLE ${kit.quote(TABLE)} (id int PRIMARY KEY, note text, data bytea, flag boolean)`,
  mysql: (kit) => `CREATE TABLE ${kit.quote(TABLE)} (id INT PRIMARY KEY, note LONGTEXT, data LONGBLOB, flag TINYINT(1)) CHARACTER SET utf8mb4`,
  sqlite: (kit) => `CREATE TABLE ${kit.quote(TABLE)} (id INTEGER PRIMARY KEY, note TEXT, data BLOB, flag INTEGER)`,
};

const hexOf: Record<EngineKit['engine'], string> = {
  postgres: "upper(encode(data, 'hex'))",
  mysql: 'HEX(data)',
  sqlite: 'hex(data)',
};

describe.each(engineKits())('query parameters ($label)', (kit) => {
  let core: TestCore;
  let client: TestClient;
  let connectionId = '';
  let runs = 0;
  const table = () => kit.quote(TABLE);
  const positional = (n: number) => (kit.engine === 'postgres' ? `$${n}` : '?');

  const run = async (sql: string, params: { name: string; value: string | null }[]): Promise<Cell[][]> => {
    const runId = `params-${++runs}`;
    await client.call('query/run', { connectionId, runId, sql, params });
    const events = await client.waitForRunEnd(runId);
    const failure = events.find((event) => event.type === 'statement-error');
    if (failure) throw new Error(JSON.stringify(failure));
    return streamedRows(events, 0);
  };

  const noteOf = async (id: number) => (await kit.admin(`SELECT note FROM ${table()} WHERE id = ${id}`))[0]?.note;

  beforeAll(async () => {
    await kit.setup();
    await kit.admin(tables[kit.engine](kit));
    ({ core, client, connectionId } = await openKitSession(kit));
  });

  afterAll(async () => {
    await core?.cleanup();
    await kit.teardown();
  });

  it('returns hostile text, empty text and NULL from a SELECT exactly as given, binding a repeated name each time', async () => {
    const rows = await run('SELECT :greeting AS g, :empty AS e, :nothing AS n, :greeting AS again', [
      { name: ':greeting', value: HOSTILE },
      { name: ':empty', value: '' },
      { name: ':nothing', value: null },
    ]);
    expect(rows).toEqual([[HOSTILE, '', null, HOSTILE]]);
  });

  it('inserts hostile and 1 MB text into a table with a hostile name, and filters on a parameter', async () => {
    await run(`INSERT INTO ${table()} (id, note) VALUES (:id, :note)`, [
      { name: ':id', value: '1' },
      { name: ':note', value: HOSTILE },
    ]);
    await run(`INSERT INTO ${table()} (id, note) VALUES (:id, :note)`, [
      { name: ':id', value: '2' },
      { name: ':note', value: MEGABYTE_TEXT },
    ]);
    expect(await noteOf(1)).toBe(HOSTILE);
    expect(await noteOf(2)).toBe(MEGABYTE_TEXT);
    // A `?` or `$1` inside a string is text, not a placeholder.
    const rows = await run(`SELECT id, '? $1 :x' AS literal FROM ${table()} WHERE note = :note`, [{ name: ':note', value: HOSTILE }]);
    expect(rows).toEqual([['1', '? $1 :x']]);
  });

  it('refuses parameters for a script of several statements, and a parameter without a value', async () => {
    const several = caughtCall(client.call('query/run', { connectionId, runId: 'several', sql: 'SELECT :a; SELECT :a', params: [{ name: ':a', value: '1' }] }));
    expect(await several).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/one statement at a time/) });
    const missing = caughtCall(client.call('query/run', { connectionId, runId: 'missing', sql: 'SELECT :a, :b', params: [{ name: ':a', value: '1' }] }));
    expect(await missing).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining(':b') });
  });

  describe('in the driver', () => {
    let driver: SqlDriver;

    beforeAll(async () => {
      const created = createDriverRegistry({ sqliteWorkerPath: WORKER_PATH }).dialectFor(kit.engine).createDriver({ profile: { ...kit.draft(), id: `params-${kit.engine}` }, password: null });
      if (created.kind !== 'sql') throw new Error('Expected a SQL driver.');
      driver = created;
      await driver.init();
    });

    afterAll(async () => {
      await driver?.destroy();
    });

    const execute = async (sql: string, params: SqlParam[]) => {
      const session = await driver.acquireConnection();
      try {
        const sink = new CollectingSink();
        await session.execute(sql, sink, new AbortController().signal, params);
        return sink.rowsReceived;
      } finally {
        await session.release();
      }
    };

    it('stores every byte value and a boolean as bound, and reads NULL back as NULL', async () => {
      const p = positional;
      await execute(`INSERT INTO ${table()} (id, note, data, flag) VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)})`, [10, null, ALL_BYTES, true]);
      const [row] = await kit.admin(`SELECT ${hexOf[kit.engine]} AS hex, flag, note FROM ${table()} WHERE id = 10`);
      expect(row.hex).toBe(ALL_BYTES_HEX);
      expect(row.flag === true || Number(row.flag) === 1).toBe(true);
      expect(row.note).toBeNull();
    });

    it('fails with INVALID_INPUT when the values do not match the placeholders, and the session still works', async () => {
      const session = await driver.acquireConnection();
      try {
        const error = await caught(session.execute(`SELECT ${positional(1)} AS a, ${positional(2)} AS b`, new CollectingSink(), new AbortController().signal, ['only one']));
        expect(error.code).toBe('INVALID_INPUT');
        expect(error.message).toMatch(/2|too few/i);
        const sink = new CollectingSink();
        await session.execute(`SELECT ${positional(1)} AS a`, sink, new AbortController().signal, ['still here']);
        expect(sink.rowsReceived).toEqual([['still here']]);
      } finally {
        await session.release();
      }
    });
  });
});

function caughtCall(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  return promise.then(
    () => ({ code: 'no error', message: '' }),
    (error: unknown) => {
      if (error instanceof CallError) return error.error;
      throw error;
    },
  );
}
