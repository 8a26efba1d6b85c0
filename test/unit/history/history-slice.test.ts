import { beforeEach, describe, expect, it, vi } from 'vitest';
import { create } from 'zustand';
import type { HistoryEntry, HistoryPage, SavedQuery } from '../../../shared/model/history';

/** The host as the bridge sees it: every call is recorded and answered by `reply`, which may hold an answer back. */
const host = vi.hoisted(() => ({
  calls: [] as { channel: string; input: Record<string, unknown> }[],
  reply: (async () => ({})) as (channel: string, input: Record<string, unknown>) => Promise<unknown>,
}));

vi.mock('../../../renderer/bridge', () => ({
  BridgeError: class BridgeError extends Error {},
  api: {
    invoke: async (channel: string, input: Record<string, unknown>) => {
      host.calls.push({ channel, input });
      return host.reply(channel, input);
    },
    subscribe: () => () => undefined,
  },
}));

const { createTabsSlice } = await import('../../../renderer/store/tabs-slice');
const { createHistorySlice, historyConnectionId } = await import('../../../renderer/store/history-slice');
type State = import('../../../renderer/store').StoreState & import('../../../renderer/store/history-slice').HistorySlice;

function entry(id: number, overrides: Partial<HistoryEntry> = {}): HistoryEntry {
  return {
    id,
    connectionId: 'pg',
    connectionName: 'Local',
    sql: `SELECT ${id}`,
    sqlPreviewOnly: false,
    sqlTruncated: false,
    sqlLength: `SELECT ${id}`.length,
    startedAt: '2025-03-01T12:00:00.000Z',
    durationMs: 1,
    rowCount: 1,
    affectedRows: null,
    status: 'ok',
    errorMessage: null,
    ...overrides,
  };
}

function page(entries: HistoryEntry[], nextCursor: number | null = null, notice: string | null = null): HistoryPage {
  return { entries, nextCursor, notice };
}

const savedQuery = (overrides: Partial<SavedQuery> = {}): SavedQuery => ({
  id: 'q1',
  connectionId: 'pg',
  name: 'Orders',
  sql: 'SELECT * FROM orders',
  createdAt: '2025-03-01T12:00:00.000Z',
  updatedAt: '2025-03-01T12:00:00.000Z',
  ...overrides,
});

/** A promise with its resolve exposed, to answer calls out of order. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

function createTestStore() {
  const notifications: { kind: string; title: string; message?: string }[] = [];
  const store = create<State>()(
    (...a) =>
      ({
        activeConnectionId: 'pg',
        connections: [{ id: 'pg', name: 'Local' }, { id: 'lite', name: 'Sample' }],
        notify: (n: { kind: string; title: string; message?: string }) => notifications.push(n),
        discardRun: () => undefined,
        runTab: async () => undefined,
        ...createTabsSlice(...(a as unknown as Parameters<typeof createTabsSlice>)),
        ...createHistorySlice(...a),
      }) as unknown as State,
  );
  return { store, notifications };
}

const callsTo = (channel: string) => host.calls.filter((call) => call.channel === channel).map((call) => call.input);

beforeEach(() => {
  host.calls.length = 0;
  host.reply = async (channel) => (channel === 'history/list' ? page([]) : {});
});

describe('history slice: loading', () => {
  it("filters to the active tab's connection, else the active connection, and to none for all connections", async () => {
    const { store } = createTestStore();
    await store.getState().loadHistory({ search: '', allConnections: false });
    store.getState().openTab({ title: 'q', connectionId: 'lite', sql: '' });
    await store.getState().loadHistory({ search: 'orders', allConnections: false });
    await store.getState().loadHistory({ search: 'orders', allConnections: true });
    expect(callsTo('history/list')).toEqual([
      { connectionId: 'pg', search: undefined, limit: 100 },
      { connectionId: 'lite', search: 'orders', limit: 100 },
      { connectionId: undefined, search: 'orders', limit: 100 },
    ]);
    expect(historyConnectionId({ tabs: [], activeTabId: null, activeConnectionId: null })).toBeNull();
  });

  it('shows the answer of the latest search even when an earlier one answers last', async () => {
    const { store } = createTestStore();
    const slow = deferred<HistoryPage>();
    host.reply = async (_channel, input) => (input.search === 'sel' ? slow.promise : page([entry(2, { sql: 'SELECT 2' })]));
    const first = store.getState().loadHistory({ search: 'sel', allConnections: true });
    await store.getState().loadHistory({ search: 'select 2', allConnections: true });
    slow.resolve(page([entry(1), entry(2)], 1));
    await first;
    expect(store.getState().historyView).toMatchObject({ search: 'select 2', entries: [entry(2, { sql: 'SELECT 2' })], nextCursor: null, loading: false });
  });

  it('appends older pages once, asks with the cursor, and stops at the end', async () => {
    const { store } = createTestStore();
    host.reply = async (_channel, input) => (input.before === undefined ? page([entry(9), entry(8)], 8) : page([entry(8), entry(7)], null));
    await store.getState().loadHistory({ search: 'x', allConnections: false });
    await Promise.all([store.getState().loadMoreHistory(), store.getState().loadMoreHistory()]);
    await store.getState().loadMoreHistory();
    expect(store.getState().historyView.entries.map((e) => e.id)).toEqual([9, 8, 7]);
    expect(callsTo('history/list')).toEqual([
      { connectionId: 'pg', search: 'x', limit: 100 },
      { connectionId: 'pg', search: 'x', before: 8, limit: 100 },
    ]);
  });

  it('drops an older page that arrives after the filter changed', async () => {
    const { store } = createTestStore();
    const older = deferred<HistoryPage>();
    host.reply = async (_channel, input) => (input.before !== undefined ? older.promise : page([entry(input.search === 'b' ? 20 : 10)], 5));
    await store.getState().loadHistory({ search: 'a', allConnections: true });
    const more = store.getState().loadMoreHistory();
    await store.getState().loadHistory({ search: 'b', allConnections: true });
    older.resolve(page([entry(4)]));
    await more;
    expect(store.getState().historyView.entries.map((e) => e.id)).toEqual([20]);
  });

  it('says why a load failed and keeps no stale entries', async () => {
    const { store } = createTestStore();
    host.reply = async () => {
      throw new Error('The history could not be opened.');
    };
    await store.getState().loadHistory({ search: '', allConnections: true });
    expect(store.getState().historyView).toMatchObject({ entries: [], loading: false, problem: 'The history could not be opened.' });
  });

  it('tells the user about a replaced store once, as a notification and a banner until dismissed', async () => {
    const { store, notifications } = createTestStore();
    host.reply = async () => page([], null, 'Your query history could not be read.');
    await store.getState().loadHistory({ search: '', allConnections: true });
    expect(notifications).toEqual([{ kind: 'error', title: 'Query history was reset', message: 'Your query history could not be read.' }]);
    expect(store.getState().historyView.notice).toBe('Your query history could not be read.');
    store.getState().dismissHistoryNotice();
    expect(store.getState().historyView.notice).toBeNull();
  });

  it('checks for a notice at start with the smallest page, and stays quiet when there is none or the host fails', async () => {
    const { store, notifications } = createTestStore();
    await store.getState().checkHistoryNotice();
    host.reply = async () => {
      throw new Error('Strata is shutting down.');
    };
    await store.getState().checkHistoryNotice();
    expect(notifications).toEqual([]);
    host.reply = async () => page([], null, 'The damaged file was kept.');
    await store.getState().checkHistoryNotice();
    expect(notifications.map((n) => n.message)).toEqual(['The damaged file was kept.']);
    expect(callsTo('history/list')).toEqual([{ limit: 1 }, { limit: 1 }, { limit: 1 }]);
  });
});

describe('history slice: actions', () => {
  it('deletes one entry from the list, and clears the shown scope and reloads', async () => {
    const { store } = createTestStore();
    host.reply = async (channel) => (channel === 'history/list' ? page([entry(2), entry(1)]) : channel === 'history/clear' ? { deleted: 2 } : { deleted: true });
    await store.getState().loadHistory({ search: '', allConnections: false });
    await store.getState().deleteHistoryEntry(2);
    expect(store.getState().historyView.entries.map((e) => e.id)).toEqual([1]);
    expect(await store.getState().clearHistory()).toBe(2);
    expect(callsTo('history/clear')).toEqual([{ connectionId: 'pg' }]);
    expect(callsTo('history/list')).toHaveLength(2);
  });

  it('fetches the whole text only for entries whose list text is a preview', async () => {
    const { store } = createTestStore();
    host.reply = async () => entry(5, { sql: 'SELECT the whole text' });
    expect(await store.getState().historySql(entry(4))).toBe('SELECT 4');
    expect(await store.getState().historySql(entry(5, { sql: 'SELECT the', sqlPreviewOnly: true }))).toBe('SELECT the whole text');
    expect(callsTo('history/get')).toEqual([{ id: 5 }]);
  });

  it('opens an entry in a new tab on its connection, or on none when that connection is gone', async () => {
    const { store } = createTestStore();
    await store.getState().openHistoryEntry(entry(1, { connectionId: 'lite', sql: 'SELECT 1' }));
    await store.getState().openHistoryEntry(entry(2, { connectionId: 'deleted', sql: 'SELECT 2' }));
    expect(store.getState().tabs.map((tab) => [tab.connectionId, tab.sql])).toEqual([
      ['lite', 'SELECT 1'],
      [null, 'SELECT 2'],
    ]);
    expect(store.getState().activeTabId).toBe(store.getState().tabs[1].id);
  });
});

describe('saved queries slice', () => {
  it('asks for a name only when the tab has text to save', () => {
    const { store, notifications } = createTestStore();
    store.getState().requestSaveQuery();
    const empty = store.getState().openTab({ title: 'q', connectionId: null, sql: '  \n ' });
    store.getState().requestSaveQuery(empty);
    expect(store.getState().saveQueryTabId).toBeNull();
    expect(notifications.map((n) => n.message)).toEqual(['Open a query tab first.', 'Write some SQL in the tab first.']);
    const tab = store.getState().openTab({ title: 'q', connectionId: null, sql: 'SELECT 1' });
    store.getState().requestSaveQuery();
    expect(store.getState().saveQueryTabId).toBe(tab);
    store.getState().closeSaveQuery();
    expect(store.getState().saveQueryTabId).toBeNull();
  });

  it('links a tab to the query it was opened from or saved as, and forgets the link when the query is deleted', async () => {
    const { store } = createTestStore();
    const query = savedQuery();
    host.reply = async (channel) => (channel === 'saved-query/list' ? [query] : channel === 'saved-query/save' ? query : { deleted: true });
    store.getState().openSavedQuery(query);
    const opened = store.getState().tabs[0];
    expect(opened).toMatchObject({ title: 'Orders', connectionId: 'pg', sql: 'SELECT * FROM orders' });
    expect(store.getState().savedQueryOfTab).toEqual({ [opened.id]: 'q1' });

    const other = store.getState().openTab({ title: 'Draft', connectionId: null, sql: 'SELECT 2' });
    await store.getState().saveQuery({ connectionId: null, name: 'Draft', sql: 'SELECT 2' }, other);
    expect(store.getState().savedQueryOfTab[other]).toBe('q1');

    await store.getState().deleteSavedQuery('q1');
    expect(store.getState().savedQueryOfTab).toEqual({});
  });

  it('renames in place and loads the list again for its order', async () => {
    const { store } = createTestStore();
    const query = savedQuery();
    const renamed = savedQuery({ name: 'All orders' });
    host.reply = async (channel) => (channel === 'saved-query/list' ? [query] : renamed);
    await store.getState().loadSavedQueries();
    host.reply = async (channel) => (channel === 'saved-query/list' ? [renamed] : renamed);
    await store.getState().renameSavedQuery(query, 'All orders');
    expect(callsTo('saved-query/save')).toEqual([{ id: 'q1', connectionId: 'pg', name: 'All orders', sql: 'SELECT * FROM orders' }]);
    expect(store.getState().savedQueries).toEqual([renamed]);
  });

  it('lets the form see a refused save, e.g. a taken name', async () => {
    const { store } = createTestStore();
    host.reply = async () => {
      throw new Error('A saved query named "Orders" already exists for this connection. Choose another name.');
    };
    await expect(store.getState().saveQuery({ connectionId: 'pg', name: 'Orders', sql: 'SELECT 1' })).rejects.toThrow(/already exists/);
  });
});
