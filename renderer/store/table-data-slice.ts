import type { StateCreator } from 'zustand';
import type { Cell } from '../../shared/model/query';
import type { TableTabTarget } from '../../shared/model/workspace';
import type { ResultBatch } from '../../shared/result-batch/format';
import { BatchReader } from '../../shared/result-batch/read';
import { MAX_TABLE_PAGE_ROWS, type TableApplyResult, type TableColumn, type TableEstimate, type TableFilter, type TableSort } from '../../shared/sql/table-query';
import { api } from '../bridge';
import { hasEdits, NO_EDITS, toChanges, type PendingEdits } from '../features/table-data/pending-edits';
import type { StoreState } from './index';

/** The rows per page a table view offers; the first is where a session starts. */
export const TABLE_PAGE_SIZES = [100, 500, 1000, MAX_TABLE_PAGE_ROWS] as const;

export interface LoadedTablePage {
  columns: TableColumn[];
  keyColumns: string[];
  readOnlyReason: string | null;
  rows: Cell[][];
  /** SQLite: `row * columns.length + column` of each blob (see LoadedRows). */
  blobCells?: ReadonlySet<number>;
  offset: number;
  hasMore: boolean;
}

export type ApplyFailure = Extract<TableApplyResult, { status: 'rolled-back' }>;

/** One table-data tab's state: what is asked for, what was loaded, and the edits not yet applied. */
export interface TableView {
  target: TableTabTarget;
  filters: TableFilter[];
  sort: TableSort[];
  offset: number;
  /** Rows per page. */
  limit: number;
  page: LoadedTablePage | null;
  loading: boolean;
  loadError: string | null;
  estimate: TableEstimate | null;
  edits: PendingEdits;
  applying: boolean;
  /** The last apply rolled back: which change failed, and why. The edits are kept. */
  applyFailure: ApplyFailure | null;
  /** The last apply could not run at all (refused, or the connection failed). */
  applyError: string | null;
}

export interface TableDataSlice {
  tableViews: Record<string, TableView>;
  /** Rows per page of the page-size choice made last in this session; new views start with it. */
  tablePageSize: number;
  /** Loads the tab's first page (once), with the filters it was opened with. */
  openTableView: (tabId: string, target: TableTabTarget, filters?: TableFilter[]) => void;
  /** Reloads the page (and count) for new filters, sort or offset; refused while edits are pending. */
  queryTableView: (tabId: string, change: Partial<Pick<TableView, 'filters' | 'sort' | 'offset'>>) => Promise<void>;
  /** Shows `limit` rows per page from the page holding the current first row, and remembers the choice for the session. */
  setTablePageSize: (tabId: string, limit: number) => Promise<void>;
  setTableEdits: (tabId: string, edits: PendingEdits) => void;
  discardTableEdits: (tabId: string) => void;
  applyTableEdits: (tabId: string) => Promise<void>;
  forgetTableView: (tabId: string) => void;
}

function decodeRows(page: { batches: ResultBatch[] }): Cell[][] {
  return page.batches.flatMap((batch) => new BatchReader(batch).rows());
}

export const createTableDataSlice: StateCreator<StoreState, [], [], TableDataSlice> = (set, get) => {
  const update = (tabId: string, change: Partial<TableView>) =>
    set((state) => {
      const view = state.tableViews[tabId];
      return view ? { tableViews: { ...state.tableViews, [tabId]: { ...view, ...change } } } : {};
    });

  async function load(tabId: string, withCount: boolean): Promise<void> {
    const view = get().tableViews[tabId];
    if (!view) return;
    const { target, filters, sort, offset, limit } = view;
    update(tabId, { loading: true, loadError: null });
    if (withCount) {
      update(tabId, { estimate: null });
      // A count for filters the view no longer has would describe other rows.
      const stillFiltered = () => get().tableViews[tabId]?.filters === filters;
      api.invoke('table/estimate', { connectionId: target.connectionId, path: target.path, filters }).then(
        (estimate) => {
          if (stillFiltered()) update(tabId, { estimate });
        },
        () => {
          if (stillFiltered()) update(tabId, { estimate: null });
        },
      );
    }
    try {
      if (!(await get().ensureConnectionOpen(target.connectionId))) throw new Error('The connection is not open.');
      const page = await api.invoke('table/rows', { connectionId: target.connectionId, path: target.path, filters, sort, offset, limit });
      const current = get().tableViews[tabId];
      // A later request replaced this one: keep its answer instead.
      if (!current || current.filters !== filters || current.sort !== sort || current.offset !== offset || current.limit !== limit) return;
      const { columns, keyColumns, readOnlyReason, hasMore } = page;
      const loaded: LoadedTablePage = { columns, keyColumns, readOnlyReason, hasMore, offset: page.offset, rows: decodeRows(page) };
      if (page.blobCells) loaded.blobCells = new Set(page.blobCells.map(([row, column]) => row * columns.length + column));
      update(tabId, { page: loaded, loading: false, edits: NO_EDITS, applyFailure: null, applyError: null });
    } catch (error) {
      update(tabId, { loading: false, loadError: (error as Error).message });
    }
  }

  return {
    tableViews: {},
    tablePageSize: TABLE_PAGE_SIZES[0],

    openTableView: (tabId, target, filters = []) => {
      if (get().tableViews[tabId]) return;
      set((state) => ({
        tableViews: {
          ...state.tableViews,
          [tabId]: { target, filters, sort: [], offset: 0, limit: state.tablePageSize, page: null, loading: false, loadError: null, estimate: null, edits: NO_EDITS, applying: false, applyFailure: null, applyError: null },
        },
      }));
      void load(tabId, true);
    },

    queryTableView: async (tabId, change) => {
      const view = get().tableViews[tabId];
      if (!view || hasEdits(view.edits)) return;
      const filtersChanged = change.filters !== undefined;
      update(tabId, { ...change, offset: change.offset ?? (filtersChanged || change.sort ? 0 : view.offset) });
      await load(tabId, filtersChanged);
    },

    setTablePageSize: async (tabId, limit) => {
      const view = get().tableViews[tabId];
      if (!view || hasEdits(view.edits) || !Number.isSafeInteger(limit) || limit < 1 || limit > MAX_TABLE_PAGE_ROWS) return;
      set({ tablePageSize: limit });
      if (limit === view.limit) return;
      update(tabId, { limit, offset: Math.floor(view.offset / limit) * limit });
      await load(tabId, false);
    },

    setTableEdits: (tabId, edits) => update(tabId, { edits, applyFailure: null, applyError: null }),

    discardTableEdits: (tabId) => update(tabId, { edits: NO_EDITS, applyFailure: null, applyError: null }),

    applyTableEdits: async (tabId) => {
      const view = get().tableViews[tabId];
      if (!view?.page || view.applying || !hasEdits(view.edits)) return;
      const changes = toChanges(view.edits, view.page);
      update(tabId, { applying: true, applyFailure: null, applyError: null });
      try {
        const result = await api.invoke('table/apply', { connectionId: view.target.connectionId, path: view.target.path, keyColumns: view.page.keyColumns, changes });
        if (result.status === 'rolled-back') {
          update(tabId, { applying: false, applyFailure: result });
          return;
        }
        update(tabId, { applying: false, edits: NO_EDITS });
        get().notify({ kind: 'success', title: `Applied ${result.changes} change${result.changes === 1 ? '' : 's'}` });
        await load(tabId, true);
      } catch (error) {
        update(tabId, { applying: false, applyError: (error as Error).message });
      }
    },

    forgetTableView: (tabId) =>
      set((state) => {
        if (!state.tableViews[tabId]) return {};
        const tableViews = { ...state.tableViews };
        delete tableViews[tabId];
        return { tableViews };
      }),
  };
};
