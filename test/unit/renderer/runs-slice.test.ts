import { beforeEach, describe, expect, it, vi } from 'vitest';
import { create } from 'zustand';
import type { OpenedConnection } from '../../../shared/ipc/contract';
import type { QueryEvent, ResultPage } from '../../../shared/model/query';

/** The host as the bridge sees it: replies per channel, and the query/event listeners. */
const host = vi.hoisted(() => ({
  listeners: new Set<(event: unknown) => void>(),
  calls: [] as { channel: string; input: Record<string, unknown> }[],
  reply: (() => ({})) as (channel: string, input: Record<string, unknown>) => unknown,
}));

vi.mock('../../../renderer/bridge', () => {
  class BridgeError extends Error {
    code: string;
    constructor(error: { code: string; message: string }) {
      super(error.message);
      this.code = error.code;
    }
  }
  return {
    BridgeError,
    api: {
      invoke: async (channel: string, input: Record<string, unknown>) => {
        host.calls.push({ channel, input });
        return host.reply(channel, input);
      },
      subscribe: (_channel: string, listener: (event: unknown) => void) => {
        host.listeners.add(listener);
        return () => host.listeners.delete(listener);
      },
    },
  };
});

const { DEFAULT_RUN_WINDOW } = await import('../../../shared/ipc/contract');
const { BridgeError } = await import('../../../renderer/bridge');
const { createTabsSlice } = await import('../../../renderer/store/tabs-slice');
const { createRunsSlice } = await import('../../../renderer/store/runs-slice');
const { createTableDataSlice } = await import('../../../renderer/store/table-data-slice');
const { resultStore } = await import('../../../renderer/features/results/app-result-store');
const { encodeResultBatch } = await import('../../../shared/result-batch/encode');
type StoreState = import('../../../renderer/store').StoreState;

const sqlConnection: OpenedConnection = {
  id: 'pg',
  serverVersion: '15',
  capabilities: {
    kind: 'sql',
    cancel: true,
    transactions: true,
    explain: true,
    databases: true,
    schemas: true,
    streaming: true,
    readOnlySessions: true,
    statementTimeout: true,
    ssl: true,
  },
};

function createTestStore(open: (id: string) => Promise<OpenedConnection | null>) {
  const notifications: { kind: string; title: string; message?: string }[] = [];
  const store = create<StoreState>()(
    (...a) =>
      ({
        activeConnectionId: 'pg',
        connections: [],
        resultMemoryMb: 3,
        notify: (n: { kind: string; title: string; message?: string }) => notifications.push(n),
        ensureConnectionOpen: open,
        ...createTabsSlice(...a),
        ...createRunsSlice(...a),
        ...createTableDataSlice(...a),
      }) as unknown as StoreState,
  );
  return { store, notifications };
}

/** One text column holding `values`. */
const textBatch = (values: string[]) => encodeResultBatch([{ kind: 'text', values }], values.length);

/** A batch event carrying rows [firstRow, firstRow + values.length) of statement 0. */
const rows = (runId: string, firstRow: number, values: string[]): QueryEvent => ({ type: 'batch', runId, index: 0, firstRow, batch: textBatch(values) });

const emit = (event: QueryEvent) => {
  for (const listener of [...host.listeners]) listener(event);
};

describe('runs slice', () => {
  beforeEach(() => {
    host.listeners.clear();
    host.calls.length = 0;
    host.reply = (channel, input) => (channel === 'query/run' ? { runId: input.runId, statements: 1 } : { cancelled: true });
  });

  it('runs on the active connection, sends the editor offset and routes events by runId', async () => {
    const { store } = createTestStore(async () => sqlConnection);
    const tabId = store.getState().openTab({ title: 'q', connectionId: null, sql: 'select 1;\nselect 2' });
    await store.getState().runTab(tabId, { sql: 'select 2', offset: 10 });

    const run = host.calls.find((c) => c.channel === 'query/run')!;
    expect(run.input).toMatchObject({ connectionId: 'pg', sql: 'select 2', baseOffset: 10, window: DEFAULT_RUN_WINDOW, memoryBudgetBytes: 3 * 1024 * 1024 });
    const runId = run.input.runId as string;
    expect(store.getState().runs[tabId].phase).toBe('starting');

    emit({ type: 'statement-start', runId, index: 0, sql: 'select 2', offset: 10 });
    emit({ type: 'columns', runId, index: 0, columns: [{ name: 'n', dataType: 'int4', category: 'number' }] });
    emit(rows(runId, 0, ['2']));
    emit(rows('someone-else', 0, ['x']));
    emit({ type: 'statement-end', runId, index: 0, rowCount: 1, affectedRows: null, command: 'SELECT', durationMs: 1 });
    emit({ type: 'run-end', runId, status: 'ok', durationMs: 2, statements: 1, schemaChanged: false });

    const state = store.getState().runs[tabId];
    expect(state.phase).toBe('ok');
    expect(state.statements[0]).toMatchObject({ hasColumns: true, rowCount: 1, command: 'SELECT' });
    expect(resultStore.get(runId, 0)?.getRow(0)).toEqual(['2']);
    expect(resultStore.get('someone-else', 0)).toBeUndefined();
    expect(host.listeners.size).toBe(0);
  });

  it('acknowledges rows batches once they are stored, one ack for the batches of one task, none after the run ended', async () => {
    const { store } = createTestStore(async () => sqlConnection);
    const tabId = store.getState().openTab({ title: 'q', connectionId: 'pg', sql: 'select 1' });
    await store.getState().runTab(tabId, { sql: 'select 1', offset: 0 });
    const runId = store.getState().runs[tabId].runId;
    const acks = () => host.calls.filter((c) => c.channel === 'query/ack').map((c) => c.input);
    emit({ type: 'statement-start', runId, index: 0, sql: 'select 1', offset: 0 });
    emit(rows(runId, 0, ['1']));
    emit(rows(runId, 1, ['2']));
    emit(rows('someone-else', 0, ['x']));
    expect(acks()).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(acks()).toEqual([{ runId, batches: 2 }]);
    expect(resultStore.get(runId, 0)?.rowCount).toBe(2);

    emit(rows(runId, 2, ['3']));
    emit({ type: 'statement-end', runId, index: 0, rowCount: 3, affectedRows: null, command: 'SELECT', durationMs: 1 });
    emit({ type: 'run-end', runId, status: 'ok', durationMs: 2, statements: 1, schemaChanged: false });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(acks()).toEqual([{ runId, batches: 2 }]);
  });

  it('keeps rows that arrive in memory and pages spooled rows in from the host with query/page', async () => {
    const { store } = createTestStore(async () => sqlConnection);
    // The host's spool: rows 2..4 as one stored batch.
    const page: ResultPage = { batches: [{ firstRow: 2, batch: textBatch(['c', 'd', 'e']) }] };
    host.reply = (channel, input) => {
      if (channel === 'query/run') return { runId: input.runId, statements: 1 };
      return channel === 'query/page' ? page : {};
    };
    const tabId = store.getState().openTab({ title: 'q', connectionId: 'pg', sql: 'select 1' });
    await store.getState().runTab(tabId, { sql: 'select 1', offset: 0 });
    const runId = store.getState().runs[tabId].runId;
    emit({ type: 'statement-start', runId, index: 0, sql: 'select 1', offset: 0 });
    emit({ type: 'columns', runId, index: 0, columns: [{ name: 'v', dataType: 'text', category: 'text' }] });
    emit(rows(runId, 0, ['a', 'b']));
    emit({ type: 'spooled', runId, index: 0, spooledFrom: 2, rowCount: 4 });
    emit({ type: 'statement-end', runId, index: 0, rowCount: 5, affectedRows: null, command: 'SELECT', durationMs: 1 });

    const result = resultStore.get(runId, 0)!;
    expect([result.rowCount, result.memoryRowCount, result.spooledFrom]).toEqual([5, 2, 2]);
    expect(result.getRow(1)).toEqual(['b']);
    expect(result.getRow(4)).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(host.calls.filter((c) => c.channel === 'query/page').map((c) => c.input)).toEqual([{ runId, index: 0, fromRow: 2, rowCount: 3 }]);
    expect(result.getRows(0, 5)).toEqual([['a'], ['b'], ['c'], ['d'], ['e']]);
    // Only batch events spend credit; spooled rows need none.
    expect(host.calls.filter((c) => c.channel === 'query/ack').map((c) => c.input)).toEqual([{ runId, batches: 1 }]);
  });

  it("asks the host to discard a run's spool when its results are freed, by a new run or by closing the tab", async () => {
    const { store } = createTestStore(async () => sqlConnection);
    const tabId = store.getState().openTab({ title: 'q', connectionId: 'pg', sql: 'select 1' });
    await store.getState().runTab(tabId, { sql: 'select 1', offset: 0 });
    const first = store.getState().runs[tabId].runId;
    emit({ type: 'run-end', runId: first, status: 'ok', durationMs: 1, statements: 1, schemaChanged: false });
    const discards = () => host.calls.filter((c) => c.channel === 'query/discard').map((c) => c.input);
    expect(discards()).toEqual([]);

    await store.getState().runTab(tabId, { sql: 'select 1', offset: 0 });
    const second = store.getState().runs[tabId].runId;
    expect(discards()).toEqual([{ runId: first }]);
    emit({ type: 'run-end', runId: second, status: 'ok', durationMs: 1, statements: 1, schemaChanged: false });
    store.getState().closeTab(tabId);
    expect(discards()).toEqual([{ runId: first }, { runId: second }]);
  });

  it('ignores a failed discard', async () => {
    host.reply = (channel, input) => {
      if (channel === 'query/discard') throw new BridgeError({ code: 'CONNECTION', message: 'The host went away.' });
      return channel === 'query/run' ? { runId: input.runId, statements: 1 } : {};
    };
    const { store, notifications } = createTestStore(async () => sqlConnection);
    const tabId = store.getState().openTab({ title: 'q', connectionId: 'pg', sql: 'select 1' });
    await store.getState().runTab(tabId, { sql: 'select 1', offset: 0 });
    const runId = store.getState().runs[tabId].runId;
    emit({ type: 'run-end', runId, status: 'ok', durationMs: 1, statements: 1, schemaChanged: false });
    store.getState().closeTab(tabId);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(host.calls.some((c) => c.channel === 'query/discard')).toBe(true);
    expect(notifications).toEqual([]);
  });

  it('shows a run that the host refused in Messages and as a toast', async () => {
    host.reply = (channel) => {
      if (channel === 'query/run') throw new BridgeError({ code: 'INVALID_INPUT', message: 'The SQL text is too long.' });
      return {};
    };
    const { store, notifications } = createTestStore(async () => sqlConnection);
    const tabId = store.getState().openTab({ title: 'q', connectionId: 'pg', sql: 'select 1' });
    await store.getState().runTab(tabId, { sql: 'select 1', offset: 0 });
    const run = store.getState().runs[tabId];
    expect(run.phase).toBe('error');
    expect(run.startError).toMatchObject({ code: 'INVALID_INPUT', message: 'The SQL text is too long.' });
    expect(notifications.map((n) => n.message)).toContain('The SQL text is too long.');
    expect(host.listeners.size).toBe(0);
  });

  it('does not reach the host when the connection cannot be opened', async () => {
    const { store } = createTestStore(async () => null);
    const tabId = store.getState().openTab({ title: 'q', connectionId: 'pg', sql: 'select 1' });
    await store.getState().runTab(tabId, { sql: 'select 1', offset: 0 });
    expect(store.getState().runs[tabId].startError?.code).toBe('CONNECTION');
    expect(host.calls.some((c) => c.channel === 'query/run')).toBe(false);
  });

  it('cancels a run that is still opening its connection without asking the host', async () => {
    let finishOpening: (opened: OpenedConnection) => void = () => {};
    const { store } = createTestStore(() => new Promise((resolve) => (finishOpening = resolve)));
    const tabId = store.getState().openTab({ title: 'q', connectionId: 'pg', sql: 'select 1' });
    const running = store.getState().runTab(tabId, { sql: 'select 1', offset: 0 });
    await store.getState().cancelRun(tabId);
    expect(store.getState().runs[tabId].phase).toBe('cancelled');
    finishOpening(sqlConnection);
    await running;
    expect(host.calls.map((c) => c.channel)).toEqual([]);
  });

  it('asks the host to cancel a streaming run and frees its rows when the tab closes', async () => {
    const { store } = createTestStore(async () => sqlConnection);
    const tabId = store.getState().openTab({ title: 'q', connectionId: 'pg', sql: 'select 1' });
    await store.getState().runTab(tabId, { sql: 'select 1', offset: 0 });
    const runId = store.getState().runs[tabId].runId;
    emit({ type: 'statement-start', runId, index: 0, sql: 'select 1', offset: 0 });
    emit(rows(runId, 0, ['1']));
    await store.getState().cancelRun(tabId);
    expect(host.calls.filter((c) => c.channel === 'query/cancel')).toEqual([{ channel: 'query/cancel', input: { runId } }]);
    expect(store.getState().runs[tabId].cancelRequested).toBe(true);

    store.getState().closeTab(tabId);
    expect(store.getState().runs[tabId]).toBeUndefined();
    expect(resultStore.get(runId, 0)).toBeUndefined();
    emit(rows(runId, 1, ['late']));
    expect(resultStore.get(runId, 0)).toBeUndefined();
  });

  it('frees the previous run of a tab when it runs again', async () => {
    const { store } = createTestStore(async () => sqlConnection);
    const tabId = store.getState().openTab({ title: 'q', connectionId: 'pg', sql: 'select 1' });
    await store.getState().runTab(tabId, { sql: 'select 1', offset: 0 });
    const first = store.getState().runs[tabId].runId;
    emit(rows(first, 0, ['1']));
    emit({ type: 'run-end', runId: first, status: 'ok', durationMs: 1, statements: 1, schemaChanged: false });
    await store.getState().runTab(tabId, { sql: 'select 1', offset: 0 });
    expect(resultStore.get(first, 0)).toBeUndefined();
    expect(store.getState().runs[tabId].runId).not.toBe(first);
  });

  it('asks for a connection instead of running without one', async () => {
    const { store, notifications } = createTestStore(async () => sqlConnection);
    store.setState({ activeConnectionId: null });
    const tabId = store.getState().openTab({ title: 'q', connectionId: null, sql: 'select 1' });
    await store.getState().runTab(tabId, { sql: 'select 1', offset: 0 });
    expect(store.getState().runs[tabId]).toBeUndefined();
    expect(notifications[0].title).toBe('Choose a connection first');
  });
});

describe('tabs slice', () => {
  it('opens tabs on the active connection, activates the neighbour on close and reopens closed tabs', () => {
    const { store } = createTestStore(async () => sqlConnection);
    const first = store.getState().newTab();
    const second = store.getState().newTab();
    const third = store.getState().newTab();
    expect(store.getState().tabs.map((t) => [t.title, t.connectionId])).toEqual([
      ['Query 1', 'pg'],
      ['Query 2', 'pg'],
      ['Query 3', 'pg'],
    ]);
    store.getState().updateTabSql(second, 'select 2', 8);
    store.getState().setActiveTab(second);
    store.getState().closeTab(second);
    expect(store.getState().activeTabId).toBe(third);
    store.getState().closeTab(third);
    expect(store.getState().activeTabId).toBe(first);
    store.getState().reopenClosedTab();
    store.getState().reopenClosedTab();
    expect(store.getState().tabs.map((t) => t.id)).toEqual([first, third, second]);
    expect(store.getState().tabs[2].sql).toBe('select 2');
    expect(store.getState().activeTabId).toBe(second);
  });

  it('keeps titles non-empty and within the limit when renaming', () => {
    const { store } = createTestStore(async () => sqlConnection);
    const id = store.getState().newTab();
    store.getState().renameTab(id, '   ');
    expect(store.getState().tabs[0].title).toBe('Query 1');
    store.getState().renameTab(id, ` ${'n'.repeat(300)} `);
    expect(store.getState().tabs[0].title).toHaveLength(200);
  });
});
