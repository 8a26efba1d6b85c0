import { afterEach, describe, expect, it } from 'vitest';
import { MAX_SAVED_QUERY_SQL, type SavedQuery } from '../../../shared/model/history';
import { cleanupKits, openKit } from './history-kit';

afterEach(cleanupKits);

function names(queries: SavedQuery[]): string[] {
  return queries.map((query) => query.name);
}

describe('saved queries', () => {
  it('saves, lists, renames and deletes, and keeps them across a restart', async () => {
    const kit = await openKit();
    const saved = await kit.call('saved-query/save', { connectionId: 'pg', name: '  Big orders  ', sql: 'SELECT * FROM orders WHERE total > 100' });
    expect(saved).toEqual({
      id: expect.any(String),
      connectionId: 'pg',
      name: 'Big orders',
      sql: 'SELECT * FROM orders WHERE total > 100',
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      updatedAt: saved.createdAt,
    });

    const renamed = await kit.call('saved-query/save', { id: saved.id, connectionId: 'pg', name: 'Large orders', sql: saved.sql });
    expect(renamed).toMatchObject({ id: saved.id, name: 'Large orders', createdAt: saved.createdAt });
    kit.reopen();
    expect(await kit.call('saved-query/list', {})).toEqual([renamed]);

    expect(await kit.call('saved-query/delete', { id: saved.id })).toEqual({ deleted: true });
    expect(await kit.call('saved-query/delete', { id: saved.id })).toEqual({ deleted: false });
    expect(await kit.call('saved-query/list', {})).toEqual([]);
  });

  it("lists one connection's queries with those saved for all connections, sorted by name", async () => {
    const kit = await openKit();
    await kit.call('saved-query/save', { connectionId: 'pg', name: 'zeta', sql: 'SELECT 1' });
    await kit.call('saved-query/save', { connectionId: 'pg', name: 'Alpha', sql: 'SELECT 2' });
    await kit.call('saved-query/save', { connectionId: 'mysql', name: 'Beta', sql: 'SELECT 3' });
    await kit.call('saved-query/save', { connectionId: null, name: 'Everywhere', sql: 'SELECT 4' });

    expect(names(await kit.call('saved-query/list', { connectionId: 'pg' }))).toEqual(['Everywhere', 'Alpha', 'zeta']);
    expect(names(await kit.call('saved-query/list', { connectionId: 'mysql' }))).toEqual(['Everywhere', 'Beta']);
    expect(names(await kit.call('saved-query/list', {}))).toEqual(['Everywhere', 'Beta', 'Alpha', 'zeta']);
  });

  it('refuses a name already used for the same connection, ignoring case, with a clear message', async () => {
    const kit = await openKit();
    const first = await kit.call('saved-query/save', { connectionId: 'pg', name: 'Orders', sql: 'SELECT 1' });
    const other = await kit.call('saved-query/save', { connectionId: 'pg', name: 'Customers', sql: 'SELECT 2' });

    const duplicate = await kit.fail('saved-query/save', { connectionId: 'pg', name: 'ORDERS', sql: 'SELECT 3' });
    expect(duplicate.code).toBe('INVALID_INPUT');
    expect(duplicate.message).toBe('A saved query named "ORDERS" already exists for this connection. Choose another name.');
    expect(duplicate.detail?.issues?.[0].path).toBe('name');

    const renameOnto = await kit.fail('saved-query/save', { id: other.id, connectionId: 'pg', name: 'orders', sql: 'SELECT 2' });
    expect(renameOnto.code).toBe('INVALID_INPUT');

    // The same name is free on another connection and among the queries for all connections.
    await kit.call('saved-query/save', { connectionId: 'mysql', name: 'Orders', sql: 'SELECT 4' });
    await kit.call('saved-query/save', { connectionId: null, name: 'Orders', sql: 'SELECT 5' });
    const globalDuplicate = await kit.fail('saved-query/save', { connectionId: null, name: 'orders', sql: 'SELECT 6' });
    expect(globalDuplicate.message).toContain('for all connections');

    // Saving a query under its own name again is an update, not a clash.
    const resaved = await kit.call('saved-query/save', { id: first.id, connectionId: 'pg', name: 'Orders', sql: 'SELECT 1 -- changed' });
    expect(resaved.sql).toBe('SELECT 1 -- changed');
    expect(names(await kit.call('saved-query/list', { connectionId: 'pg' }))).toEqual(['Orders', 'Customers', 'Orders']);
  });

  it('validates names and SQL', async () => {
    const kit = await openKit();
    const empty = await kit.fail('saved-query/save', { connectionId: 'pg', name: '   ', sql: 'SELECT 1' });
    expect(empty).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('Give the query a name.') });
    const long = await kit.fail('saved-query/save', { connectionId: 'pg', name: 'n'.repeat(201), sql: 'SELECT 1' });
    expect(long.message).toContain('at most 200 characters');
    expect((await kit.call('saved-query/save', { connectionId: 'pg', name: 'n'.repeat(200), sql: 'SELECT 1' })).name).toHaveLength(200);
    expect((await kit.fail('saved-query/save', { connectionId: 'pg', name: 'x', sql: '' })).code).toBe('INVALID_INPUT');
    expect((await kit.fail('saved-query/save', { connectionId: 'pg', name: 'x', sql: 'y'.repeat(MAX_SAVED_QUERY_SQL + 1) })).code).toBe('INVALID_INPUT');
    expect((await kit.fail('saved-query/save', { name: 'x', sql: 'SELECT 1' })).code).toBe('INVALID_INPUT');
    expect((await kit.fail('saved-query/save', { connectionId: 'pg', name: 'x', sql: 'SELECT 1', owner: 'me' })).code).toBe('INVALID_INPUT');
    expect(await kit.call('saved-query/list', {})).toHaveLength(1);
  });

  it('answers NOT_FOUND when changing a query that was deleted', async () => {
    const kit = await openKit();
    const saved = await kit.call('saved-query/save', { connectionId: 'pg', name: 'Gone', sql: 'SELECT 1' });
    await kit.call('saved-query/delete', { id: saved.id });
    expect((await kit.fail('saved-query/save', { id: saved.id, connectionId: 'pg', name: 'Gone', sql: 'SELECT 2' })).code).toBe('NOT_FOUND');
    expect(await kit.call('saved-query/list', {})).toEqual([]);
  });

  it('round-trips hostile names and SQL: quotes, wildcards, NUL, emoji, markup and 1 MB', async () => {
    const kit = await openKit();
    const hostile = [
      ["O'Reilly \"report\" `x`", "SELECT 'it''s' -- \"q\""],
      ['100% of a_b', "SELECT * FROM t WHERE name LIKE '%\\_%' ESCAPE '\\'"],
      ['nul\u0000name', 'SELECT \'a\u0000b\''],
      ['😀 émoji', 'SELECT \'🎉\''],
      ['<b>bold</b>', '<script>alert(1)</script>'],
      ['Big', `SELECT '${'é'.repeat(MAX_SAVED_QUERY_SQL - 9)}'`],
    ] as const;
    for (const [name, sql] of hostile) await kit.call('saved-query/save', { connectionId: 'c', name, sql });
    kit.reopen();
    const listed = await kit.call('saved-query/list', { connectionId: 'c' });
    const byName = new Map(listed.map((query) => [query.name, query.sql]));
    for (const [name, sql] of hostile) expect(byName.get(name), name).toBe(sql);
    expect(listed).toHaveLength(hostile.length);
  });
});
