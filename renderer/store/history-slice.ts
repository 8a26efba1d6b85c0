import type { StateCreator } from 'zustand';
import type { HistoryEntry, SavedQuery } from '../../shared/model/history';
import { api } from '../bridge';
import type { StoreState } from './index';

/** What the history panel shows: the filter and the entries that answer it, newest first. */
export interface HistoryView {
  search: string;
  /** False: only the connection the user is working on (see historyConnectionId). */
  allConnections: boolean;
  entries: HistoryEntry[];
  /** Cursor of the next, older page; null when every match is shown. */
  nextCursor: number | null;
  loading: boolean;
  /** Why the last load failed, or null. */
  problem: string | null;
  /** What the core said about the history store (it was damaged and replaced), until dismissed. */
  notice: string | null;
}

export interface HistoryFilter {
  search: string;
  allConnections: boolean;
}

export interface SaveQueryRequest {
  /** The saved query this tab came from or was last saved as: saving again under its name updates it. */
  id?: string;
  connectionId: string | null;
  name: string;
  sql: string;
}

export interface HistorySlice {
  historyOpen: boolean;
  setHistoryOpen: (open: boolean) => void;
  historyView: HistoryView;
  /** Loads the first page for the filter. Replies to earlier loads that arrive later are dropped. */
  loadHistory: (filter: HistoryFilter) => Promise<void>;
  /** Appends the next page of the current filter. */
  loadMoreHistory: () => Promise<void>;
  deleteHistoryEntry: (id: number) => Promise<void>;
  /** Deletes the history the panel shows (one connection's or all) and returns how many entries went. Throws for the dialog. */
  clearHistory: () => Promise<number>;
  dismissHistoryNotice: () => void;
  /** Asks the core, once at start, whether the history store had to be replaced, so the user hears of it without opening the panel. */
  checkHistoryNotice: () => Promise<void>;
  /** All the stored text of an entry: lists carry only the start of long statements. */
  historySql: (entry: HistoryEntry) => Promise<string>;
  openHistoryEntry: (entry: HistoryEntry) => Promise<void>;

  savedQueriesOpen: boolean;
  setSavedQueriesOpen: (open: boolean) => void;
  savedQueries: SavedQuery[];
  savedQueriesLoading: boolean;
  savedQueriesProblem: string | null;
  loadSavedQueries: () => Promise<void>;
  /** Saves and links the tab (when given) to the saved query. Throws BridgeError (duplicate name…) for the form to show. */
  saveQuery: (request: SaveQueryRequest, tabId?: string) => Promise<SavedQuery>;
  renameSavedQuery: (query: SavedQuery, name: string) => Promise<SavedQuery>;
  deleteSavedQuery: (id: string) => Promise<void>;
  /** Opens the query in a new tab named after it, on its connection (the active one for queries saved for all). */
  openSavedQuery: (query: SavedQuery) => void;
  /** Tab id → the saved query it was opened from or last saved as. */
  savedQueryOfTab: Record<string, string>;

  /** The tab the "Save query" dialog is saving; null when the dialog is closed. */
  saveQueryTabId: string | null;
  /** Opens the "Save query" dialog for a tab (the active one by default); says why not when there is nothing to save. */
  requestSaveQuery: (tabId?: string) => void;
  closeSaveQuery: () => void;
}

const PAGE_SIZE = 100;

const EMPTY_VIEW: HistoryView = {
  search: '',
  allConnections: false,
  entries: [],
  nextCursor: null,
  loading: false,
  problem: null,
  notice: null,
};

type State = StoreState & HistorySlice;

/** The connection the history filters to by default: the active tab's, else the active connection. */
export function historyConnectionId(state: Pick<StoreState, 'tabs' | 'activeTabId' | 'activeConnectionId'>): string | null {
  const tab = state.tabs.find((t) => t.id === state.activeTabId);
  return tab?.connectionId ?? state.activeConnectionId;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export const createHistorySlice: StateCreator<State, [], [], HistorySlice> = (set, get) => {
  /** Bumped by every loadHistory: a reply for an older generation is stale. */
  let generation = 0;

  const setView = (patch: Partial<HistoryView>) => set((state) => ({ historyView: { ...state.historyView, ...patch } }));

  const connectionFilter = (allConnections: boolean): string | undefined => {
    if (allConnections) return undefined;
    return historyConnectionId(get()) ?? undefined;
  };

  const takeNotice = (notice: string | null) => {
    if (!notice) return;
    setView({ notice });
    get().notify({ kind: 'error', title: 'Query history was reset', message: notice });
  };

  const linkTab = (tabId: string, queryId: string) => set((state) => ({ savedQueryOfTab: { ...state.savedQueryOfTab, [tabId]: queryId } }));

  return {
    historyOpen: false,
    setHistoryOpen: (historyOpen) => set({ historyOpen }),
    historyView: EMPTY_VIEW,

    loadHistory: async ({ search, allConnections }) => {
      const mine = ++generation;
      setView({ search, allConnections, loading: true, problem: null });
      try {
        const page = await api.invoke('history/list', { connectionId: connectionFilter(allConnections), search: search || undefined, limit: PAGE_SIZE });
        if (mine !== generation) return;
        setView({ entries: page.entries, nextCursor: page.nextCursor, loading: false });
        takeNotice(page.notice);
      } catch (error) {
        if (mine !== generation) return;
        setView({ entries: [], nextCursor: null, loading: false, problem: messageOf(error) });
      }
    },

    loadMoreHistory: async () => {
      const { search, allConnections, nextCursor, loading } = get().historyView;
      if (loading || nextCursor === null) return;
      const mine = generation;
      setView({ loading: true });
      try {
        const page = await api.invoke('history/list', {
          connectionId: connectionFilter(allConnections),
          search: search || undefined,
          before: nextCursor,
          limit: PAGE_SIZE,
        });
        if (mine !== generation) return;
        const known = new Set(get().historyView.entries.map((entry) => entry.id));
        setView({
          entries: [...get().historyView.entries, ...page.entries.filter((entry) => !known.has(entry.id))],
          nextCursor: page.nextCursor,
          loading: false,
        });
        takeNotice(page.notice);
      } catch (error) {
        if (mine !== generation) return;
        setView({ loading: false, problem: messageOf(error) });
      }
    },

    deleteHistoryEntry: async (id) => {
      try {
        await api.invoke('history/delete', { id });
        setView({ entries: get().historyView.entries.filter((entry) => entry.id !== id) });
      } catch (error) {
        get().notify({ kind: 'error', title: 'Could not delete the history entry', message: messageOf(error) });
      }
    },

    clearHistory: async () => {
      const { search, allConnections } = get().historyView;
      const { deleted } = await api.invoke('history/clear', { connectionId: connectionFilter(allConnections) });
      await get().loadHistory({ search, allConnections });
      return deleted;
    },

    dismissHistoryNotice: () => setView({ notice: null }),

    checkHistoryNotice: async () => {
      try {
        takeNotice((await api.invoke('history/list', { limit: 1 })).notice);
      } catch {
        // The panel asks again when opened, and says then what went wrong.
      }
    },

    historySql: async (entry) => {
      if (!entry.sqlPreviewOnly) return entry.sql;
      return (await api.invoke('history/get', { id: entry.id })).sql;
    },

    openHistoryEntry: async (entry) => {
      try {
        const sql = await get().historySql(entry);
        const known = get().connections.some((connection) => connection.id === entry.connectionId);
        get().openTab({ title: '', connectionId: known ? entry.connectionId : null, sql });
      } catch (error) {
        get().notify({ kind: 'error', title: 'Could not open the statement', message: messageOf(error) });
      }
    },

    savedQueriesOpen: false,
    setSavedQueriesOpen: (savedQueriesOpen) => set({ savedQueriesOpen }),
    savedQueries: [],
    savedQueriesLoading: false,
    savedQueriesProblem: null,

    loadSavedQueries: async () => {
      set({ savedQueriesLoading: true, savedQueriesProblem: null });
      try {
        set({ savedQueries: await api.invoke('saved-query/list', {}), savedQueriesLoading: false });
      } catch (error) {
        set({ savedQueriesLoading: false, savedQueriesProblem: messageOf(error) });
      }
    },

    saveQuery: async ({ id, connectionId, name, sql }, tabId) => {
      const saved = await api.invoke('saved-query/save', { id, connectionId, name, sql });
      if (tabId) linkTab(tabId, saved.id);
      void get().loadSavedQueries();
      return saved;
    },

    renameSavedQuery: async (query, name) => {
      const saved = await api.invoke('saved-query/save', { id: query.id, connectionId: query.connectionId, name, sql: query.sql });
      set((state) => ({ savedQueries: state.savedQueries.map((existing) => (existing.id === saved.id ? saved : existing)) }));
      void get().loadSavedQueries();
      return saved;
    },

    deleteSavedQuery: async (id) => {
      await api.invoke('saved-query/delete', { id });
      set((state) => ({
        savedQueries: state.savedQueries.filter((query) => query.id !== id),
        savedQueryOfTab: Object.fromEntries(Object.entries(state.savedQueryOfTab).filter(([, queryId]) => queryId !== id)),
      }));
    },

    openSavedQuery: (query) => {
      const tabId = get().openTab({ title: query.name, connectionId: query.connectionId, sql: query.sql });
      linkTab(tabId, query.id);
    },

    savedQueryOfTab: {},

    saveQueryTabId: null,
    requestSaveQuery: (tabId) => {
      const state = get();
      const tab = state.tabs.find((t) => t.id === (tabId ?? state.activeTabId));
      if (!tab) {
        state.notify({ kind: 'info', title: 'Nothing to save', message: 'Open a query tab first.' });
        return;
      }
      if (!/\S/.test(tab.sql)) {
        state.notify({ kind: 'info', title: 'Nothing to save', message: 'Write some SQL in the tab first.' });
        return;
      }
      set({ saveQueryTabId: tab.id });
    },
    closeSaveQuery: () => set({ saveQueryTabId: null }),
  };
};
