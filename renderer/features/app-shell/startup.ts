import type { AppInfo } from '../../../shared/ipc/contract';
import type { Workspace } from '../../../shared/model/workspace';
import { api } from '../../bridge';
import { useStore } from '../../store';
import { applyWorkspace, startWorkspaceSync } from '../../store/workspace-sync';
import { watchConnectionState } from '../connections/watch-connection-state';
import { watchSchemaChanges } from '../schema-tree/watch-schema-changes';

/** How long app/info may take before the page says the host is unreachable (it keeps waiting after). */
const HOST_ANSWER_TIMEOUT_MS = 6000;

async function loadWorkspace(): Promise<{ ok: true; workspace: Workspace | null } | { ok: false }> {
  try {
    return { ok: true, workspace: await api.invoke('workspace/load', {}) };
  } catch (error) {
    useStore.getState().notify({
      kind: 'error',
      title: 'Could not restore your tabs',
      message: `${(error as Error).message} Changes made now are not saved, so the saved tabs stay intact. Reload to try again.`,
    });
    return { ok: false };
  }
}

/**
 * The start-up sequence: reach the host, load profiles, the vault status and the workspace, restore
 * tabs, start saving them, and open the first connection (a file named on the command line wins;
 * otherwise the connection active last time, else the sample).
 */
export async function startApp(): Promise<void> {
  const store = useStore.getState();
  watchConnectionState();
  watchSchemaChanges();

  const timer = window.setTimeout(() => {
    store.setHostStatus('unreachable', 'The host did not answer within a few seconds.');
  }, HOST_ANSWER_TIMEOUT_MS);
  let info: AppInfo;
  try {
    info = await api.invoke('app/info', {});
  } catch (error) {
    store.setHostStatus('unreachable', (error as Error).message);
    return;
  } finally {
    window.clearTimeout(timer);
  }
  store.setAppInfo(info);
  store.setHostStatus('ready');

  const [workspace] = await Promise.all([loadWorkspace(), store.loadConnections(), store.loadVaultStatus()]);
  applyWorkspace(workspace.ok ? workspace.workspace : null);
  if (workspace.ok) startWorkspaceSync();

  const state = useStore.getState();
  const exists = (id: string | null): id is string => id !== null && state.connections.some((c) => c.id === id);
  const fromCommandLine = info.initialConnectionId !== null && info.initialConnectionId !== info.sampleConnectionId;
  const first = fromCommandLine
    ? info.initialConnectionId
    : exists(state.activeConnectionId)
      ? state.activeConnectionId
      : info.initialConnectionId;
  if (exists(first)) await state.selectConnection(first);
}
