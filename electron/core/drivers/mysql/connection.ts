import type { PoolConnection } from 'mysql2';
import { findPlaceholders } from '../../../../shared/sql/parameters';
import { reportAppQuery, type AppQueryReporter } from '../../activity/app-query-report';
import { CoreError } from '../../errors';
import type { ResultSink, SqlConnection, SqlParam, StatementSummary } from '../types';
import { closedDriverError } from '../handed-out-sessions';
import { cancelledError, toCoreError, type ErrorContext } from './error-mapping';
import { queryOn, resetSession } from './pool-calls';
import { commandTag } from './statement-command';
import { SinkFailure, StatementRun, type StatementOutcome } from './statement-run';

/** How long a statement may take to stop after KILL QUERY before its socket is closed instead. */
const CANCEL_GRACE_MS = 3000;
/** COM_RESET_CONNECTION is a protocol command, not SQL; the activity log shows it by this name. */
export const RESET_SESSION_REPORT = 'COM_RESET_CONNECTION';
const SHOW_WARNINGS = 'SHOW WARNINGS';

export interface SessionDependencies {
  errorContext: ErrorContext;
  /** Whether the session's socket failed; such a session must not go back to the pool. */
  isBroken(connection: PoolConnection): boolean;
  /** Sends KILL QUERY for `threadId` from another session; resolves whether or not it worked. */
  killQuery(threadId: number): Promise<unknown>;
  /** Applies the profile's session settings (read-only, statement timeout) to a reset session. */
  applySettings(connection: PoolConnection): Promise<void>;
  onReleased(session: MysqlConnection): void;
  /** Told about the reset, the settings and SHOW WARNINGS, which Strata sends on its own behalf. */
  onAppQuery?: AppQueryReporter;
}

interface WarningRow {
  Level: string;
  Code: number;
  Message: string;
}

/** One pooled session. Statements run one at a time and stream in batches. */
export class MysqlConnection implements SqlConnection {
  private released = false;
  private used = false;
  /** Set when the socket was closed on purpose. */
  private discard = false;
  /** USE changed the default database, which a reset keeps: the session is not handed to anyone else. */
  private databaseChanged = false;
  private running: StatementRun | null = null;

  constructor(
    private readonly connection: PoolConnection,
    private readonly deps: SessionDependencies,
  ) {}

  async execute(sql: string, sink: ResultSink, signal: AbortSignal, params: readonly SqlParam[] = []): Promise<StatementSummary> {
    if (this.released) throw new CoreError('INTERNAL', 'This MySQL session was already released.');
    if (this.running) throw new CoreError('INTERNAL', 'This MySQL session is already running a statement.');
    if (signal.aborted) throw cancelledError();
    if (this.discard) throw closedDriverError();
    const text = params.length > 0 ? withValues(sql, params) : sql;
    this.used = true;

    let cancelRequested = false;
    let pendingKill: Promise<unknown> = Promise.resolve();
    let graceTimer: NodeJS.Timeout | undefined;
    const stop = () => {
      if (graceTimer) return;
      pendingKill = this.deps.killQuery(this.connection.threadId);
      graceTimer = setTimeout(() => this.closeSocket(), CANCEL_GRACE_MS);
      graceTimer.unref();
      run.abandon();
    };
    const run = new StatementRun(this.connection, text, sink, stop);
    this.running = run;
    const onAbort = () => {
      cancelRequested = true;
      stop();
    };
    signal.addEventListener('abort', onAbort, { once: true });

    try {
      const outcome = await run.done;
      if (cancelRequested) throw cancelledError();
      await this.reportWarnings(outcome, sink);
      if (outcome.okPacket?.stateChanges?.schema !== undefined) this.databaseChanged = true;
      if (outcome.extraResultSets > 0) notify(sink, `The statement returned ${outcome.extraResultSets + 1} result sets; only the first is shown.`);
      return summarize(sql, outcome);
    } catch (error) {
      if (error instanceof SinkFailure) throw error.cause;
      if (cancelRequested) throw cancelledError();
      throw toCoreError(error, { ...this.deps.errorContext, statement: sql });
    } finally {
      signal.removeEventListener('abort', onAbort);
      clearTimeout(graceTimer);
      this.running = null;
      // The KILL must land before this session runs anything else, or it could stop the next statement.
      await pendingKill;
    }
  }

  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    this.deps.onReleased(this);
    let reusable = !this.discard && !this.databaseChanged && !this.deps.isBroken(this.connection);
    if (reusable && this.used) {
      // Variables, temporary tables, locks and an open transaction of this session must not reach the
      // next user; the reset also clears the session settings, so they are applied again.
      reusable = await reportAppQuery(this.deps.onAppQuery, 'session', RESET_SESSION_REPORT, () => resetSession(this.connection))
        .then(() => this.deps.applySettings(this.connection))
        .then(
          () => !this.deps.isBroken(this.connection),
          () => false,
        );
    }
    if (reusable) this.connection.release();
    else this.connection.destroy();
  }

  /** Ends the session's socket at once: a running statement fails and the session leaves the pool. */
  terminate(): void {
    this.closeSocket();
  }

  private closeSocket(): void {
    this.discard = true;
    this.running?.forceClose(closedDriverError());
    this.connection.destroy();
  }

  /** The server's warnings of a statement without rows (truncations, conversions) become notices. */
  private async reportWarnings(outcome: StatementOutcome, sink: ResultSink): Promise<void> {
    if (!outcome.okPacket || outcome.okPacket.warningStatus === 0) return;
    const warnings = await reportAppQuery(
      this.deps.onAppQuery,
      'session',
      SHOW_WARNINGS,
      () => queryOn(this.connection, SHOW_WARNINGS) as Promise<unknown> as Promise<WarningRow[]>,
      (rows) => rows.length,
    ).catch(() => [] as WarningRow[]);
    for (const warning of warnings) notify(sink, `${warning.Level} ${warning.Code}: ${warning.Message}`);
  }
}

function summarize(sql: string, outcome: StatementOutcome): StatementSummary {
  return {
    rowCount: outcome.rowCount,
    affectedRows: outcome.returnedRows ? null : (outcome.okPacket?.affectedRows ?? null),
    command: commandTag(sql, outcome.returnedRows),
  };
}

function notify(sink: ResultSink, message: string): void {
  try {
    sink.notice(message);
  } catch {
    // A notice is informational; a sink that cannot take it does not fail the statement.
  }
}

/**
 * The text protocol has no bound values: mysql2's own `query(sql, values)` fills every `?` in the
 * text, including those inside strings and quoted names. This fills only the real placeholders, and
 * with literals that need no escaping, so no sql_mode (NO_BACKSLASH_ESCAPES, ANSI_QUOTES) changes
 * what they mean: text as a utf8mb4 hex literal, bytes as a hex literal.
 */
function withValues(sql: string, params: readonly SqlParam[]): string {
  const placeholders = findPlaceholders(sql, 'mysql').filter((placeholder) => placeholder.name === '?');
  if (placeholders.length !== params.length) {
    throw new CoreError(
      'INVALID_INPUT',
      `The statement has ${placeholders.length} parameter placeholder${placeholders.length === 1 ? '' : 's'} (?) but ${params.length} value${params.length === 1 ? ' was' : 's were'} given.`,
    );
  }
  let text = '';
  let from = 0;
  placeholders.forEach((placeholder, index) => {
    text += sql.slice(from, placeholder.offset) + literal(params[index]);
    from = placeholder.end;
  });
  return text + sql.slice(from);
}

function literal(param: SqlParam): string {
  if (param === null) return 'NULL';
  if (typeof param === 'boolean') return param ? 'TRUE' : 'FALSE';
  if (typeof param === 'number') {
    if (!Number.isFinite(param)) throw new CoreError('INVALID_INPUT', `${param} cannot be sent to MySQL: it has no such number.`);
    return String(param);
  }
  if (typeof param === 'string') return `_utf8mb4 X'${Buffer.from(param, 'utf8').toString('hex')}'`;
  return `X'${Buffer.from(param.buffer, param.byteOffset, param.byteLength).toString('hex')}'`;
}
