import mysql, { type Pool, type PoolConnection } from 'mysql2';
import type { AppQueryPurpose } from '../../../../shared/model/activity';
import { reportAppQuery } from '../../activity/app-query-report';
import { closedDriverError, HandedOutSessions, readRetryingOnce } from '../handed-out-sessions';
import { caFileOf } from '../tls/ca-file';
import type { DriverConfig, Introspector, ServerInfo, SqlConnection, SqlDriver } from '../types';
import { killQuery } from './cancel';
import { PING_QUERY, VERSION_QUERY } from './catalog-queries';
import { catalogSupport } from './catalog-support';
import { connectionOptions, connectTimeoutMs, poolOptions, profileDatabase, serverAddress } from './client-config';
import { MysqlConnection } from './connection';
import { toCoreError, type ErrorContext } from './error-mapping';
import { MysqlIntrospector } from './introspector';
import { executeOn, queryOn, takeConnection } from './pool-calls';
import { displayVersion, flavorOf, sessionSettings, type ServerFlavor } from './server-flavor';

/** A MySQL or MariaDB server as one profile sees it: one mysql2 pool, and the sessions handed out. */
export class MysqlDriver implements SqlDriver {
  readonly kind = 'sql';
  private pool: Pool | null = null;
  private identified: Promise<{ version: string; flavor: ServerFlavor }> | null = null;
  private settings: string[] = [];
  /** Sessions that carry the profile's settings; new and freshly reset ones do not yet. */
  private readonly prepared = new WeakSet<PoolConnection>();
  private readonly broken = new WeakSet<PoolConnection>();
  private readonly sessions = new HandedOutSessions<MysqlConnection>();

  constructor(private readonly config: DriverConfig) {}

  async init(): Promise<ServerInfo> {
    const { version } = await this.identify();
    return { version: displayVersion(version) };
  }

  async ping(): Promise<void> {
    await this.read('health', PING_QUERY);
  }

  createIntrospector(): Introspector {
    return new MysqlIntrospector(
      (sql, params) => this.read('introspection', sql, params),
      async () => catalogSupport((await this.identify()).version),
      profileDatabase(this.config),
    );
  }

  async acquireConnection(): Promise<SqlConnection> {
    await this.identify();
    const context = this.errorContext();
    let connection: PoolConnection;
    try {
      connection = await takeConnection(this.openPool(), connectTimeoutMs(this.config));
    } catch (error) {
      throw toCoreError(error, context);
    }
    try {
      if (!this.prepared.has(connection)) await this.applySettings(connection);
    } catch (error) {
      connection.destroy();
      throw toCoreError(error, context);
    }
    const session = new MysqlConnection(connection, {
      errorContext: context,
      isBroken: (candidate) => this.broken.has(candidate),
      killQuery: (threadId) => killQuery(connectionOptions(this.config), threadId, this.config.onAppQuery),
      applySettings: (candidate) => this.applySettings(candidate),
      onReleased: (released) => this.sessions.forget(released),
      onAppQuery: this.config.onAppQuery,
    });
    return this.sessions.admit(session);
  }

  async destroy(): Promise<void> {
    if (!(await this.sessions.close())) return;
    const pool = this.pool;
    this.pool = null;
    if (pool) await new Promise<void>((resolve) => pool.end(() => resolve()));
  }

  /** Connects once and reads the server's version, which decides the flavor of the session settings. */
  private identify(): Promise<{ version: string; flavor: ServerFlavor }> {
    this.identified ??= this.read<{ version: string }>('session', VERSION_QUERY).then(
      ([row]) => {
        const version = String(row?.version ?? '');
        const flavor = flavorOf(version);
        this.settings = sessionSettings(this.config.profile, flavor);
        return { version, flavor };
      },
      (error: unknown) => {
        this.identified = null;
        throw error;
      },
    );
    return this.identified;
  }

  private openPool(): Pool {
    if (this.sessions.closed) throw closedDriverError();
    if (!this.pool) {
      const pool = mysql.createPool(poolOptions(this.config));
      // A session whose socket fails emits 'error'; unheard, it would end the process.
      pool.on('connection', (connection) => {
        connection.on('error', () => this.broken.add(connection));
      });
      this.pool = pool;
    }
    return this.pool;
  }

  private async applySettings(connection: PoolConnection): Promise<void> {
    for (const sql of this.settings) {
      await reportAppQuery(this.config.onAppQuery, 'session', sql, () => queryOn(connection, sql));
    }
    this.prepared.add(connection);
  }

  /** A catalog read with bound parameters. A pooled session whose server went away is retried once on a fresh one. */
  private async read<Row>(purpose: AppQueryPurpose, sql: string, params: readonly unknown[] = []): Promise<Row[]> {
    const context = this.errorContext();
    const send = async () => {
      const connection = await takeConnection(this.openPool(), connectTimeoutMs(this.config));
      try {
        return await reportAppQuery(this.config.onAppQuery, purpose, sql, () => executeOn<Row>(connection, sql, params), (rows) => rows.length);
      } finally {
        if (this.broken.has(connection)) connection.destroy();
        else connection.release();
      }
    };
    return readRetryingOnce(send, (error) => toCoreError(error, context), () => this.sessions.closed);
  }

  private errorContext(): ErrorContext {
    const { profile } = this.config;
    return {
      address: serverAddress(this.config),
      database: profileDatabase(this.config),
      sslMode: profile.sslMode,
      caFile: caFileOf(profile),
      connectTimeoutMs: connectTimeoutMs(this.config),
      statementTimeoutMs: profile.statementTimeoutMs,
      readOnly: profile.readOnly,
    };
  }
}
