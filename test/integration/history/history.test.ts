import { afterEach, describe, expect, it } from 'vitest';
import { HISTORY_PREVIEW_CHARS, MAX_HISTORY_SQL_CHARS, type HistoryEntry } from '../../../shared/model/history';
import { cleanupKits, openKit, statement, type HistoryKit } from './history-kit';

afterEach(cleanupKits);

function sqlOf(entries: HistoryEntry[]): string[] {
  return entries.map((entry) => entry.sql);
}

async function recordAll(kit: HistoryKit, sqls: string[], overrides: Parameters<typeof statement>[0] = {}): Promise<void> {
  for (const sql of sqls) kit.history.record(statement({ ...overrides, sql }));
}

/** Every page of a listing, following nextCursor until it is null. */
async function allPages(kit: HistoryKit, input: { connectionId?: string; search?: string; limit: number }): Promise<string[][]> {
  const pages: string[][] = [];
  let before: number | undefined;
  for (;;) {
    const page = await kit.call('history/list', { ...input, before });
    pages.push(sqlOf(page.entries));
    if (page.nextCursor === null) return pages;
    before = page.nextCursor;
  }
}

describe('recording and listing', () => {
  it('lists what was recorded, newest first, with every field the history panel shows', async () => {
    const kit = await openKit();
    kit.history.record(statement({ sql: 'SELECT * FROM orders', rowCount: 42, durationMs: 12.5, startedAt: Date.parse('2025-05-01T08:00:00.000Z') }));
    kit.history.record(statement({ sql: 'UPDATE orders SET total = 0', rowCount: 0, affectedRows: 7 }));
    kit.history.record(statement({ sql: 'SELEC oops', status: 'error', rowCount: null, errorMessage: 'syntax error at or near "SELEC"' }));
    kit.history.record(statement({ sql: 'SELECT pg_sleep(60)', status: 'cancelled', rowCount: null, errorMessage: 'canceling statement due to user request' }));

    const page = await kit.call('history/list', {});
    expect(sqlOf(page.entries)).toEqual(['SELECT pg_sleep(60)', 'SELEC oops', 'UPDATE orders SET total = 0', 'SELECT * FROM orders']);
    expect(page.nextCursor).toBeNull();
    expect(page.notice).toBeNull();
    expect(page.entries[3]).toEqual({
      id: expect.any(Number),
      connectionId: 'pg-local',
      connectionName: 'Local PostgreSQL',
      sql: 'SELECT * FROM orders',
      sqlPreviewOnly: false,
      sqlTruncated: false,
      sqlLength: 20,
      startedAt: '2025-05-01T08:00:00.000Z',
      durationMs: 12.5,
      rowCount: 42,
      affectedRows: null,
      status: 'ok',
      errorMessage: null,
    });
    expect(page.entries[2]).toMatchObject({ rowCount: 0, affectedRows: 7, status: 'ok' });
    expect(page.entries[1]).toMatchObject({ status: 'error', rowCount: null, errorMessage: 'syntax error at or near "SELEC"' });
    expect(page.entries[0]).toMatchObject({ status: 'cancelled', errorMessage: 'canceling statement due to user request' });
  });

  it('keeps the history across a restart', async () => {
    const kit = await openKit();
    await recordAll(kit, ['SELECT 1', 'SELECT 2']);
    kit.reopen();
    expect(sqlOf((await kit.call('history/list', {})).entries)).toEqual(['SELECT 2', 'SELECT 1']);
  });

  it('filters by connection', async () => {
    const kit = await openKit();
    kit.history.record(statement({ connectionId: 'a', connectionName: 'Alpha', sql: 'SELECT 1' }));
    kit.history.record(statement({ connectionId: 'b', connectionName: 'Beta', sql: 'SELECT 2' }));
    kit.history.record(statement({ connectionId: 'a', connectionName: 'Alpha', sql: 'SELECT 3' }));
    expect(sqlOf((await kit.call('history/list', { connectionId: 'a' })).entries)).toEqual(['SELECT 3', 'SELECT 1']);
    expect(sqlOf((await kit.call('history/list', { connectionId: 'b' })).entries)).toEqual(['SELECT 2']);
    expect((await kit.call('history/list', { connectionId: 'nobody' })).entries).toEqual([]);
  });

  it('pages with a cursor, without gaps or repeats, also while new statements arrive', async () => {
    const kit = await openKit();
    const sqls = Array.from({ length: 25 }, (_, i) => `SELECT ${i + 1}`);
    await recordAll(kit, sqls);
    const newestFirst = [...sqls].reverse();

    const first = await kit.call('history/list', { limit: 10 });
    expect(sqlOf(first.entries)).toEqual(newestFirst.slice(0, 10));
    kit.history.record(statement({ sql: 'SELECT after the first page' }));
    const second = await kit.call('history/list', { limit: 10, before: first.nextCursor! });
    expect(sqlOf(second.entries)).toEqual(newestFirst.slice(10, 20));
    const third = await kit.call('history/list', { limit: 10, before: second.nextCursor! });
    expect(sqlOf(third.entries)).toEqual(newestFirst.slice(20));
    expect(third.nextCursor).toBeNull();
  });

  it('says there is no next page when the last page is exactly full', async () => {
    const kit = await openKit();
    await recordAll(kit, ['SELECT 1', 'SELECT 2', 'SELECT 3', 'SELECT 4']);
    const first = await kit.call('history/list', { limit: 2 });
    const second = await kit.call('history/list', { limit: 2, before: first.nextCursor! });
    expect(sqlOf(second.entries)).toEqual(['SELECT 2', 'SELECT 1']);
    expect(second.nextCursor).toBeNull();
  });

  it('refuses a page larger than 500 entries, and unknown fields', async () => {
    const kit = await openKit();
    expect((await kit.fail('history/list', { limit: 501 })).code).toBe('INVALID_INPUT');
    expect((await kit.fail('history/list', { limit: 0 })).code).toBe('INVALID_INPUT');
    expect((await kit.fail('history/list', { before: -1 })).code).toBe('INVALID_INPUT');
    expect((await kit.fail('history/list', { connection: 'a' })).code).toBe('INVALID_INPUT');
    expect((await kit.call('history/list', { limit: 500 })).entries).toEqual([]);
  });
});

describe('search', () => {
  it('finds statements containing the text, ignoring case, and by connection name', async () => {
    const kit = await openKit();
    kit.history.record(statement({ connectionId: 'a', connectionName: 'Warehouse', sql: 'SELECT * FROM orders' }));
    kit.history.record(statement({ connectionId: 'b', connectionName: 'Shop', sql: 'select count(*) from Customers' }));
    kit.history.record(statement({ connectionId: 'b', connectionName: 'Shop', sql: 'DELETE FROM orders WHERE id = 3' }));

    expect(sqlOf((await kit.call('history/list', { search: 'ORDERS' })).entries)).toEqual(['DELETE FROM orders WHERE id = 3', 'SELECT * FROM orders']);
    expect(sqlOf((await kit.call('history/list', { search: 'customers' })).entries)).toEqual(['select count(*) from Customers']);
    expect(sqlOf((await kit.call('history/list', { search: 'warehouse' })).entries)).toEqual(['SELECT * FROM orders']);
    expect(sqlOf((await kit.call('history/list', { search: 'orders', connectionId: 'b' })).entries)).toEqual(['DELETE FROM orders WHERE id = 3']);
    expect((await kit.call('history/list', { search: 'no such text' })).entries).toEqual([]);
    expect((await kit.call('history/list', { search: '   ' })).entries).toHaveLength(3);
  });

  it('treats LIKE wildcards, quotes and backslashes in the search as literal text', async () => {
    const kit = await openKit();
    await recordAll(kit, [
      "SELECT '100%' AS done",
      'SELECT 100 AS done',
      'SELECT a_b FROM t',
      'SELECT axb FROM t',
      "SELECT 'it''s' AS quote",
      'SELECT E\'\\\\n\' AS slash',
      'SELECT 1 -- [x]',
    ]);
    expect(sqlOf((await kit.call('history/list', { search: '%' })).entries)).toEqual(["SELECT '100%' AS done"]);
    expect(sqlOf((await kit.call('history/list', { search: '0%' })).entries)).toEqual(["SELECT '100%' AS done"]);
    expect(sqlOf((await kit.call('history/list', { search: 'a_b' })).entries)).toEqual(['SELECT a_b FROM t']);
    expect(sqlOf((await kit.call('history/list', { search: "it''s" })).entries)).toEqual(["SELECT 'it''s' AS quote"]);
    expect(sqlOf((await kit.call('history/list', { search: '\\\\' })).entries)).toEqual(['SELECT E\'\\\\n\' AS slash']);
    expect(sqlOf((await kit.call('history/list', { search: '[x]' })).entries)).toEqual(['SELECT 1 -- [x]']);
    expect((await kit.call('history/list', { search: '*' })).entries).toEqual([]);
  });

  it('pages a search across many chunks of the table and finds every match exactly once', async () => {
    const kit = await openKit({ limits: { searchChunkRows: 7 } });
    const sqls = Array.from({ length: 120 }, (_, i) => (i % 3 === 0 ? `SELECT ${i} FROM needle` : `SELECT ${i} FROM hay`));
    await recordAll(kit, sqls);
    const matches = sqls.filter((sql) => sql.includes('needle')).reverse();

    const pages = await allPages(kit, { search: 'needle', limit: 6 });
    expect(pages.flat()).toEqual(matches);
    expect(pages.slice(0, -1).every((page) => page.length === 6)).toBe(true);

    const sparse = await allPages(kit, { search: 'SELECT 118 ', limit: 6 });
    expect(sparse).toEqual([['SELECT 118 FROM hay']]);
  });

  it('searches one connection across chunks while other connections fill the table', async () => {
    const kit = await openKit({ limits: { searchChunkRows: 5 } });
    for (let i = 0; i < 60; i++) {
      kit.history.record(statement({ connectionId: i % 4 === 0 ? 'a' : 'b', connectionName: 'X', sql: `SELECT ${i} AS n` }));
    }
    const pages = await allPages(kit, { search: 'as n', connectionId: 'a', limit: 4 });
    expect(pages.flat()).toEqual(Array.from({ length: 15 }, (_, i) => `SELECT ${56 - i * 4} AS n`));
  });
});

describe('deleting', () => {
  it('deletes one entry', async () => {
    const kit = await openKit();
    await recordAll(kit, ['SELECT 1', 'SELECT 2']);
    const [newest] = (await kit.call('history/list', {})).entries;
    expect(await kit.call('history/delete', { id: newest.id })).toEqual({ deleted: true });
    expect(await kit.call('history/delete', { id: newest.id })).toEqual({ deleted: false });
    expect(sqlOf((await kit.call('history/list', {})).entries)).toEqual(['SELECT 1']);
    expect((await kit.fail('history/get', { id: newest.id })).code).toBe('NOT_FOUND');
  });

  it("clears one connection's history, or all of it", async () => {
    const kit = await openKit();
    kit.history.record(statement({ connectionId: 'a', sql: 'SELECT 1' }));
    kit.history.record(statement({ connectionId: 'b', sql: 'SELECT 2' }));
    kit.history.record(statement({ connectionId: 'a', sql: 'SELECT 3' }));
    expect(await kit.call('history/clear', { connectionId: 'a' })).toEqual({ deleted: 2 });
    expect(sqlOf((await kit.call('history/list', {})).entries)).toEqual(['SELECT 2']);
    expect(await kit.call('history/clear', {})).toEqual({ deleted: 1 });
    expect((await kit.call('history/list', {})).entries).toEqual([]);
    kit.reopen();
    expect((await kit.call('history/list', {})).entries).toEqual([]);
  });

  it('gives new entries larger ids than any cleared one, so old cursors never match new entries', async () => {
    const kit = await openKit();
    await recordAll(kit, ['SELECT 1', 'SELECT 2']);
    const before = (await kit.call('history/list', {})).entries[0].id;
    await kit.call('history/clear', {});
    kit.reopen();
    kit.history.record(statement({ sql: 'SELECT 3' }));
    expect((await kit.call('history/list', {})).entries[0].id).toBeGreaterThan(before);
  });
});

describe('limits', () => {
  it('keeps at most the configured number of entries, dropping the oldest, also across restarts', async () => {
    const kit = await openKit({ limits: { maxEntries: 10 } });
    await recordAll(kit, Array.from({ length: 25 }, (_, i) => `SELECT ${i}`));
    expect(sqlOf((await kit.call('history/list', { limit: 500 })).entries)).toEqual(Array.from({ length: 10 }, (_, i) => `SELECT ${24 - i}`));
    kit.reopen();
    await recordAll(kit, ['SELECT 25', 'SELECT 26']);
    const entries = (await kit.call('history/list', { limit: 500 })).entries;
    expect(entries).toHaveLength(10);
    expect(sqlOf(entries).slice(0, 3)).toEqual(['SELECT 26', 'SELECT 25', 'SELECT 24']);
    expect(sqlOf(entries).at(-1)).toBe('SELECT 17');
  });

  it('keeps the total SQL under its budget by dropping the oldest entries', async () => {
    const kit = await openKit({ limits: { maxTotalSqlChars: 10_000 } });
    for (let i = 0; i < 12; i++) kit.history.record(statement({ sql: `-- ${i}\n${'x'.repeat(1000)}` }));
    const entries = (await kit.call('history/list', { limit: 500 })).entries;
    const total = entries.reduce((sum, entry) => sum + entry.sqlLength, 0);
    expect(total).toBeLessThanOrEqual(10_000);
    expect(entries.length).toBe(9);
    expect(entries.at(-1)!.sql.startsWith('-- 3\n')).toBe(true);
  });

  it('stores at most 1 MiB of one statement, marks it truncated and shows lists only its start', async () => {
    const kit = await openKit();
    const long = `SELECT '${'y'.repeat(MAX_HISTORY_SQL_CHARS + 500)}'`;
    kit.history.record(statement({ sql: long }));
    const [listed] = (await kit.call('history/list', {})).entries;
    expect(listed.sql).toBe(long.slice(0, HISTORY_PREVIEW_CHARS));
    expect(listed).toMatchObject({ sqlPreviewOnly: true, sqlTruncated: true, sqlLength: long.length });

    const full = await kit.call('history/get', { id: listed.id });
    expect(full.sql).toBe(long.slice(0, MAX_HISTORY_SQL_CHARS));
    expect(full).toMatchObject({ sqlPreviewOnly: false, sqlTruncated: true, sqlLength: long.length });
  });

  it('never cuts an emoji in half when truncating or previewing', async () => {
    const kit = await openKit({ limits: { maxSqlChars: 3000 } });
    const text = `${'a'.repeat(HISTORY_PREVIEW_CHARS - 1)}${'😀'.repeat(1000)}`;
    kit.history.record(statement({ sql: text }));
    const [listed] = (await kit.call('history/list', {})).entries;
    expect(listed.sql).toBe('a'.repeat(HISTORY_PREVIEW_CHARS - 1));
    const full = await kit.call('history/get', { id: listed.id });
    expect(full.sql).toBe(text.slice(0, 2999));
    expect(full.sql.endsWith('😀')).toBe(true);
  });

  it('records a statement that ran even when the store cannot be written, and says why in the log', async () => {
    const kit = await openKit();
    kit.database.close();
    expect(() => kit.history.record(statement())).not.toThrow();
    expect(kit.logLines.join('\n')).toMatch(/could not be added to the history/);
  });
});

describe('hostile text', () => {
  const hostile = [
    "SELECT 'O''Reilly', \"quoted \"\" name\", `tick`",
    "SELECT '100%', 'a_b', '\\', '[abc]' ESCAPE '\\'",
    'SELECT \'nul\u0000inside\' AS x',
    'SELECT \'emoji 😀🎉 and ünïcödé\' AS y',
    "'); DROP TABLE history; --",
    '<img src=x onerror=alert(1)>',
  ];

  it('round-trips quotes, wildcards, NUL, emoji and markup exactly, in statements, names and errors', async () => {
    const kit = await openKit();
    for (const [i, sql] of hostile.entries()) {
      kit.history.record(statement({ sql, connectionId: `c${i}`, connectionName: sql, errorMessage: sql, status: 'error' }));
    }
    kit.reopen();
    const entries = (await kit.call('history/list', {})).entries.reverse();
    expect(sqlOf(entries)).toEqual(hostile);
    expect(entries.map((entry) => entry.connectionName)).toEqual(hostile);
    expect(entries.map((entry) => entry.errorMessage)).toEqual(hostile);
    for (const entry of entries) expect((await kit.call('history/get', { id: entry.id })).sql).toBe(hostile[entries.indexOf(entry)]);
  });

  it('finds text containing NUL and emoji literally', async () => {
    const kit = await openKit();
    await recordAll(kit, hostile);
    expect(sqlOf((await kit.call('history/list', { search: 'nul\u0000in' })).entries)).toEqual(['SELECT \'nul\u0000inside\' AS x']);
    expect((await kit.call('history/list', { search: 'nul\u0000x' })).entries).toEqual([]);
    expect(sqlOf((await kit.call('history/list', { search: '🎉 AND' })).entries)).toEqual(['SELECT \'emoji 😀🎉 and ünïcödé\' AS y']);
  });

  it('round-trips a 1 MB statement exactly', async () => {
    const kit = await openKit();
    const big = `INSERT INTO t VALUES ${Array.from({ length: 43_000 }, (_, i) => `(${i}, 'ü😀%_''${i}')`).join(',')}`;
    expect(big.length).toBeGreaterThan(1_000_000);
    expect(big.length).toBeLessThan(MAX_HISTORY_SQL_CHARS);
    kit.history.record(statement({ sql: big }));
    const [listed] = (await kit.call('history/list', {})).entries;
    expect(listed.sqlTruncated).toBe(false);
    expect((await kit.call('history/get', { id: listed.id })).sql).toBe(big);
  });
});
