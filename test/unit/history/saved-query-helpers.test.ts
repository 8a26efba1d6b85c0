import { describe, expect, it } from 'vitest';
import type { SavedQuery } from '../../../shared/model/history';
import { groupSavedQueries } from '../../../renderer/features/saved-queries/group-saved-queries';
import { FOR_ALL, initialSaveDraft, isUpdate, saveRequest, scopeOptions } from '../../../renderer/features/saved-queries/save-query-form';

const query = (id: string, connectionId: string | null, name: string, sql = 'SELECT 1'): SavedQuery => ({
  id,
  connectionId,
  name,
  sql,
  createdAt: '2025-03-01T12:00:00.000Z',
  updatedAt: '2025-03-01T12:00:00.000Z',
});

const connections = [
  { id: 'pg', name: 'Production' },
  { id: 'lite', name: 'analytics' },
];

describe('grouping saved queries', () => {
  it('puts queries for all connections first, then connections by name, removed ones last, each sorted by name', () => {
    const groups = groupSavedQueries(
      [query('1', 'pg', 'zeta'), query('2', null, 'Everywhere'), query('3', 'gone', 'Old'), query('4', 'pg', 'Alpha'), query('5', 'lite', 'beta')],
      connections,
    );
    expect(groups.map((group) => [group.title, group.queries.map((q) => q.name)])).toEqual([
      ['All connections', ['Everywhere']],
      ['analytics', ['beta']],
      ['Production', ['Alpha', 'zeta']],
      ['Removed connection', ['Old']],
    ]);
  });

  it('filters by name or SQL, ignoring case, and drops groups left empty', () => {
    const queries = [query('1', 'pg', 'Orders', 'SELECT * FROM orders'), query('2', 'lite', 'Users', 'SELECT * FROM Accounts')];
    expect(groupSavedQueries(queries, connections, 'ACCOUNTS').map((group) => group.queries.map((q) => q.id))).toEqual([['2']]);
    expect(groupSavedQueries(queries, connections, 'nothing')).toEqual([]);
    expect(groupSavedQueries(queries, connections, '  ')).toHaveLength(2);
  });
});

describe('the save query form', () => {
  it("starts from the linked query, else from the tab's title and connection", () => {
    expect(initialSaveDraft(' Query 3 ', 'pg', undefined)).toEqual({ name: 'Query 3', scope: 'pg' });
    expect(initialSaveDraft('Query 3', null, undefined)).toEqual({ name: 'Query 3', scope: FOR_ALL });
    expect(initialSaveDraft('Query 3', 'pg', query('q', null, 'Report'))).toEqual({ name: 'Report', scope: FOR_ALL });
  });

  it("offers the tab's connection, the linked query's, and all connections", () => {
    expect(scopeOptions(connections, 'pg', undefined)).toEqual([
      { value: 'pg', label: 'Only Production' },
      { value: FOR_ALL, label: 'All connections' },
    ]);
    expect(scopeOptions(connections, 'pg', query('q', 'lite', 'x')).map((option) => option.value)).toEqual(['pg', 'lite', FOR_ALL]);
    expect(scopeOptions(connections, null, undefined)).toEqual([{ value: FOR_ALL, label: 'All connections' }]);
    expect(scopeOptions(connections, 'gone', undefined)[0].label).toBe('Only a removed connection');
  });

  it('updates the linked query when its name is kept (ignoring case and spaces), and saves a new one otherwise', () => {
    const linked = query('q', 'pg', 'Report');
    expect(saveRequest({ name: ' report ', scope: 'pg' }, 'SELECT 2', linked)).toEqual({ id: 'q', connectionId: 'pg', name: 'report', sql: 'SELECT 2' });
    expect(saveRequest({ name: 'Report v2', scope: FOR_ALL }, 'SELECT 2', linked)).toEqual({ id: undefined, connectionId: null, name: 'Report v2', sql: 'SELECT 2' });
    expect(isUpdate({ name: 'Report', scope: 'pg' }, undefined)).toBe(false);
  });
});
