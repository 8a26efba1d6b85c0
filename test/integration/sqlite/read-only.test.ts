import Database from 'better-sqlite3';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueryEvent } from '../../../shared/model/query';
import { startTestCore, streamedRows, type TestClient, type TestCore } from '../core/core-harness';

let testCore: TestCore;
let client: TestClient;
let filePath: string;
let otherPath: string;
let connectionId: string;
let original: { bytes: Buffer; mtimeMs: number };
let otherOriginal: Buffer;
let runs = 0;

beforeAll(async () => {
  testCore = await startTestCore();
  client = testCore.connect();
  filePath = join(testCore.root, 'strata_test_sqlite_ro.sqlite');
  otherPath = join(testCore.root, 'strata_test_sqlite_ro_other.sqlite');
  for (const path of [filePath, otherPath]) {
    const db = new Database(path);
    db.exec("CREATE TABLE items (id INTEGER PRIMARY KEY, label TEXT); INSERT INTO items (label) VALUES ('first'), ('second');");
    db.close();
  }
  original = { bytes: await readFile(filePath), mtimeMs: (await stat(filePath)).mtimeMs };
  otherOriginal = await readFile(otherPath);
  connectionId = (await client.call('connection/open-file', { path: filePath, readOnly: true })).id;
});

afterAll(async () => {
  await testCore?.cleanup();
});

async function runScript(sql: string): Promise<QueryEvent[]> {
  const runId = `strata_test_sqlite_ro_${++runs}`;
  await client.call('query/run', { connectionId, runId, sql });
  return client.waitForRunEnd(runId);
}

function errorsOf(events: QueryEvent[]) {
  return events.flatMap((event) => (event.type === 'statement-error' ? [{ index: event.index, ...event.error }] : []));
}

describe('a read-only SQLite connection', () => {
  it.each([
    ['INSERT', "INSERT INTO items (label) VALUES ('third')"],
    ['UPDATE', "UPDATE items SET label = 'changed' WHERE id = 1"],
    ['DELETE', 'DELETE FROM items'],
    ['CREATE TABLE', 'CREATE TABLE extra (id INTEGER)'],
    ['DROP TABLE', 'DROP TABLE items'],
    ['a PRAGMA that writes', 'PRAGMA user_version = 5'],
    ['a switch to WAL', 'PRAGMA journal_mode = WAL'],
  ])('refuses %s with a QUERY error that says the connection is read-only', async (_what, sql) => {
    const events = await runScript(sql);
    expect(errorsOf(events)).toEqual([
      expect.objectContaining({
        code: 'QUERY',
        message: 'attempt to write a readonly database',
        detail: expect.objectContaining({ sqlState: 'SQLITE_READONLY', hint: expect.stringMatching(/This connection is read-only/) }),
      }),
    ]);
  });

  it('refuses writes inside an explicit transaction too', async () => {
    const events = await runScript("BEGIN;\nINSERT INTO items (label) VALUES ('in a transaction');\nCOMMIT");
    expect(errorsOf(events)).toEqual([expect.objectContaining({ index: 1, code: 'QUERY', detail: expect.objectContaining({ sqlState: 'SQLITE_READONLY' }) })]);
    await runScript('ROLLBACK');
  });

  it('opens attached files read-only as well', async () => {
    const events = await runScript(`ATTACH DATABASE '${otherPath}' AS other;\nDELETE FROM other.items;\nDETACH DATABASE other`);
    expect(errorsOf(events)).toEqual([expect.objectContaining({ index: 1, detail: expect.objectContaining({ sqlState: 'SQLITE_READONLY' }) })]);
  });

  it('still reads', async () => {
    const events = await runScript('SELECT id, label FROM items ORDER BY id');
    expect(errorsOf(events)).toEqual([]);
    expect(streamedRows(events, 0)).toEqual([
      ['1', 'first'],
      ['2', 'second'],
    ]);
  });

  it('leaves the files exactly as they were: same bytes, same modification time, no journal', async () => {
    await client.call('connection/close', { id: connectionId });
    expect((await readFile(filePath)).equals(original.bytes)).toBe(true);
    expect((await stat(filePath)).mtimeMs).toBe(original.mtimeMs);
    expect((await readFile(otherPath)).equals(otherOriginal)).toBe(true);
    expect((await readdir(testCore.root)).filter((name) => name.startsWith('strata_test_sqlite_ro')).sort()).toEqual([
      'strata_test_sqlite_ro.sqlite',
      'strata_test_sqlite_ro_other.sqlite',
    ]);
  });
});
