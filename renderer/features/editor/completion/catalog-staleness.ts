import type { OpenedConnection } from '../../../../shared/ipc/contract';
import type { ConnectionProfile } from '../../../../shared/model/connection';
import { ROOT_KEY } from '../../schema-tree/tree-keys';
import type { SchemaTree } from '../../schema-tree/tree-model';

/** The parts of the store that say whether a connection's names may have changed. */
export interface CatalogSignals {
  opened: Record<string, OpenedConnection>;
  connections: ConnectionProfile[];
  schemaTrees: Record<string, SchemaTree>;
}

/**
 * Whether a connection's names may have changed between two store states: it was opened or closed
 * again, its profile was edited, or its schema tree was cleared or its root reloaded (the tree's
 * refresh, which also follows DDL run elsewhere).
 */
export function catalogMayBeStale(state: CatalogSignals, previous: CatalogSignals, connectionId: string): boolean {
  if (state.opened[connectionId] !== previous.opened[connectionId]) return true;
  if (state.connections !== previous.connections) {
    const profile = (signals: CatalogSignals) => signals.connections.find((connection) => connection.id === connectionId);
    if (profile(state) !== profile(previous)) return true;
  }
  const tree = state.schemaTrees[connectionId];
  const before = previous.schemaTrees[connectionId];
  if (tree === before) return false;
  if (!tree) return true;
  const rootBefore = before?.children[ROOT_KEY];
  return rootBefore !== undefined && tree.children[ROOT_KEY] !== rootBefore;
}
