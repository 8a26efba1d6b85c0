import { access } from 'node:fs/promises';
import type { AppQueryPurpose } from '../../../../shared/model/activity';
import { reportAppQuery, type AppQueryReporter } from '../../activity/app-query-report';
import { CoreError } from '../../errors';
import type { DriverConfig, Introspector, ServerInfo, SqlConnection, SqlDriver } from '../types';
import { SqliteConnection } from './connection';
import { SqliteIntrospector } from './introspector';
import { SqliteWorkerPool } from './worker-pool';
import type { CatalogParam, CatalogRow } from './worker-protocol';

const PING_QUERY = 'SELECT count(*) FROM sqlite_schema';

export interface SqliteDriverOptions {
  /** The bundled worker entry, out/main/sqlite-worker.cjs. */
  workerPath: string;
  /** better-sqlite3's native addon built for the running ABI (Electron's differs from Node's). */
  nativeBinding?: string;
}

/** A SQLite file behind a pool of worker threads, each holding its own connection to the file. */
export class SqliteDriver implements SqlDriver {
  readonly kind = 'sql';
  private readonly pool: SqliteWorkerPool;
  private readonly filePath: string;
  private readonly onAppQuery: AppQueryReporter | undefined;

  constructor(config: DriverConfig, options: SqliteDriverOptions) {
    this.filePath = config.profile.filePath;
    this.onAppQuery = config.onAppQuery;
    this.pool = new SqliteWorkerPool({
      workerPath: options.workerPath,
      filePath: config.profile.filePath,
      readOnly: config.profile.readOnly,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
  }

  async init(): Promise<ServerInfo> {
    const version = await this.pool.use(async (worker) => worker.version);
    return { version: `SQLite ${version}` };
  }

  /** Also notices a file deleted or moved away while open: its workers could still read their open handles. */
  async ping(): Promise<void> {
    const onDisk = this.filePath !== ':memory:' && !this.filePath.startsWith('file:');
    if (onDisk) {
      await access(this.filePath).catch(() => {
        throw new CoreError('NOT_FOUND', `The database file "${this.filePath}" is gone. Check whether it was moved or deleted.`);
      });
    }
    await this.catalog('health', PING_QUERY, []);
  }

  createIntrospector(): Introspector {
    return new SqliteIntrospector((sql, params) => this.catalog('introspection', sql, params));
  }

  async acquireConnection(): Promise<SqlConnection> {
    return new SqliteConnection(this.pool, await this.pool.acquire());
  }

  destroy(): Promise<void> {
    return this.pool.destroy();
  }

  /** A catalog query on a borrowed worker; the time reported is the worker's, not the wait for one. */
  private catalog(purpose: AppQueryPurpose, sql: string, params: CatalogParam[]): Promise<CatalogRow[]> {
    return this.pool.use((worker) => reportAppQuery(this.onAppQuery, purpose, sql, () => worker.catalog(sql, params), (rows) => rows.length));
  }
}
