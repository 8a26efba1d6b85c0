import type pg from 'pg';
import Cursor from 'pg-cursor';
import type { Cell } from '../../../../shared/model/query';
import { reportAppQuery, type AppQueryReporter } from '../../activity/app-query-report';
import { CoreError } from '../../errors';
import type { ResultSink, SqlConnection, SqlParam, StatementSummary } from '../types';
import { cancelledError, toCoreError, type ErrorContext } from './error-mapping';
import { FIRST_READ_ROWS, nextReadSize } from './read-size';
import { buildResultBatch, columnKindOfType, type PostgresColumnKind } from './result-batch-builder';
import type { TypeRegistry } from './type-registry';

/** How long a cancelled statement may take to stop before its socket is closed instead. */
const CANCEL_GRACE_MS = 3000;
const RESET_SESSION = 'DISCARD ALL';
const COMMANDS_WITH_AFFECTED_ROWS = new Set(['INSERT', 'UPDATE', 'DELETE', 'MERGE', 'COPY']);

/** Every value stays the server's text: int8 and numeric keep every digit, timestamps their zone. */
const RAW_TEXT: pg.CustomTypesConfig = { getTypeParser: () => (value: string) => value };

export interface SessionDependencies {
  types: TypeRegistry;
  errorContext: ErrorContext;
  isBroken(client: pg.ClientBase): boolean;
  /** Asks the server, from another session, to stop the statement of backend `pid`. */
  cancelBackend(pid: number): Promise<unknown>;
  onReleased(session: PostgresConnection): void;
  /** Told about the session reset, which Strata sends on its own behalf. */
  onAppQuery?: AppQueryReporter;
}

/** One pooled session. Statements run one at a time through pg-cursor and stream in batches. */
export class PostgresConnection implements SqlConnection {
  private released = false;
  private used = false;
  /** Set when the socket was closed on purpose; such a client must not go back to the pool. */
  private discard = false;

  constructor(
    private readonly client: pg.PoolClient,
    private readonly deps: SessionDependencies,
  ) {}

  async execute(sql: string, sink: ResultSink, signal: AbortSignal, params: readonly SqlParam[] = []): Promise<StatementSummary> {
    if (this.released) throw new CoreError('INTERNAL', 'This PostgreSQL session was already released.');
    if (signal.aborted) throw cancelledError();
    this.used = true;
    // Text goes as text for the server to convert; node-postgres sends a Uint8Array in binary, which bytea takes as is.
    const values = params.length > 0 ? [...params] : undefined;
    const cursor = this.client.query(new Cursor<Cell[]>(sql, values, { rowMode: 'array', types: RAW_TEXT }));
    const onNotice = (notice: { message?: string }) => {
      try {
        sink.notice(notice.message ?? '');
      } catch {
        // This runs inside node-postgres's message parser, where a throw would break the session.
      }
    };
    this.client.on('notice', onNotice);

    let cancelRequested = false;
    let pendingCancel: Promise<unknown> = Promise.resolve();
    let graceTimer: NodeJS.Timeout | undefined;
    const onAbort = () => {
      cancelRequested = true;
      const pid = (this.client as unknown as { processID: number | null }).processID;
      if (pid !== null) pendingCancel = this.deps.cancelBackend(pid);
      graceTimer = setTimeout(() => this.closeSocket(), CANCEL_GRACE_MS);
      graceTimer.unref();
    };
    signal.addEventListener('abort', onAbort, { once: true });

    const progress = { portalOpen: false };
    try {
      return await this.stream(cursor, sink, signal, progress);
    } catch (error) {
      if (progress.portalOpen) await this.closeCursor(cursor);
      if (error instanceof SinkFailure) throw error.cause;
      if (isParameterCountError(error)) throw parameterCountError(error, params.length);
      throw toCoreError(error, { ...this.deps.errorContext, cancelRequested });
    } finally {
      signal.removeEventListener('abort', onAbort);
      this.client.removeListener('notice', onNotice);
      clearTimeout(graceTimer);
      // The cancel must land before this session runs anything else, or it could stop the next statement.
      await pendingCancel;
    }
  }

  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    this.deps.onReleased(this);
    let reusable = !this.discard && !this.deps.isBroken(this.client) && this.client.getTransactionStatus() === 'I';
    if (reusable && this.used) {
      // SET, prepared statements and temp tables of this session must not leak into the next user's.
      reusable = await reportAppQuery(this.deps.onAppQuery, 'session', RESET_SESSION, () => this.client.query(RESET_SESSION)).then(
        () => !this.deps.isBroken(this.client),
        () => false,
      );
    }
    this.client.release(reusable ? undefined : new Error('Session discarded'));
  }

  /** Ends the session's socket at once: running statements fail and the client leaves the pool. */
  terminate(): void {
    this.closeSocket();
  }

  private async stream(cursor: Cursor<Cell[]>, sink: ResultSink, signal: AbortSignal, progress: { portalOpen: boolean }): Promise<StatementSummary> {
    let readSize = FIRST_READ_ROWS;
    let delivered = 0;
    let columnsSent = false;
    let kinds: PostgresColumnKind[] | null = null;
    // pg-cursor hands out the same result object on every read and fills in the command at the end.
    let result: pg.QueryResult | undefined;
    for (;;) {
      progress.portalOpen = false;
      const read = await readRows(cursor, readSize);
      const rows = read.rows;
      result = read.result ?? result;
      progress.portalOpen = rows.length === readSize;
      if (!columnsSent && result && result.fields.length > 0) {
        const columns = await this.deps.types.describe(result.fields);
        await deliver(() => sink.columns(columns));
        columnsSent = true;
      }
      if (rows.length > 0) {
        kinds ??= (result?.fields ?? []).map((field) => columnKindOfType(field.dataTypeID));
        const batch = buildResultBatch(rows, kinds);
        delivered += rows.length;
        await deliver(() => sink.batch(batch));
        readSize = nextReadSize(batch);
      }
      if (!progress.portalOpen) {
        const command = result?.command ?? null;
        const affectedRows = command !== null && COMMANDS_WITH_AFFECTED_ROWS.has(command) ? (result?.rowCount ?? null) : null;
        return { rowCount: delivered, affectedRows, command };
      }
      if (signal.aborted) throw cancelledError();
    }
  }

  /** Closes a suspended portal so the session can run the next statement; a session that does not answer is closed. */
  private async closeCursor(cursor: Cursor<Cell[]>): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<void>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error('The portal did not close in time')), CANCEL_GRACE_MS);
    });
    try {
      await Promise.race([cursor.close(), timedOut]);
    } catch {
      this.closeSocket();
    } finally {
      clearTimeout(timer);
    }
  }

  private closeSocket(): void {
    this.discard = true;
    this.client.end().catch(() => undefined);
  }
}

/** The server refuses a Bind whose value count differs from the statement's placeholders (protocol violation 08P01). */
function isParameterCountError(error: unknown): error is Error {
  return (error as { code?: unknown } | null)?.code === '08P01' && error instanceof Error && /bind message supplies/.test(error.message);
}

function parameterCountError(error: Error, given: number): CoreError {
  const expected = /requires (\d+)/.exec(error.message)?.[1];
  const needs = expected === undefined ? 'a different number of values' : `${expected} value${expected === '1' ? '' : 's'}`;
  return new CoreError('INVALID_INPUT', `The statement needs ${needs} for its parameters, but ${given} ${given === 1 ? 'was' : 'were'} given.`);
}

/** A failure of the sink, which is the caller's own error and goes back to it unchanged. */
class SinkFailure {
  constructor(readonly cause: unknown) {}
}

async function deliver(send: () => void | Promise<void>): Promise<void> {
  try {
    await send();
  } catch (error) {
    throw new SinkFailure(error);
  }
}

function readRows(cursor: Cursor<Cell[]>, size: number): Promise<{ rows: Cell[][]; result: pg.QueryResult | undefined }> {
  return new Promise((resolve, reject) => {
    cursor.read(size, (error, rows, result) => (error ? reject(error) : resolve({ rows, result: result as pg.QueryResult | undefined })));
  });
}
