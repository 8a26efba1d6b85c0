import type { FieldPacket, PoolConnection } from 'mysql2';
import type { ResultSink } from '../types';
import { BatchBuilder } from './batch-builder';
import { CellReader, type CellValue } from './cell-reader';
import { planColumn } from './column-types';

/** The OK packet of a statement without rows, as far as Strata reads it. */
export interface OkPacket {
  affectedRows: number;
  warningStatus: number;
  /** Session state the server reports as changed; `schema` is the new default database after USE. */
  stateChanges?: { schema?: string };
}

export interface StatementOutcome {
  /** Rows delivered to the sink. */
  rowCount: number;
  /** Whether the statement returned a result set (possibly empty). */
  returnedRows: boolean;
  /** The last OK packet: the statement's own, or the one ending a CALL. */
  okPacket: OkPacket | null;
  /** Result sets after the first (CALL can return several); their rows are not delivered. */
  extraResultSets: number;
}

/** The sink failed; its error goes back to the caller unchanged. */
export class SinkFailure {
  constructor(readonly cause: unknown) {}
}

/**
 * Streams one statement through mysql2's event API into batches. While the sink holds a batch (its
 * promise is pending) the socket is paused, so the server blocks on its send buffer and neither side
 * holds more than about one batch. `done` settles once the server has finished the statement, or the
 * session is given up (forceClose).
 */
export class StatementRun {
  readonly done: Promise<StatementOutcome>;
  private resolveDone!: (outcome: StatementOutcome) => void;
  private rejectDone!: (error: unknown) => void;
  private readonly reader = new CellReader();
  private builder: BatchBuilder | null = null;
  private resultSets = 0;
  private currentHasColumns = false;
  private rowCount = 0;
  private okPacket: OkPacket | null = null;
  private discarding = false;
  private sinkFailure: SinkFailure | null = null;
  private stopWaiting: (() => void) | null = null;
  /** The server has sent the end of the statement. */
  private ended = false;
  private settled = false;

  constructor(
    private readonly connection: PoolConnection,
    sql: string,
    private readonly sink: ResultSink,
    private readonly onSinkFailure: () => void,
  ) {
    this.done = new Promise((resolve, reject) => {
      this.resolveDone = resolve;
      this.rejectDone = reject;
    });
    // A socket that fails mid-statement is reported on the connection only: a streaming query gets no event.
    connection.on('error', this.onConnectionError);
    const query = connection.query({ sql, rowsAsArray: true, typeCast: this.reader.typeCast });
    query.on('fields', (fields?: FieldPacket[]) => this.onFields(fields));
    query.on('result', (row: unknown) => this.onResult(row));
    query.on('error', (error: unknown) => this.finish(error));
    query.on('end', () => void this.onEnd());
  }

  /** Stops delivering: rows still coming are read and dropped, and a pending sink is no longer waited for. */
  abandon(): void {
    if (this.discarding) return;
    this.discarding = true;
    this.builder?.clear();
    this.stopWaiting?.();
    this.connection.resume();
  }

  /** Settles `done` now with `error`; the caller closes the socket. */
  forceClose(error: unknown): void {
    this.finish(error);
  }

  private readonly onConnectionError = (error: unknown) => this.finish(error);

  private onFields(fields: FieldPacket[] | undefined): void {
    this.currentHasColumns = fields !== undefined;
    if (!fields) return;
    this.resultSets++;
    const plans = fields.map(planColumn);
    this.reader.startResultSet(plans);
    if (this.resultSets > 1) return;
    this.builder = new BatchBuilder(plans);
    if (this.discarding) return;
    try {
      this.sink.columns(plans.map((plan) => plan.meta));
    } catch (error) {
      this.failSink(error);
    }
  }

  private onResult(row: unknown): void {
    if (!this.currentHasColumns) {
      this.okPacket = row as OkPacket;
      return;
    }
    if (this.discarding || this.resultSets > 1 || !this.builder) return;
    this.rowCount++;
    if (this.builder.add(row as CellValue[])) this.deliver(this.builder);
  }

  private deliver(builder: BatchBuilder): void {
    const pending = this.sendBatch(builder);
    if (!pending) return;
    this.connection.pause();
    pending.then(() => {
      if (!this.discarding) this.connection.resume();
    });
  }

  /** Hands the builder's rows to the sink; a promise when the sink is still busy with them. */
  private sendBatch(builder: BatchBuilder): Promise<void> | null {
    let pending: void | Promise<void>;
    try {
      pending = this.sink.batch(builder.take());
    } catch (error) {
      this.failSink(error);
      return null;
    }
    if (!pending || typeof pending.then !== 'function') return null;
    // The sink itself may have cancelled the statement while taking the batch: nothing to wait for then.
    if (this.discarding) return null;
    return new Promise<void>((resolve) => {
      this.stopWaiting = resolve;
      pending.then(resolve, (error: unknown) => {
        this.failSink(error);
        resolve();
      });
    }).finally(() => {
      this.stopWaiting = null;
    });
  }

  private async onEnd(): Promise<void> {
    this.ended = true;
    if (this.settled) return;
    if (!this.discarding && this.builder && this.builder.rowCount > 0) await this.sendBatch(this.builder);
    this.finish(null);
  }

  private failSink(error: unknown): void {
    if (this.sinkFailure) return;
    this.sinkFailure = new SinkFailure(error);
    this.abandon();
    if (!this.ended) this.onSinkFailure();
  }

  private finish(error: unknown): void {
    if (this.settled) return;
    this.settled = true;
    this.connection.removeListener('error', this.onConnectionError);
    if (this.sinkFailure) {
      this.rejectDone(this.sinkFailure);
    } else if (error) {
      this.rejectDone(error);
    } else {
      this.resolveDone({
        rowCount: this.rowCount,
        returnedRows: this.resultSets > 0,
        okPacket: this.okPacket,
        extraResultSets: Math.max(this.resultSets - 1, 0),
      });
    }
  }
}
