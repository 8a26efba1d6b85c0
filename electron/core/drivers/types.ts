import type { Capabilities } from '../../../shared/model/capabilities';
import type { AppQueryReporter } from '../activity/app-query-report';
import type { ConnectionDraft, Engine } from '../../../shared/model/connection';
import type { ColumnMeta } from '../../../shared/model/query';
import type { ResultBatch } from '../../../shared/result-batch/format';
import type { PathSegment, SchemaNode, TableDetail } from '../../../shared/model/schema';

/**
 * The driver layer follows kysely's split: a Dialect describes an engine and makes Drivers; a Driver
 * owns the engine's pool or worker and hands out Connections; an Introspector reads the catalog.
 * Drivers throw CoreError (see ../errors.ts) with a contract code and a message a user can act on.
 */

export interface DriverConfig {
  /** The connection profile with its id. */
  profile: ConnectionDraft & { id: string };
  /** The secret from the vault, or null when the connection has none. */
  password: string | null;
  /**
   * Told about every statement the driver sends on its own behalf (catalog reads, pings, cancels,
   * session resets), never about the user's statements. Reports hold no bound values.
   */
  onAppQuery?: AppQueryReporter;
}

export interface ServerInfo {
  version: string;
}

export interface Dialect {
  readonly engine: Engine;
  readonly capabilities: Capabilities;
  createDriver(config: DriverConfig): Driver;
}

interface DriverBase {
  /** Connects (or opens the file) and reports the server. Fails with AUTH, CONNECTION, TLS, TIMEOUT or NOT_FOUND. */
  init(): Promise<ServerInfo>;
  /** A cheap round trip; throws when the server is gone. */
  ping(): Promise<void>;
  createIntrospector(): Introspector;
  /** Closes every pool, socket or worker. Safe to call twice. */
  destroy(): Promise<void>;
}

export interface SqlDriver extends DriverBase {
  readonly kind: 'sql';
  /** One session: the statements of one run execute on it in order, so SET and BEGIN carry over. */
  acquireConnection(): Promise<SqlConnection>;
}

/** Document stores (MongoDB) will add find/aggregate streaming here. */
export interface DocumentDriver extends DriverBase {
  readonly kind: 'document';
}

/** Key-value stores (Redis) will add SCAN paging and typed value reads here. */
export interface KeyValueDriver extends DriverBase {
  readonly kind: 'keyvalue';
}

export type Driver = SqlDriver | DocumentDriver | KeyValueDriver;

export interface StatementSummary {
  /** Rows delivered to the sink. */
  rowCount: number;
  /** Rows changed by INSERT/UPDATE/DELETE, when the engine says. */
  affectedRows: number | null;
  /** The command tag, e.g. SELECT, INSERT, CREATE TABLE. */
  command: string | null;
}

/** Where a statement's results go. batch() may return a promise: the driver waits for it before fetching more. */
export interface ResultSink {
  columns(columns: ColumnMeta[]): void;
  /** The next rows, in order, as one columnar batch (see shared/result-batch/format.ts). */
  batch(batch: ResultBatch): void | Promise<void>;
  notice(message: string): void;
}

/**
 * A value bound to a statement's placeholder ($1… in PostgreSQL, ? in MySQL and SQLite). Text is
 * sent as text and left to the server to convert to the column's type, so every digit survives.
 */
export type SqlParam = string | number | boolean | null | Uint8Array;

export interface SqlConnection {
  /**
   * Runs one statement and streams its rows to the sink in batches. Aborting the signal stops the
   * statement on the server and rejects with CANCELLED. A failing statement rejects with QUERY and,
   * where the server gives one, detail.position (1-based, within `sql`). `params` are bound to the
   * statement's placeholders, never spliced into its text.
   */
  execute(sql: string, sink: ResultSink, signal: AbortSignal, params?: readonly SqlParam[]): Promise<StatementSummary>;
  /** Returns the session to its pool. A session whose server died is discarded, not reused. */
  release(): Promise<void>;
}

export interface Introspector {
  /** The children of the node at `path`; the root when path is empty. Names-first: no column lists here. */
  children(path: PathSegment[]): Promise<SchemaNode[]>;
  /** Columns, indexes and foreign keys of the table or view at `path`. */
  tableDetail(path: PathSegment[]): Promise<TableDetail>;
  /** The statement that creates the object at `path`, as the server reports or Strata rebuilds it. */
  ddl(path: PathSegment[]): Promise<string>;
  /**
   * The namespaces (schemas, or databases where those are the namespaces) a new session searches for
   * unqualified names, in search order; empty when there is none.
   */
  searchPath(): Promise<string[]>;
}
