import type pg from 'pg';
import type { AppQueryPurpose } from '../../../../shared/model/activity';
import { reportAppQuery } from '../../activity/app-query-report';
import { closedDriverError, HandedOutSessions, readRetryingOnce } from '../handed-out-sessions';
import { caFileOf } from '../tls/ca-file';
import type { DriverConfig, Introspector, ServerInfo, SqlConnection, SqlDriver } from '../types';
import { cancelBackend } from './cancel';
import { PING_QUERY, SERVER_VERSION_QUERY } from './catalog-queries';
import { connectTimeoutMs, poolConfig, primaryDatabase, serverAddress } from './client-config';
import { PostgresConnection } from './connection';
import { DatabasePools } from './database-pools';
import { toCoreError, type ErrorContext } from './error-mapping';
import { PostgresIntrospector } from './introspector';
import { TypeRegistry } from './type-registry';

/** A PostgreSQL server as one profile sees it: a pool per database it touches, and the sessions handed out. */
export class PostgresDriver implements SqlDriver {
  readonly kind = 'sql';
  private readonly pools: DatabasePools;
  private readonly types: TypeRegistry;
  private readonly sessions = new HandedOutSessions<PostgresConnection>();

  constructor(private readonly config: DriverConfig) {
    this.pools = new DatabasePools((database) => poolConfig(config, database), primaryDatabase(config));
    this.types = new TypeRegistry(() => this.pools.get(), config.onAppQuery);
  }

  async init(): Promise<ServerInfo> {
    const [row] = await this.read<{ server_version: string }>('session', this.pools.primaryDatabase, SERVER_VERSION_QUERY);
    // server_version reads like "15.20 (Debian 15.20-0+deb12u1)"; the number is what users compare.
    const version = (row?.server_version ?? '').split(' ')[0];
    return { version: `PostgreSQL ${version}` };
  }

  async ping(): Promise<void> {
    await this.read('health', this.pools.primaryDatabase, PING_QUERY);
  }

  createIntrospector(): Introspector {
    return new PostgresIntrospector((database, sql, params) => this.read('introspection', database, sql, params), this.pools.primaryDatabase);
  }

  async acquireConnection(): Promise<SqlConnection> {
    const database = this.pools.primaryDatabase;
    const pool = this.pools.get(database);
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (error) {
      throw toCoreError(error, this.errorContext(database));
    }
    const session = new PostgresConnection(client, {
      types: this.types,
      errorContext: this.errorContext(database),
      isBroken: (candidate) => this.pools.isBroken(candidate),
      cancelBackend: (pid) => cancelBackend(pool, poolConfig(this.config, database), pid, this.config.onAppQuery),
      onAppQuery: this.config.onAppQuery,
      onReleased: (released) => this.sessions.forget(released),
    });
    return this.sessions.admit(session);
  }

  async destroy(): Promise<void> {
    if (!(await this.sessions.close())) return;
    await this.pools.closeAll();
  }

  /** A catalog read. A pooled client whose server went away is retried once on a fresh one. */
  private async read<Row>(purpose: AppQueryPurpose, database: string, sql: string, params: unknown[] = []): Promise<Row[]> {
    if (this.sessions.closed) throw closedDriverError();
    const context = this.errorContext(database);
    const send = async () => {
      const pool = this.pools.get(database);
      return reportAppQuery(this.config.onAppQuery, purpose, sql, async () => (await pool.query(sql, params)).rows as Row[], (rows) => rows.length);
    };
    return readRetryingOnce(send, (error) => toCoreError(error, context), () => this.sessions.closed);
  }

  private errorContext(database: string): ErrorContext {
    const { profile } = this.config;
    return {
      address: serverAddress(this.config),
      database,
      sslMode: profile.sslMode,
      caFile: caFileOf(profile),
      connectTimeoutMs: connectTimeoutMs(this.config),
      statementTimeoutMs: profile.statementTimeoutMs,
    };
  }
}
