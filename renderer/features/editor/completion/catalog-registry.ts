import type { Engine } from '../../../../shared/model/connection';
import { api } from '../../../bridge';
import { useStore } from '../../../store';
import { catalogLayoutFor } from './catalog-layout';
import { catalogMayBeStale } from './catalog-staleness';
import { channelSource } from './channel-source';
import { CompletionCatalog } from './completion-catalog';

type SqlEngine = 'postgres' | 'mysql' | 'sqlite';

export function isSqlEngine(engine: Engine | null | undefined): engine is SqlEngine {
  return engine === 'postgres' || engine === 'mysql' || engine === 'sqlite';
}

/** One completion catalog per open SQL connection, dropped whenever its schema may have changed. */
const catalogs = new Map<string, CompletionCatalog>();

/**
 * The connection's catalog, created on first use. Null when the connection is not a SQL one or is not
 * open: completion never opens a connection (that could ask for the vault in the middle of typing).
 */
export function completionCatalog(connectionId: string): CompletionCatalog | null {
  const state = useStore.getState();
  const profile = state.connections.find((connection) => connection.id === connectionId);
  if (!profile || !isSqlEngine(profile.engine) || !state.opened[connectionId]) return null;
  let catalog = catalogs.get(connectionId);
  if (!catalog) {
    const layout = catalogLayoutFor({ engine: profile.engine, database: profile.database });
    catalog = new CompletionCatalog(channelSource(api.invoke, connectionId), layout);
    catalogs.set(connectionId, catalog);
  }
  return catalog;
}

let watching = false;

/** Drops catalogs when a run changed the schema (DDL) or the store shows a change; starts once. */
export function watchCompletionCatalogs(): void {
  if (watching) return;
  watching = true;
  api.subscribe('query/event', (event) => {
    if (event.type !== 'run-end' || !event.schemaChanged) return;
    const run = Object.values(useStore.getState().runs).find((candidate) => candidate.runId === event.runId);
    if (run) catalogs.delete(run.connectionId);
  });
  useStore.subscribe((state, previous) => {
    for (const connectionId of [...catalogs.keys()]) {
      if (catalogMayBeStale(state, previous, connectionId)) catalogs.delete(connectionId);
    }
  });
}
