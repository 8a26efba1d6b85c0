import { beforeEach, describe, expect, it, vi } from 'vitest';
import { create } from 'zustand';
import type { TableRowsPage } from '../../../shared/sql/table-query';

/** The host as the bridge sees it: every call, and a page of `limit` one-column rows for table/rows. */
const host = vi.hoisted(() => ({ calls: [] as { channel: string; input: Record<string, unknown> }[] }));

vi.mock('../../../renderer/bridge', () => ({
  api: {
    invoke: async (channel: string, input: Record<string, unknown>) => {
      host.calls.push({ channel, input });
      if (channel === 'table/estimate') return { rows: 12_000, exact: true };
      const { encodeResultBatch } = await import('../../../shared/result-batch/encode');
      const limit = Number(input.limit);
      const offset = Number(input.offset);
      const values = Array.from({ length: limit }, (_, row) => String(offset + row + 1));
      const page: TableRowsPage = {
        columns: [{ name: 'id', dataType: 'integer', nullable: false, hasDefault: false, inRowKey: true, binary: false, references: null }],
        keyColumns: ['id'],
        readOnlyReason: null,
        batches: [encodeResultBatch([{ kind: 'text', values }], values.length)],
        offset,
        hasMore: true,
      };
      return page;
    },
    subscribe: () => () => undefined,
  },
}));

const { createTableDataSlice, TABLE_PAGE_SIZES } = await import('../../../renderer/store/table-data-slice');
const { addRow } = await import('../../../renderer/features/table-data/pending-edits');
type StoreState = import('../../../renderer/store').StoreState;

function createTestStore() {
  return create<StoreState>()((...a) => ({ ensureConnectionOpen: async () => true, notify: () => undefined, ...createTableDataSlice(...a) }) as unknown as StoreState);
}

const target = { connectionId: 'c', path: [{ kind: 'table' as const, name: 't' }] };
const rowRequests = () => host.calls.filter((call) => call.channel === 'table/rows').map((call) => [call.input.offset, call.input.limit]);
/** Waits until the view has a page and is not loading. */
const loaded = (store: ReturnType<typeof createTestStore>, tabId: string) =>
  vi.waitFor(() => {
    const view = store.getState().tableViews[tabId];
    if (!view?.page || view.loading) throw new Error('still loading');
  });

describe('table page size', () => {
  beforeEach(() => {
    host.calls.length = 0;
  });

  it('offers 100 to 5,000 rows a page and starts a session at 100', async () => {
    expect(TABLE_PAGE_SIZES).toEqual([100, 500, 1000, 5000]);
    const store = createTestStore();
    store.getState().openTableView('a', target);
    await loaded(store, 'a');
    expect(rowRequests()).toEqual([[0, 100]]);
    expect(store.getState().tableViews.a?.page?.rows).toHaveLength(100);
  });

  it('loads the page holding the first row shown at the new size, and new views start with the size chosen last', async () => {
    const store = createTestStore();
    store.getState().openTableView('a', target);
    await loaded(store, 'a');
    await store.getState().queryTableView('a', { offset: 1200 });
    await store.getState().setTablePageSize('a', 500);
    expect(rowRequests()).toEqual([[0, 100], [1200, 100], [1000, 500]]);
    expect(store.getState().tableViews.a?.page?.rows).toHaveLength(500);
    expect(store.getState().tableViews.a?.page?.rows[0]).toEqual(['1001']);

    store.getState().openTableView('b', target);
    await loaded(store, 'b');
    expect(rowRequests().at(-1)).toEqual([0, 500]);
    expect(store.getState().tableViews.b?.limit).toBe(500);
  });

  it('does not change the page size while edits are pending, nor to a size the host refuses', async () => {
    const store = createTestStore();
    store.getState().openTableView('a', target);
    await loaded(store, 'a');
    store.getState().setTableEdits('a', addRow(store.getState().tableViews.a?.edits ?? { cells: {}, deleted: [], inserted: [], nextNewRowId: 1 }));
    await store.getState().setTablePageSize('a', 1000);
    const view = store.getState().tableViews.a;
    store.getState().discardTableEdits('a');
    await store.getState().setTablePageSize('a', 5001);
    expect(view?.limit).toBe(100);
    expect(store.getState().tablePageSize).toBe(100);
    expect(rowRequests()).toEqual([[0, 100]]);
  });
});
