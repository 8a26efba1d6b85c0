import type { Engine } from '../../../shared/model/connection';
import { useStore } from '../../store';
import { effectiveConnectionId } from './editor-commands';
import { tabIdOfModel } from './editor-models';
import type { monaco } from './monaco-setup';

export interface TabConnection {
  connectionId: string | null;
  engine: Engine | null;
  /** As the server reported it when the connection opened; null while it is not open. */
  serverVersion: string | null;
}

/** The connection a tab's editor model runs on (its own, else the active one), or null for a model that is no tab's. */
export function tabConnectionOf(model: monaco.editor.ITextModel): TabConnection | null {
  const tabId = tabIdOfModel(model);
  const state = useStore.getState();
  const tab = tabId === null ? undefined : state.tabs.find((candidate) => candidate.id === tabId);
  if (!tab) return null;
  const connectionId = effectiveConnectionId(tab.connectionId, state.activeConnectionId);
  const engine = state.connections.find((connection) => connection.id === connectionId)?.engine ?? null;
  const serverVersion = connectionId === null ? null : (state.opened[connectionId]?.serverVersion ?? null);
  return { connectionId, engine, serverVersion };
}
