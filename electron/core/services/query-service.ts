import { DEFAULT_RUN_WINDOW, MAX_RUN_WINDOW } from '../../../shared/ipc/contract';
import type { Engine } from '../../../shared/model/connection';
import type { QueryEvent, RunStatus } from '../../../shared/model/query';
import { firstKeyword, splitStatements, type SplitDialect, type SqlStatement } from '../../../shared/sql/split';
import type { SqlConnection } from '../drivers/types';
import { CoreError, toStrataError } from '../errors';
import type { HandlerGroup } from '../host';
import type { ClientContext } from './client-context';
import type { OpenDriver } from './connection-service';
import { RunCredit } from './run-credit';

export interface QueryServiceOptions {
  openDriver: (connectionId: string) => Promise<OpenDriver>;
  /** Keeps the connection's pool open (not closed as idle) until the returned function is called. */
  retain: (connectionId: string) => () => void;
  /** A statement changed the schema of the connection. */
  onSchemaChanged: (connectionId: string) => void;
  log: (line: string) => void;
}

interface ActiveRun {
  clientId: string;
  runId: string;
  controller: AbortController;
  /** Rows events the client is ready to receive. */
  credit: RunCredit;
  /** Settles when the run has ended and released its session. */
  done: Promise<void>;
}

interface RunPlan {
  connectionId: string;
  runId: string;
  statements: SqlStatement[];
  baseOffset: number;
  stopOnError: boolean;
  dialect: SplitDialect;
}

const SPLIT_DIALECTS: Partial<Record<Engine, SplitDialect>> = { postgres: 'postgres', mysql: 'mysql', sqlite: 'sqlite' };
const SCHEMA_COMMANDS = new Set(['CREATE', 'ALTER', 'DROP', 'TRUNCATE', 'RENAME', 'COMMENT']);

/**
 * Runs scripts: split into statements, executed in order on one session, results streamed as
 * query/event messages to the client that asked, never more rows events than it has granted credit for.
 */
export class QueryService {
  /** Keyed by client and run id: a client sees and cancels only its own runs. */
  private readonly runs = new Map<string, ActiveRun>();

  constructor(private readonly options: QueryServiceOptions) {}

  readonly handlers: HandlerGroup<'query/run' | 'query/cancel' | 'query/ack'> = {
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
  };

  /** Cancels the client's runs; called when its window or socket goes away. */
  cancelClientRuns(clientId: string): void {
    for (const run of this.runs.values()) if (run.clientId === clientId) run.controller.abort();
  }

  /** Cancels every run and waits until each has released its session. */
  async cancelAll(): Promise<void> {
    const pending = [...this.runs.values()];
    for (const run of pending) run.controller.abort();
    await Promise.allSettled(pending.map((run) => run.done));
  }

  private async start(
    input: { connectionId: string; runId: string; sql: string; baseOffset?: number; stopOnError?: boolean; window?: number },
    client: ClientContext,
  ): Promise<{ runId: string; statements: number }> {
    const key = runKey(client.id, input.runId);
    if (this.runs.has(key)) {
      throw new CoreError('INVALID_INPUT', `A run with id "${input.runId}" is still going. Give each run its own id.`, {
        issues: [{ path: 'runId', message: 'This run id is in use.' }],
      });
    }
    const controller = new AbortController();
    let finish = () => {};
    const done = new Promise<void>((resolve) => (finish = resolve));
    const credit = new RunCredit(input.window ?? DEFAULT_RUN_WINDOW, MAX_RUN_WINDOW, controller.signal);
    this.runs.set(key, { clientId: client.id, runId: input.runId, controller, credit, done });

    let session: SqlConnection;
    let plan: RunPlan;
    let releaseHold = () => {};
    try {
      const { profile, driver } = await this.options.openDriver(input.connectionId);
      releaseHold = this.options.retain(input.connectionId);
      const dialect = SPLIT_DIALECTS[profile.engine];
      if (driver.kind !== 'sql' || !dialect) {
        throw new CoreError('UNSUPPORTED', `"${profile.name}" is not a SQL database, so it cannot run SQL scripts.`);
      }
      plan = {
        connectionId: input.connectionId,
        runId: input.runId,
        statements: splitStatements(input.sql, dialect),
        baseOffset: input.baseOffset ?? 0,
        stopOnError: input.stopOnError ?? true,
        dialect,
      };
      session = await driver.acquireConnection();
    } catch (error) {
      releaseHold();
      this.runs.delete(key);
      finish();
      throw error;
    }

    // Reply first; the statements start on the next turn of the event loop.
    setImmediate(() => {
      this.execute(plan, session, controller.signal, credit, client)
        .catch((error: unknown) => this.options.log(`Run ${plan.runId} failed unexpectedly: ${toStrataError(error).message}`))
        .finally(() => {
          releaseHold();
          this.runs.delete(key);
          finish();
        });
    });
    return { runId: input.runId, statements: plan.statements.length };
  }

  private async execute(plan: RunPlan, session: SqlConnection, signal: AbortSignal, credit: RunCredit, client: ClientContext): Promise<void> {
    const emit = (event: QueryEvent) => client.emit('query/event', event);
    const { runId } = plan;
    const runStarted = performance.now();
    let status: RunStatus = 'ok';
    let started = 0;
    let schemaChanged = false;
    try {
      for (const [index, statement] of plan.statements.entries()) {
        if (signal.aborted) {
          status = 'cancelled';
          break;
        }
        started++;
        emit({ type: 'statement-start', runId, index, sql: statement.sql, offset: plan.baseOffset + statement.offset });
        const statementStarted = performance.now();
        try {
          const summary = await session.execute(
            statement.sql,
            {
              columns: (columns) => emit({ type: 'columns', runId, index, columns }),
              // The driver awaits this before fetching more, so a client that stops acking stops the fetching.
              rows: async (rows) => {
                emit({ type: 'rows', runId, index, rows });
                if (credit.spend()) await yieldToEventLoop();
                else await credit.untilGranted();
              },
              notice: (message) => emit({ type: 'notice', runId, index, message }),
            },
            signal,
          );
          emit({
            type: 'statement-end',
            runId,
            index,
            rowCount: summary.rowCount,
            affectedRows: summary.affectedRows,
            command: summary.command,
            durationMs: elapsed(statementStarted),
          });
          if (changesSchema(summary.command, statement.sql, plan.dialect)) schemaChanged = true;
        } catch (error) {
          const strataError = toStrataError(error);
          if (strataError.code === 'INTERNAL') this.options.log(`Statement ${index + 1} of run ${runId}: ${strataError.message}`);
          emit({ type: 'statement-error', runId, index, error: strataError });
          if (signal.aborted || strataError.code === 'CANCELLED') {
            status = 'cancelled';
            break;
          }
          status = 'error';
          if (plan.stopOnError) break;
        }
      }
    } finally {
      await session.release().catch((error: unknown) => this.options.log(`Releasing the session of run ${runId} failed: ${toStrataError(error).message}`));
      if (schemaChanged) this.options.onSchemaChanged(plan.connectionId);
      emit({ type: 'run-end', runId, status, durationMs: elapsed(runStarted), statements: started, schemaChanged });
    }
  }
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

/** Lets timers and I/O (such as a cancel request) run between row batches. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function elapsed(since: number): number {
  return Math.round((performance.now() - since) * 100) / 100;
}
