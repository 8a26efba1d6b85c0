import type { Workspace } from '../../shared/model/workspace';
import { api } from '../bridge';
import { useStore } from './index';
import { toStrataError } from './runs-slice';
import { createSaveScheduler } from './save-scheduler';
import { DEFAULT_RESULT_MEMORY_MB, type UiSlice } from './ui-slice';
import { restoredTabs, toWorkspace, workspaceChanged, type WorkspaceSource } from './workspace-snapshot';

const SAVE_DELAY_MS = 400;
const SAVE_MAX_WAIT_MS = 3000;

/**
 * Restores the saved tabs, the active tab, the theme and the settings. With nothing saved (first
 * start) it opens one empty tab, which follows the active connection until the user picks another.
 */
export function applyWorkspace(workspace: Workspace | null): void {
  const state = useStore.getState();
  if (!workspace) {
    if (state.tabs.length === 0) state.newTab();
    return;
  }
  const connectionIds = new Set(state.connections.map((connection) => connection.id));
  state.replaceTabs(restoredTabs(workspace, connectionIds), workspace.activeTabId);
  state.setTheme(workspace.theme);
  state.setResultMemoryMb(workspace.resultMemoryMb ?? DEFAULT_RESULT_MEMORY_MB);
  const savedConnection = workspace.activeConnectionId;
  if (state.activeConnectionId === null && savedConnection !== null && connectionIds.has(savedConnection)) {
    state.setActiveConnection(savedConnection);
  }
}

type SyncedState = WorkspaceSource & Pick<UiSlice, 'resultMemoryMb'>;

/** The workspace to save: tabs and theme (workspace-snapshot) plus the settings. */
function workspaceOf(state: SyncedState): Workspace {
  return { ...toWorkspace(state), resultMemoryMb: state.resultMemoryMb };
}

function changed(next: SyncedState, previous: SyncedState): boolean {
  return workspaceChanged(next, previous) || next.resultMemoryMb !== previous.resultMemoryMb;
}

/**
 * Saves the workspace ~400 ms after the tabs, the active tab or connection, the theme or a setting
 * change, and at once when the page is hidden or unloaded. Returns the function that stops it.
 */
export function startWorkspaceSync(): () => void {
  const scheduler = createSaveScheduler<Workspace>({
    delayMs: SAVE_DELAY_MS,
    maxWaitMs: SAVE_MAX_WAIT_MS,
    save: async (workspace) => {
      await api.invoke('workspace/save', { workspace });
    },
    onError: (error) =>
      useStore.getState().notify({
        kind: 'error',
        title: 'Could not save the open tabs',
        message: `${toStrataError(error).message} Your tabs stay open; Strata tries again on the next change.`,
      }),
  });

  const unsubscribe = useStore.subscribe((state, previous) => {
    if (changed(state, previous)) scheduler.schedule(workspaceOf(state));
  });
  const flush = () => void scheduler.flush();
  const flushWhenHidden = () => {
    if (document.visibilityState === 'hidden') flush();
  };
  window.addEventListener('beforeunload', flush);
  document.addEventListener('visibilitychange', flushWhenHidden);

  return () => {
    unsubscribe();
    window.removeEventListener('beforeunload', flush);
    document.removeEventListener('visibilitychange', flushWhenHidden);
    void scheduler.flush().finally(() => scheduler.dispose());
  };
}
