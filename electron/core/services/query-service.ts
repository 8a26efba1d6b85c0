import { DEFAULT_RUN_WINDOW, MAX_RUN_WINDOW } from '../../../shared/ipc/contract';
import type { Engine } from '../../../shared/model/connection';
import { DEFAULT_RESULT_MEMORY_BYTES, type QueryEvent, type ResultPage, type RunStatus } from '../../../shared/model/query';
import { toBindable } from '../../../shared/sql/parameters';
import { firstKeyword, splitStatements, type SplitDialect, type SqlStatement } from '../../../shared/sql/split';
import type { SqlConnection, SqlParam } from '../drivers/types';
import type { StrataError } from '../../../shared/errors';
import { CoreError, toStrataError } from '../errors';
import type { HandlerGroup } from '../host';
import type { SpoolRegistry } from '../results/spool-registry';
import { StatementStream } from '../results/statement-stream';
import type { ClientContext } from './client-context';
import type { HistoryRecord, RecordHistory } from './history-service';
import type { OpenDriver } from './connection-service';
import { readWriteSwitchRefusal } from './read-only-guard';
import { RunCredit } from './run-credit';

export interface QueryServiceOptions {
  openDriver: (connectionId: string) => Promise<OpenDriver>;
  /** Keeps the connection's pool open (not closed as idle) until the returned function is called. */
  retain: (connectionId: string) => () => void;
  /** A statement changed the schema of the connection. */
  onSchemaChanged: (connectionId: string) => void;
  /** Keeps the rows of statements that outgrow the client's memory budget. */
  spools: SpoolRegistry;
  /** Told about every statement that ran, for the query history. */
  recordHistory?: RecordHistory;
  log: (line: string) => void;
}

interface ActiveRun {
  clientId: string;
  runId: string;
  controller: AbortController;
  /** Batch events the client is ready to receive. */
  credit: RunCredit;
  memoryBudgetBytes: number;
  /** Settles when the run has sent run-end: nothing more is streamed or spooled. */
  ended: Promise<void>;
}

interface RunPlan {
  connectionId: string;
  connectionName: string;
  statements: SqlStatement[];
  baseOffset: number;
  stopOnError: boolean;
  dialect: SplitDialect;
  /** The profile is read-only: statements that would switch the session to read-write are refused before they are sent. */
  readOnly: boolean;
  /** The single statement's text rewritten to positional placeholders, with its values; absent without params. */
  bound?: BoundStatement;
}

interface BoundStatement {
  sql: string;
  values: SqlParam[];
  originalOffset(rewritten: number): number;
}

interface ParamInput {
  name: string;
  value: string | null;
}

interface RunInput {
  connectionId: string;
  runId: string;
  sql: string;
  baseOffset?: number;
  stopOnError?: boolean;
  window?: number;
  memoryBudgetBytes?: number;
  params?: ParamInput[];
}

const SPLIT_DIALECTS: Partial<Record<Engine, SplitDialect>> = { postgres: 'postgres', mysql: 'mysql', sqlite: 'sqlite' };
const SCHEMA_COMMANDS = new Set(['CREATE', 'ALTER', 'DROP', 'TRUNCATE', 'RENAME', 'COMMENT']);

/**
 * Runs scripts: split into statements, executed in order on one session, results streamed as
 * query/event messages to the client that asked, never more batch events than it has granted credit
 * for. A statement's rows beyond the client's memory budget go to a spool file, read with query/page.
 */
export class QueryService {
  /** Keyed by client and run id: a client sees and cancels only its own runs. */
  private readonly runs = new Map<string, ActiveRun>();
  /** Runs that have not yet released their session, including those that already sent run-end. */
  private readonly unsettled = new Set<Promise<void>>();

  constructor(private readonly options: QueryServiceOptions) {}

  readonly handlers: HandlerGroup<'query/run' | 'query/cancel' | 'query/ack' | 'query/page' | 'query/discard'> = {
    'query/run': (input, client) => this.start(input, client),
    'query/cancel': async ({ runId }, client) => {
      const run = this.runs.get(runKey(client.id, runId));
      if (!run || run.controller.signal.aborted) return { cancelled: false };
      run.controller.abort();
      return { cancelled: true };
    },
    'query/ack': async ({ runId, batches }, client) => {
      const run = this.runs.get(runKey(client.id, runId));
      if (run) return { granted: run.credit.grant(batches) };
      if ([...this.runs.values()].some((other) => other.runId === runId)) {
        throw new CoreError('NOT_FOUND', `No run with id "${runId}" is going in this window, so it cannot be acknowledged from here.`);
      }
      return { granted: 0 };
    },
    'query/page': ({ runId, index, fromRow, rowCount }, client): Promise<ResultPage> =>
      this.options.spools.page(client.id, runId, index, fromRow, rowCount),
    'query/discard': async ({ runId }, client) => {
      // Nobody will read the rest of a run whose results are discarded, so a run still going stops first.
      await this.stopRun(runKey(client.id, runId));
      return { discarded: await this.options.spools.discard(client.id, runId) };
    },
  };

  /** Cancels the client's runs and, once they have ended, deletes its spool files; called when its window or socket goes away. */
  async closeClient(clientId: string): Promise<void> {
    const own = [...this.runs.values()].filter((run) => run.clientId === clientId);
    for (const run of own) run.controller.abort();
    await Promise.all(own.map((run) => run.ended));
    await this.options.spools.discardClient(clientId);
  }

  /** Cancels every run and waits until each has released its session. */
  async cancelAll(): Promise<void> {
    for (const run of this.runs.values()) run.controller.abort();
    await Promise.allSettled([...this.unsettled]);
  }

  private async stopRun(key: string): Promise<void> {
    const run = this.runs.get(key);
    if (!run) return;
    run.controller.abort();
    await run.ended;
  }

  private async start(input: RunInput, client: ClientContext): Promise<{ runId: string; statements: number }> {
    const key = runKey(client.id, input.runId);
    if (this.runs.has(key)) {
      throw new CoreError('INVALID_INPUT', `A run with id "${input.runId}" is still going. Give each run its own id.`, {
        issues: [{ path: 'runId', message: 'This run id is in use.' }],
      });
    }
    const controller = new AbortController();
    let markEnded = () => {};
    const ended = new Promise<void>((resolve) => (markEnded = resolve));
    let markSettled = () => {};
    const settled = new Promise<void>((resolve) => (markSettled = resolve));
    this.unsettled.add(settled);
    void settled.then(() => this.unsettled.delete(settled));
    const run: ActiveRun = {
      clientId: client.id,
      runId: input.runId,
      controller,
      credit: new RunCredit(input.window ?? DEFAULT_RUN_WINDOW, MAX_RUN_WINDOW, controller.signal),
      memoryBudgetBytes: input.memoryBudgetBytes ?? DEFAULT_RESULT_MEMORY_BYTES,
      ended,
    };
    this.runs.set(key, run);
    const end = () => {
      if (this.runs.get(key) === run) this.runs.delete(key);
      markEnded();
    };

    let session: SqlConnection;
    let plan: RunPlan;
    let releaseHold = () => {};
    try {
      // Spools of an earlier run with this id would answer this run's pages with the old rows.
      await this.options.spools.discard(client.id, input.runId);
      const { profile, driver } = await this.options.openDriver(input.connectionId);
      releaseHold = this.options.retain(input.connectionId);
      const dialect = SPLIT_DIALECTS[profile.engine];
      if (driver.kind !== 'sql' || !dialect) {
        throw new CoreError('UNSUPPORTED', `"${profile.name}" is not a SQL database, so it cannot run SQL scripts.`);
      }
      const statements = splitStatements(input.sql, dialect);
      plan = {
        connectionId: input.connectionId,
        connectionName: profile.name,
        statements,
        baseOffset: input.baseOffset ?? 0,
        stopOnError: input.stopOnError ?? true,
        dialect,
        readOnly: profile.readOnly,
        ...(input.params && input.params.length > 0 ? { bound: bindParams(statements, dialect, input.params) } : {}),
      };
      session = await driver.acquireConnection();
    } catch (error) {
      releaseHold();
      end();
      markSettled();
      throw error;
    }

    // Reply first; the statements start on the next turn of the event loop.
    setImmediate(() => {
      this.execute(run, plan, session, client, end)
        .catch((error: unknown) => this.options.log(`Run ${run.runId} failed unexpectedly: ${toStrataError(error).message}`))
        .finally(() => {
          end();
          releaseHold();
          markSettled();
        });
    });
    return { runId: input.runId, statements: plan.statements.length };
  }

  /** Runs the statements, sends run-end (calling `end` just before), then releases the session. */
  private async execute(run: ActiveRun, plan: RunPlan, session: SqlConnection, client: ClientContext, end: () => void): Promise<void> {
    const emit = (event: QueryEvent) => client.emit('query/event', event);
    const { runId, credit } = run;
    const signal = run.controller.signal;
    const runStarted = performance.now();
    let status: RunStatus = 'ok';
    let started = 0;
    let schemaChanged = false;
    // Written to the history after run-end has gone out, so a small query's answer never waits on the disk.
    const history: HistoryRecord[] = [];
    try {
      for (const [index, statement] of plan.statements.entries()) {
        if (signal.aborted) {
          status = 'cancelled';
          break;
        }
        started++;
        emit({ type: 'statement-start', runId, index, sql: statement.sql, offset: plan.baseOffset + statement.offset });
        const statementStarted = performance.now();
        const startedAt = Date.now();
        const record = (entry: Pick<HistoryRecord, 'rowCount' | 'affectedRows' | 'status' | 'errorMessage'>) =>
          history.push({
            connectionId: plan.connectionId,
            connectionName: plan.connectionName,
            sql: statement.sql,
            startedAt,
            durationMs: elapsed(statementStarted),
            ...entry,
          });
        const stream = new StatementStream({
          runId,
          index,
          budgetBytes: run.memoryBudgetBytes,
          credit,
          signal,
          emit,
          openSpool: () => this.options.spools.create(client.id, runId, index),
        });
        try {
          const refusal = plan.readOnly ? readWriteSwitchRefusal(statement.sql, plan.dialect) : null;
          if (refusal) throw refusal;
          const summary = await session.execute(
            plan.bound?.sql ?? statement.sql,
            {
              columns: (columns) => emit({ type: 'columns', runId, index, columns }),
              batch: (batch) => stream.batch(batch),
              notice: (message) => emit({ type: 'notice', runId, index, message }),
            },
            signal,
            plan.bound?.values,
          );
          await stream.finish();
          emit({
            type: 'statement-end',
            runId,
            index,
            rowCount: summary.rowCount,
            affectedRows: summary.affectedRows,
            command: summary.command,
            durationMs: elapsed(statementStarted),
          });
          record({ rowCount: summary.rowCount, affectedRows: summary.affectedRows, status: 'ok', errorMessage: null });
          if (changesSchema(summary.command, statement.sql, plan.dialect)) schemaChanged = true;
        } catch (error) {
          await stream.finish().catch((finishError: unknown) => this.options.log(`Closing the spool of run ${runId}: ${toStrataError(finishError).message}`));
          const strataError = positionAsWritten(toStrataError(error), plan.bound);
          if (strataError.code === 'INTERNAL') this.options.log(`Statement ${index + 1} of run ${runId}: ${strataError.message}`);
          emit({ type: 'statement-error', runId, index, error: strataError });
          const cancelled = signal.aborted || strataError.code === 'CANCELLED';
          record({ rowCount: null, affectedRows: null, status: cancelled ? 'cancelled' : 'error', errorMessage: strataError.message });
          if (signal.aborted || strataError.code === 'CANCELLED') {
            status = 'cancelled';
            break;
          }
          status = 'error';
          if (plan.stopOnError) break;
        }
      }
    } finally {
      if (schemaChanged) this.options.onSchemaChanged(plan.connectionId);
      // run-end goes out before the session's reset (DISCARD ALL) round trip; the pool gets the session back only after it.
      end();
      emit({ type: 'run-end', runId, status, durationMs: elapsed(runStarted), statements: started, schemaChanged });
      for (const entry of history) this.options.recordHistory?.(entry);
      await session.release().catch((error: unknown) => this.options.log(`Releasing the session of run ${runId} failed: ${toStrataError(error).message}`));
    }
  }
}

/** Rewrites the one statement of the script to positional placeholders and orders the given values to match. */
function bindParams(statements: SqlStatement[], dialect: SplitDialect, params: ParamInput[]): BoundStatement {
  if (statements.length !== 1) {
    throw new CoreError('INVALID_INPUT', `Parameters work with one statement at a time, and this script has ${statements.length} statements. Run one statement at a time.`, {
      issues: [{ path: 'params', message: 'Only a script of one statement can have parameters.' }],
    });
  }
  const values = new Map<string, string | null>();
  for (const param of params) {
    if (values.has(param.name)) throw new CoreError('INVALID_INPUT', `The parameter ${param.name} was given twice.`, { issues: [{ path: 'params', message: 'Each name once.' }] });
    values.set(param.name, param.value);
  }
  const bindable = toBindable(statements[0].sql, dialect);
  const wanted = new Set(bindable.names);
  const missing = [...wanted].filter((name) => !values.has(name));
  if (missing.length > 0) {
    throw new CoreError('INVALID_INPUT', `No value was given for the parameter${missing.length === 1 ? '' : 's'} ${missing.join(', ')}.`, {
      issues: [{ path: 'params', message: 'Give a value for each parameter of the statement.' }],
    });
  }
  const unknown = [...values.keys()].filter((name) => !wanted.has(name));
  if (unknown.length > 0) {
    throw new CoreError('INVALID_INPUT', `The statement has no parameter ${unknown.join(', ')}.`, {
      issues: [{ path: 'params', message: 'Give values only for the parameters of the statement.' }],
    });
  }
  return { sql: bindable.sql, values: bindable.names.map((name) => values.get(name) ?? null), originalOffset: bindable.originalOffset };
}

/** A server position in the rewritten text, moved back to the statement as the user wrote it. */
function positionAsWritten(error: StrataError, bound: BoundStatement | undefined): StrataError {
  const position = error.detail?.position;
  if (!bound || position === undefined) return error;
  return { ...error, detail: { ...error.detail, position: bound.originalOffset(position - 1) + 1 } };
}

function runKey(clientId: string, runId: string): string {
  return `${clientId}\u0000${runId}`;
}

/** The command tag, or failing that the statement's first word, names a schema change. */
function changesSchema(command: string | null, sql: string, dialect: SplitDialect): boolean {
  const tagWord = command?.trim().split(/\s+/)[0]?.toUpperCase();
  if (tagWord && SCHEMA_COMMANDS.has(tagWord)) return true;
  // PostgreSQL tags CREATE TABLE … AS SELECT as SELECT.
  const keyword = firstKeyword(sql, dialect);
  return keyword !== null && SCHEMA_COMMANDS.has(keyword);
}

function elapsed(since: number): number {
  return Math.round((performance.now() - since) * 100) / 100;
}
