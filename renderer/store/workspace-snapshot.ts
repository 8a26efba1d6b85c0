import { editorTabSchema, type EditorTab, type Theme, type Workspace } from '../../shared/model/workspace';

export const MAX_SAVED_TABS = 200;

export interface WorkspaceSource {
  tabs: readonly EditorTab[];
  activeTabId: string | null;
  activeConnectionId: string | null;
  theme: Theme;
}

/**
 * What workspace/save receives: the open tabs in order, within the limits the host accepts, so one odd
 * tab can never make the whole save fail. A tab whose text is over the limit is left out.
 */
export function toWorkspace(source: WorkspaceSource): Workspace {
  const tabs = source.tabs.filter((tab) => editorTabSchema.safeParse(tab).success).slice(0, MAX_SAVED_TABS);
  const activeTabId = tabs.some((tab) => tab.id === source.activeTabId) ? source.activeTabId : (tabs[0]?.id ?? null);
  return { tabs: tabs.map((tab) => ({ ...tab })), activeTabId, activeConnectionId: source.activeConnectionId, theme: source.theme };
}

/** The saved tabs as they reopen: a tab whose connection no longer exists falls back to the active one. */
export function restoredTabs(workspace: Workspace, connectionIds: ReadonlySet<string>): EditorTab[] {
  return workspace.tabs.map((tab) =>
    tab.connectionId !== null && !connectionIds.has(tab.connectionId) ? { ...tab, connectionId: null } : tab,
  );
}

/** Whether a store change touches what the workspace saves. */
export function workspaceChanged(next: WorkspaceSource, previous: WorkspaceSource): boolean {
  return (
    next.tabs !== previous.tabs ||
    next.activeTabId !== previous.activeTabId ||
    next.activeConnectionId !== previous.activeConnectionId ||
    next.theme !== previous.theme
  );
}
