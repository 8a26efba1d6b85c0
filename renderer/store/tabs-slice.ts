import type { StateCreator } from 'zustand';
import type { EditorTab, TableTabTarget } from '../../shared/model/workspace';
import { nextTabTitle } from '../features/editor/tab-titles';
import type { StoreState } from './index';

export interface OpenTabRequest {
  title: string;
  connectionId: string | null;
  sql: string;
  /** Run the whole text at once. */
  run?: boolean;
  /** Open a table-data tab (browse and edit the rows) instead of an editor, e.g. "open data" from the schema tree. */
  table?: TableTabTarget;
}

export interface TabsSlice {
  tabs: EditorTab[];
  activeTabId: string | null;
  /** Opens a tab, makes it active and returns its id. */
  openTab: (t: OpenTabRequest) => string;
  /** A new empty tab on the active connection (the + button, Ctrl/Cmd+T). */
  newTab: () => string;
  /** Closes without asking; the tab can come back with reopenClosedTab. */
  closeTab: (id: string) => void;
  /** Tabs closed in this session, most recent last (Ctrl/Cmd+Shift+T brings them back). */
  closedTabs: EditorTab[];
  reopenClosedTab: () => void;
  setActiveTab: (id: string) => void;
  updateTabSql: (id: string, sql: string, cursorOffset: number) => void;
  setTabConnection: (id: string, connectionId: string | null) => void;
  renameTab: (id: string, title: string) => void;
  /** Replaces every tab, as restoring a saved workspace does. */
  replaceTabs: (tabs: EditorTab[], activeTabId: string | null) => void;
}

const MAX_TITLE_LENGTH = 200;
const MAX_CLOSED_TABS = 20;

function newTabId(): string {
  return `tab-${crypto.randomUUID()}`;
}

export const createTabsSlice: StateCreator<StoreState, [], [], TabsSlice> = (set, get) => ({
  tabs: [],
  activeTabId: null,

  openTab: ({ title, connectionId, sql, run = false, table }) => {
    const id = newTabId();
    const tab: EditorTab = {
      id,
      title: (title.trim() || nextTabTitle(get().tabs)).slice(0, MAX_TITLE_LENGTH),
      connectionId,
      sql,
      cursorOffset: 0,
      ...(table ? { table } : {}),
    };
    set((state) => ({ tabs: [...state.tabs, tab], activeTabId: id }));
    if (run && !table) void get().runTab(id, { sql, offset: 0 });
    return id;
  },

  newTab: () => get().openTab({ title: nextTabTitle(get().tabs), connectionId: get().activeConnectionId, sql: '' }),

  closeTab: (id) => {
    const { tabs, activeTabId } = get();
    const index = tabs.findIndex((tab) => tab.id === id);
    if (index === -1) return;
    get().discardRun(id);
    get().forgetTableView(id);
    const remaining = tabs.filter((tab) => tab.id !== id);
    const neighbour = remaining[Math.min(index, remaining.length - 1)] ?? null;
    set((state) => ({
      tabs: remaining,
      activeTabId: activeTabId === id ? (neighbour?.id ?? null) : activeTabId,
      closedTabs: [...state.closedTabs, tabs[index]].slice(-MAX_CLOSED_TABS),
    }));
  },

  closedTabs: [],
  reopenClosedTab: () => {
    const closed = get().closedTabs;
    const tab = closed.at(-1);
    if (!tab) return;
    set((state) => ({ tabs: [...state.tabs, tab], activeTabId: tab.id, closedTabs: closed.slice(0, -1) }));
  },

  setActiveTab: (id) => {
    if (get().tabs.some((tab) => tab.id === id)) set({ activeTabId: id });
  },

  updateTabSql: (id, sql, cursorOffset) => {
    const current = get().tabs.find((tab) => tab.id === id);
    if (!current || (current.sql === sql && current.cursorOffset === cursorOffset)) return;
    set((state) => ({ tabs: state.tabs.map((tab) => (tab.id === id ? { ...tab, sql, cursorOffset } : tab)) }));
  },

  setTabConnection: (id, connectionId) =>
    set((state) => ({ tabs: state.tabs.map((tab) => (tab.id === id ? { ...tab, connectionId } : tab)) })),

  renameTab: (id, title) => {
    const trimmed = title.trim().slice(0, MAX_TITLE_LENGTH);
    if (!trimmed) return;
    set((state) => ({ tabs: state.tabs.map((tab) => (tab.id === id ? { ...tab, title: trimmed } : tab)) }));
  },

  replaceTabs: (tabs, activeTabId) => {
    for (const tab of get().tabs) get().discardRun(tab.id);
    const active = tabs.some((tab) => tab.id === activeTabId) ? activeTabId : (tabs[0]?.id ?? null);
    set({ tabs, activeTabId: active });
  },
});
