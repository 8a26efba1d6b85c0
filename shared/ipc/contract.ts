import { z } from 'zod';
import type { Plan } from '../explain/plan';
import type { AppQueryPage } from '../model/activity';
import type { Capabilities } from '../model/capabilities';
import {
  connectionDraftSchema,
  connectionIdSchema,
  passwordChangeSchema,
  type ConnectionProfile,
} from '../model/connection';
import {
  historyListInputSchema,
  savedQueryIdSchema,
  savedQueryInputSchema,
  type HistoryEntry,
  type HistoryPage,
  type SavedQuery,
} from '../model/history';
import { MAX_RESULT_MEMORY_BYTES, MIN_RESULT_MEMORY_BYTES, type QueryEvent, type ResultPage } from '../model/query';
import { schemaPathSchema, type SchemaChildList, type TableDetail } from '../model/schema';
import { workspaceSchema, type Workspace } from '../model/workspace';
import { tableChangeSchema } from '../sql/dml';
import {
  MAX_TABLE_PAGE_ROWS,
  tableFilterSchema,
  tableSortSchema,
  type TableApplyResult,
  type TableEstimate,
  type TableRowsPage,
} from '../sql/table-query';
import type { EventChannel, InvokeChannel } from './channels';

/** A phantom marker for a channel's output type: the value is never read, only its type. */
const output = <T>() => undefined as unknown as T;

/** Bounds of one import/rows call: rows, columns, and characters of all values together. */
export const MAX_IMPORT_ROWS = 5000;
export const MAX_IMPORT_COLUMNS = 1000;
export const MAX_IMPORT_BATCH_CHARS = 2_000_000;
const importIdSchema = z.string().min(1).max(100);

export function importBatchChars(rows: readonly (readonly (string | null)[])[]): number {
  let total = 0;
  for (const row of rows) for (const value of row) total += value?.length ?? 0;
  return total;
}

export const MAX_SQL_LENGTH = 10_000_000;
export const MAX_PARAMS = 100;
export const MAX_PARAM_NAME_LENGTH = 128;
export const MAX_PARAM_VALUE_LENGTH = 10_000_000;

/**
 * Flow control of query/run. Main never runs ahead of the client that asked for a run:
 * - query/run grants an initial credit of `window` batch events (DEFAULT_RUN_WINDOW when absent).
 * - Each `batch` event spends one credit. With none left, main stops fetching from the database until
 *   the client grants more; the other events (columns, statement-end, run-end…) need no credit.
 * - query/ack { runId, batches } grants `batches` more, typically one per rows event the client has
 *   stored. Spooled rows go to main's spool file and need no credit. Unspent credit is capped at MAX_RUN_WINDOW; the reply says how much was actually added.
 * - Acks for a run that has ended (or never existed) grant nothing and are not errors; acks for
 *   another client's run fail with NOT_FOUND. Cancel, closing the client and shutdown end a stalled run.
 * A client that never acks receives exactly `window` batch events per run and nothing more.
 */
export const DEFAULT_RUN_WINDOW = 4;
export const MAX_RUN_WINDOW = 64;
const creditBatches = z.number().int().min(1).max(MAX_RUN_WINDOW);
const masterPassword = z.string().min(1, 'Enter the master password.').max(1024);

/** What connection/pick-file asks the user for: a SQLite database, or the CA certificate of an SSL mode. */
export const PICK_FILE_KINDS = ['sqlite-database', 'ca-certificate'] as const;
export type PickFileKind = (typeof PICK_FILE_KINDS)[number];

export interface AppInfo {
  version: string;
  host: 'electron' | 'web';
  os: string;
  /** The bundled sample database's connection, if it exists. */
  sampleConnectionId: string | null;
  /** The connection to open first: a file from the command line, else the sample. */
  initialConnectionId: string | null;
  /** Whether connection/pick-file shows a native file dialog. */
  canPickFiles: boolean;
}

export interface VaultStatus {
  exists: boolean;
  unlocked: boolean;
}

export interface ConnectionTestResult {
  serverVersion: string;
  roundTripMs: number;
}

export interface OpenedConnection {
  id: string;
  capabilities: Capabilities;
  serverVersion: string;
}

export const contract = {
  'app/info': { input: z.strictObject({}), output: output<AppInfo>() },

  'vault/status': { input: z.strictObject({}), output: output<VaultStatus>() },
  'vault/create': { input: z.strictObject({ password: masterPassword.min(8, 'Use at least 8 characters.') }), output: output<VaultStatus>() },
  'vault/unlock': { input: z.strictObject({ password: masterPassword }), output: output<VaultStatus>() },
  'vault/lock': { input: z.strictObject({}), output: output<VaultStatus>() },
  'vault/change-password': {
    input: z.strictObject({ current: masterPassword, next: masterPassword.min(8, 'Use at least 8 characters.') }),
    output: output<VaultStatus>(),
  },

  'connection/list': { input: z.strictObject({}), output: output<ConnectionProfile[]>() },
  'connection/save': {
    input: z.strictObject({ id: connectionIdSchema.nullable(), draft: connectionDraftSchema, password: passwordChangeSchema }),
    output: output<ConnectionProfile>(),
  },
  'connection/delete': { input: z.strictObject({ id: connectionIdSchema }), output: output<{ deleted: true }>() },
  'connection/duplicate': { input: z.strictObject({ id: connectionIdSchema }), output: output<ConnectionProfile>() },
  'connection/test': {
    input: z.strictObject({ id: connectionIdSchema.nullable(), draft: connectionDraftSchema, password: passwordChangeSchema }),
    output: output<ConnectionTestResult>(),
  },
  'connection/open': { input: z.strictObject({ id: connectionIdSchema }), output: output<OpenedConnection>() },
  'connection/close': { input: z.strictObject({ id: connectionIdSchema }), output: output<{ closed: true }>() },
  'connection/open-file': {
    input: z.strictObject({ path: z.string().min(1).max(4096), readOnly: z.boolean() }),
    output: output<ConnectionProfile>(),
  },
  /** Shows a native file dialog for `kind` (a SQLite database when absent); null when the user cancels. */
  'connection/pick-file': { input: z.strictObject({ kind: z.enum(PICK_FILE_KINDS).optional() }), output: output<{ path: string | null }>() },

  'schema/children': {
    input: z.strictObject({ connectionId: connectionIdSchema, path: schemaPathSchema, refresh: z.boolean().optional() }),
    output: output<SchemaChildList>(),
  },
  /** The CREATE statement of the object at `path` (UNSUPPORTED for objects without one, e.g. a group). */
  'schema/ddl': {
    input: z.strictObject({ connectionId: connectionIdSchema, path: schemaPathSchema.min(1) }),
    output: output<{ ddl: string }>(),
  },
  'schema/table': {
    input: z.strictObject({ connectionId: connectionIdSchema, path: schemaPathSchema.min(1), refresh: z.boolean().optional() }),
    output: output<TableDetail>(),
  },
  /**
   * Where a new session of the connection looks up unqualified table names, in order: PostgreSQL's
   * current_schemas(false) (existing schemas only, `$user` resolved), MySQL's DATABASE() (empty when
   * the profile names none), SQLite's `main`. Read on a fresh session, so a run's SET or USE is not seen.
   */
  'schema/search-path': { input: z.strictObject({ connectionId: connectionIdSchema }), output: output<{ searchPath: string[] }>() },

  'query/run': {
    input: z.strictObject({
      connectionId: connectionIdSchema,
      /** Chosen by the caller so it can match events that arrive before the reply. */
      runId: z.string().min(1).max(100),
      sql: z.string().min(1).max(MAX_SQL_LENGTH),
      /** Offset of `sql` inside the editor's text, so statement offsets map back to the editor. */
      baseOffset: z.number().int().min(0).optional(),
      stopOnError: z.boolean().optional(),
      /** The initial credit in batch events (see flow control above); DEFAULT_RUN_WINDOW when absent. */
      window: creditBatches.optional(),
      /**
       * Bytes of one statement's rows the client keeps in memory; later rows spool to a file in main
       * and are read back with query/page. DEFAULT_RESULT_MEMORY_BYTES when absent.
       */
      memoryBudgetBytes: z.number().int().min(MIN_RESULT_MEMORY_BYTES).max(MAX_RESULT_MEMORY_BYTES).optional(),
      /**
       * Values for the parameters of a script of one statement (`:name`, `$1`, `?1` for the first `?`;
       * see shared/sql/parameters.ts), bound, never spliced. null is SQL NULL.
       */
      params: z
        .array(z.strictObject({ name: z.string().min(1).max(MAX_PARAM_NAME_LENGTH), value: z.string().max(MAX_PARAM_VALUE_LENGTH).nullable() }))
        .max(MAX_PARAMS)
        .optional(),
    }),
    output: output<{ runId: string; statements: number }>(),
  },
  /** Stored batches of a spooled result overlapping rows [fromRow, fromRow + rowCount). */
  'query/page': {
    input: z.strictObject({
      runId: z.string().min(1).max(100),
      index: z.number().int().min(0),
      fromRow: z.number().int().min(0),
      rowCount: z.number().int().min(1).max(100_000),
    }),
    output: output<ResultPage>(),
  },
  /** Deletes a run's spool files; the client calls it when the run's results are closed or replaced. */
  'query/discard': { input: z.strictObject({ runId: z.string().min(1).max(100) }), output: output<{ discarded: boolean }>() },
  /**
   * The plan of one statement as a tree (see shared/explain/plan.ts). With `analyze` the statement
   * really runs (PostgreSQL, MariaDB) inside a transaction that is rolled back; several statements
   * fail with INVALID_INPUT, an engine without the requested kind of plan with UNSUPPORTED. With an
   * `explainId`, query/explain-cancel can stop it; a stopped EXPLAIN fails with CANCELLED.
   */
  'query/explain': {
    input: z.strictObject({
      connectionId: connectionIdSchema,
      sql: z.string().min(1).max(MAX_SQL_LENGTH),
      analyze: z.boolean(),
      explainId: z.string().min(1).max(100).optional(),
    }),
    output: output<Plan>(),
  },
  /** Stops this client's EXPLAIN with that id on the server; false when none is going. */
  'query/explain-cancel': { input: z.strictObject({ explainId: z.string().min(1).max(100) }), output: output<{ cancelled: boolean }>() },
  'query/cancel': { input: z.strictObject({ runId: z.string().min(1).max(100) }), output: output<{ cancelled: boolean }>() },
  'query/ack': {
    input: z.strictObject({ runId: z.string().min(1).max(100), batches: creditBatches }),
    output: output<{ granted: number }>(),
  },

  'workspace/load': { input: z.strictObject({}), output: output<Workspace | null>() },
  'workspace/save': { input: z.strictObject({ workspace: workspaceSchema }), output: output<{ saved: true }>() },

  /** The statements Strata sent on its own behalf, newer than `sinceId`, of one connection or all. */
  'activity/app-queries': {
    input: z.strictObject({ connectionId: connectionIdSchema.optional(), sinceId: z.number().int().min(0).optional() }),
    output: output<AppQueryPage>(),
  },

  /** The user's statements, newest first, of one connection or all, optionally matching a search; paged by `before`. */
  'history/list': { input: historyListInputSchema, output: output<HistoryPage>() },
  /** One entry with all of its stored text (history/list gives only the start of long statements). */
  'history/get': { input: z.strictObject({ id: z.number().int().min(1) }), output: output<HistoryEntry>() },
  'history/delete': { input: z.strictObject({ id: z.number().int().min(1) }), output: output<{ deleted: boolean }>() },
  /** Deletes the history of one connection, or all of it. */
  'history/clear': { input: z.strictObject({ connectionId: connectionIdSchema.optional() }), output: output<{ deleted: number }>() },

  /** Saved queries, by connection then name; with connectionId, that connection's and those saved for all connections. */
  'saved-query/list': { input: z.strictObject({ connectionId: connectionIdSchema.optional() }), output: output<SavedQuery[]>() },
  /** Saves a new query, or changes the one with `id`. Names are unique per connection, ignoring ASCII case. */
  'saved-query/save': { input: savedQueryInputSchema, output: output<SavedQuery>() },
  'saved-query/delete': { input: z.strictObject({ id: savedQueryIdSchema }), output: output<{ deleted: boolean }>() },

  /**
   * CSV import into a table, in one transaction on a session of its own (see import limits above):
   * begin names the table and the target columns in the order each row gives its values.
   */
  'import/begin': {
    input: z.strictObject({
      connectionId: connectionIdSchema,
      path: schemaPathSchema.min(1),
      columns: z.array(z.string().min(1).max(1024)).min(1).max(MAX_IMPORT_COLUMNS),
    }),
    output: output<{ importId: string }>(),
  },
  /**
   * Inserts rows (text or NULL, converted by the server to each column's type). A failure rolls the
   * whole import back and fails with the file line of the failing row in the message.
   */
  'import/rows': {
    input: z
      .strictObject({
        importId: importIdSchema,
        /** The file line of the first row; row i is on firstLine + i unless `lines` says otherwise. */
        firstLine: z.number().int().min(1),
        /** The file line each row starts on, when quoted line breaks make rows span lines. */
        lines: z.array(z.number().int().min(1)).max(MAX_IMPORT_ROWS).optional(),
        rows: z.array(z.array(z.string().max(MAX_IMPORT_BATCH_CHARS).nullable()).min(1).max(MAX_IMPORT_COLUMNS)).min(1).max(MAX_IMPORT_ROWS),
      })
      .refine((input) => importBatchChars(input.rows) <= MAX_IMPORT_BATCH_CHARS, {
        message: `A batch holds at most ${MAX_IMPORT_BATCH_CHARS} characters of values.`,
        path: ['rows'],
      }),
    output: output<{ inserted: number }>(),
  },
  /** Commits; replies with the rows inserted in all. */
  'import/commit': { input: z.strictObject({ importId: importIdSchema }), output: output<{ inserted: number }>() },
  /** Rolls back; false when the import had already ended. */
  'import/abort': { input: z.strictObject({ importId: importIdSchema }), output: output<{ aborted: boolean }>() },

  /**
   * One page of a table's or view's rows, filtered and sorted by the server (filter values bound),
   * with the row key that editing uses and why editing is impossible, if it is.
   */
  'table/rows': {
    input: z.strictObject({
      connectionId: connectionIdSchema,
      path: schemaPathSchema.min(1),
      filters: z.array(tableFilterSchema).max(50),
      sort: z.array(tableSortSchema).max(20),
      offset: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
      limit: z.number().int().min(1).max(MAX_TABLE_PAGE_ROWS),
    }),
    output: output<TableRowsPage>(),
  },
  /**
   * The table's row count: counted up to a cap, beyond it the engine's statistics (exact: false). With
   * filters, the rows they match, counted up to the cap (atLeast beyond it).
   */
  'table/estimate': {
    input: z.strictObject({ connectionId: connectionIdSchema, path: schemaPathSchema.min(1), filters: z.array(tableFilterSchema).max(50).optional() }),
    output: output<TableEstimate>(),
  },
  /**
   * Applies pending changes in one transaction on one session. Any failing statement, or an update
   * or delete that finds no row (changed or deleted by someone else), rolls all of them back.
   */
  'table/apply': {
    input: z.strictObject({
      connectionId: connectionIdSchema,
      path: schemaPathSchema.min(1),
      keyColumns: z.array(z.string().min(1).max(1024)).min(1).max(64),
      changes: z.array(tableChangeSchema).min(1).max(10_000),
    }),
    output: output<TableApplyResult>(),
  },
} satisfies Record<InvokeChannel, { input: z.ZodType; output: unknown }>;

// The allow-list in channels.ts and the contract must name the same channels.
type ContractChannel = keyof typeof contract;
const allowListMatches: [InvokeChannel] extends [ContractChannel] ? ([ContractChannel] extends [InvokeChannel] ? true : never) : never = true;
void allowListMatches;

export type ChannelInput<C extends InvokeChannel> = z.input<(typeof contract)[C]['input']>;
export type ParsedInput<C extends InvokeChannel> = z.output<(typeof contract)[C]['input']>;
export type ChannelOutput<C extends InvokeChannel> = (typeof contract)[C]['output'];

export interface ConnectionStateEvent {
  id: string;
  state: 'open' | 'closed' | 'error';
  message?: string;
}

export interface EventPayloads {
  'query/event': QueryEvent;
  'connection/state': ConnectionStateEvent;
}
const eventsMatch: [EventChannel] extends [keyof EventPayloads] ? true : never = true;
void eventsMatch;

export type { InvokeChannel, EventChannel } from './channels';
