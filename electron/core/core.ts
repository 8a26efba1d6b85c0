import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { EventChannel, EventPayloads, PickFileKind } from '../../shared/ipc/contract';
import type { InvokeResult } from '../../shared/ipc/wire';
import { createActivityHandlers } from './activity/activity-handlers';
import { AppQueryLog } from './activity/app-query-log';
import { createDriverRegistry } from './drivers/registry';
import { openAppDatabase } from './history/app-database';
import { lazyAppDatabase } from './history/lazy-app-database';
import { createHost, type Handlers } from './host';
import { PoolManager } from './pool/pool-manager';
import { DEFAULT_SPOOL_PARENT, SpoolDirectory } from './results/spool-directory';
import { SpoolRegistry } from './results/spool-registry';
import { createAppHandlers, prepareStartupConnections } from './services/app-service';
import type { ClientContext } from './services/client-context';
import { ConnectionSecrets } from './services/connection-secrets';
import { ConnectionService } from './services/connection-service';
import { ConnectionStore } from './services/connection-store';
import { ExplainService } from './services/explain-service';
import { HistoryService } from './services/history-service';
import { ImportService } from './services/import-service';
import { QueryService } from './services/query-service';
import { createSavedQueryHandlers } from './services/saved-query-service';
import { SchemaService } from './services/schema-service';
import { TableDataService } from './services/table-data-service';
import { createVaultHandlers } from './services/vault-service';
import { createWorkspaceHandlers } from './services/workspace-service';
import { Vault } from './vault/vault';

export interface CoreOptions {
  /** All app data lives here; created with mode 0700 when missing. */
  dataDir: string;
  /** Holds sample/strata-sample.sqlite (the repository's resources/ in development). */
  resourcesDir: string;
  /** The bundled SQLite worker, out/main/sqlite-worker.cjs. */
  sqliteWorkerPath: string;
  /** better-sqlite3's .node built for Electron; undefined under Node. */
  sqliteNativeBinding?: string;
  host: 'electron' | 'web';
  version: string;
  /** A SQLite file named on the command line: opened first. */
  initialFile?: string;
  /** A native file dialog (Electron only). */
  pickFile?: (kind: PickFileKind) => Promise<string | null>;
  /** Never given secrets. */
  log?: (line: string) => void;
  /** How many of the statements Strata sent on its own behalf are kept; DEFAULT_APP_QUERY_CAPACITY when absent. */
  appQueryCapacity?: number;
  /**
   * Holds one directory per running core (mode 0700) for results larger than the client's memory
   * budget; DEFAULT_SPOOL_PARENT (the system temp directory's strata-spool) when absent.
   */
  spoolDir?: string;
}

export interface CoreClient {
  readonly id: string;
  invoke(channel: unknown, input: unknown): Promise<InvokeResult>;
  /** Cancels this client's running queries and deletes its spooled results; later events to it are dropped. */
  close(): void;
}

export interface Core {
  /** One client per window (Electron) or per WebSocket (headless host). */
  connectClient(emit: (channel: EventChannel, payload: unknown) => void): CoreClient;
  /** Cancels runs, deletes spooled results, closes pools and workers, locks the vault. */
  dispose(): Promise<void>;
}

/** The whole back end, free of Electron: the host routes each client's calls to the services. */
export async function createCore(options: CoreOptions): Promise<Core> {
  const log = options.log ?? (() => undefined);
  await mkdir(options.dataDir, { recursive: true, mode: 0o700 });

  const clients = new Map<string, ClientContext>();
  const broadcast = <E extends EventChannel>(channel: E, payload: EventPayloads[E]) => {
    for (const client of clients.values()) client.emit(channel, payload);
  };

  const vault = new Vault(join(options.dataDir, 'vault.strata'));
  const store = await ConnectionStore.open(join(options.dataDir, 'connections.json'), log);
  const registry = createDriverRegistry({ sqliteWorkerPath: options.sqliteWorkerPath, sqliteNativeBinding: options.sqliteNativeBinding });

  const appQueries = new AppQueryLog(options.appQueryCapacity);
  let schema: SchemaService | null = null;
  const pools = new PoolManager({
    onState: (event) => {
      if (event.state !== 'open') schema?.invalidate(event.id);
      broadcast('connection/state', event);
    },
  });
  const connections = new ConnectionService({
    store,
    secrets: new ConnectionSecrets(vault),
    registry,
    pools,
    appQueries,
    pickFile: options.pickFile,
    onChanged: (id) => schema?.invalidate(id),
    log,
  });
  const openDriver = (id: string) => connections.openDriver(id);
  schema = new SchemaService({ openDriver });
  const appDatabase = lazyAppDatabase(() => openAppDatabase({ dataDir: options.dataDir, nativeBinding: options.sqliteNativeBinding, log }));
  const history = new HistoryService({ database: appDatabase, log });
  const spools = new SpoolRegistry(await SpoolDirectory.open(options.spoolDir ?? DEFAULT_SPOOL_PARENT, log));
  const queries = new QueryService({
    openDriver,
    retain: (id) => pools.retain(id),
    onSchemaChanged: (id) => schema?.invalidate(id),
    spools,
    recordHistory: history.record,
    log,
  });
  const explains = new ExplainService({
    openDriver,
    retain: (id) => pools.retain(id),
    log,
    onAppQuery: (id, engine, report) => appQueries.record(id, engine, report),
  });
  const imports = new ImportService({
    openDriver,
    retain: (id) => pools.retain(id),
    log,
    onAppQuery: (id, engine, report) => appQueries.record(id, engine, report),
  });

  const tableData = new TableDataService({ openDriver, retain: (id) => pools.retain(id), log });

  const startup = await prepareStartupConnections({
    dataDir: options.dataDir,
    resourcesDir: options.resourcesDir,
    initialFile: options.initialFile,
    store,
    openFile: (path) => connections.openFile(path, null),
    log,
  });

  const handlers: Handlers = {
    ...createAppHandlers({
      version: options.version,
      host: options.host,
      os: process.platform,
      sampleConnectionId: startup.sampleConnectionId,
      initialConnectionId: startup.initialConnectionId,
      canPickFiles: options.pickFile !== undefined,
    }),
    ...createVaultHandlers(vault),
    ...connections.handlers,
    ...schema.handlers,
    ...queries.handlers,
    ...explains.handlers,
    ...imports.handlers,
    ...tableData.handlers,
    ...history.handlers,
    ...createSavedQueryHandlers(appDatabase),
    ...createWorkspaceHandlers(join(options.dataDir, 'workspace.json'), log),
    ...createActivityHandlers(appQueries),
  };
  const host = createHost(handlers, log);
  let disposed = false;

  return {
    connectClient(emit) {
      const id = randomUUID();
      let closed = false;
      const context: ClientContext = {
        id,
        emit(channel, payload) {
          if (closed) return;
          try {
            emit(channel, payload);
          } catch (error) {
            log(`Could not deliver a ${channel} event: ${error instanceof Error ? error.message : String(error)}`);
          }
        },
      };
      clients.set(id, context);
      return {
        id,
        invoke(channel, input) {
          if (closed || disposed) {
            return Promise.resolve({ ok: false, error: { code: 'CONNECTION', message: 'Strata is shutting down or this window was closed. Reload to reconnect.' } });
          }
          return host.invoke(channel, input, context);
        },
        close() {
          if (closed) return;
          closed = true;
          clients.delete(id);
          explains.closeClient(id);
          queries.closeClient(id).catch((error: unknown) =>
            log(`Closing a client's results failed: ${error instanceof Error ? error.message : String(error)}`),
          );
          imports.closeClient(id).catch((error: unknown) =>
            log(`Rolling back a closed client's imports failed: ${error instanceof Error ? error.message : String(error)}`),
          );
        },
      };
    },
    async dispose() {
      if (disposed) return;
      disposed = true;
      explains.cancelAll();
      await queries.cancelAll();
      await spools.dispose();
      clients.clear();
      await imports.abortAll();
      await pools.closeAll();
      appDatabase.close();
      vault.lock();
    },
  };
}
