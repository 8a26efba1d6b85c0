import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCore, type TestClient, type TestCore } from './core-harness';

let testCore: TestCore;
let client: TestClient;
let sampleId: string;

beforeAll(async () => {
  testCore = await startTestCore();
  client = testCore.connect();
  sampleId = (await client.call('app/info', {})).sampleConnectionId!;
});

afterAll(async () => {
  await testCore?.cleanup();
});

describe('query history through the core', () => {
  it('records every statement a run started, with its status, rows and error, newest first', async () => {
    const script = "SELECT name FROM customers;\nSELECT * FROM no_such_table;\nUPDATE customers SET name = name || '' WHERE id = 1";
    await client.call('query/run', { connectionId: sampleId, runId: 'history-run', sql: script, stopOnError: false });
    await client.waitForRunEnd('history-run');

    const page = await client.call('history/list', { connectionId: sampleId, limit: 10 });
    expect(page.entries.map((entry) => [entry.sql, entry.status, entry.rowCount, entry.affectedRows])).toEqual([
      ["UPDATE customers SET name = name || '' WHERE id = 1", 'ok', 0, 1],
      ['SELECT * FROM no_such_table', 'error', null, null],
      ['SELECT name FROM customers', 'ok', 3, null],
    ]);
    expect(page.entries[1].errorMessage).toMatch(/no such table/);
    expect(page.entries.every((entry) => entry.connectionId === sampleId && entry.durationMs >= 0)).toBe(true);
  });

  it('finds a statement by a piece of its text, and forgets the history of the connection when cleared', async () => {
    const found = await client.call('history/list', { connectionId: sampleId, search: 'no_such', limit: 10 });
    expect(found.entries.map((entry) => entry.sql)).toEqual(['SELECT * FROM no_such_table']);
    expect((await client.call('history/clear', { connectionId: sampleId })).deleted).toBe(3);
    expect((await client.call('history/list', { connectionId: sampleId, limit: 10 })).entries).toEqual([]);
  });
});
