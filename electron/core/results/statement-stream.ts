import { SPOOL_PROGRESS_MS, type QueryEvent } from '../../../shared/model/query';
import type { ResultBatch } from '../../../shared/result-batch/format';
import { CoreError } from '../errors';
import type { RunCredit } from '../services/run-credit';
import type { SpoolFile } from './spool-file';

export interface StatementStreamOptions {
  runId: string;
  index: number;
  /** Bytes of this statement's batches the client keeps; the rest is spooled. */
  budgetBytes: number;
  credit: RunCredit;
  signal: AbortSignal;
  emit: (event: QueryEvent) => void;
  openSpool: () => Promise<SpoolFile>;
}

/**
 * Where one statement's batches go: to the client as `batch` events while they fit its memory budget
 * (one credit each), then, from the first batch that would not fit, into a spool file (no credit, but
 * each write is awaited), announced by throttled `spooled` events.
 */
export class StatementStream {
  private rows = 0;
  private sentBytes = 0;
  private spool: SpoolFile | null = null;
  private spooledFrom = 0;
  private reportedRows = 0;
  private reportedAt = 0;

  constructor(private readonly options: StatementStreamOptions) {}

  /** The driver awaits this before fetching more, so a client that stops acking stops the fetching. */
  async batch(batch: ResultBatch): Promise<void> {
    const { runId, index, credit, signal, emit } = this.options;
    if (signal.aborted) throw new CoreError('CANCELLED', 'The query was cancelled.');
    const firstRow = this.rows;
    if (this.spool === null && this.sentBytes + batch.bytes.byteLength <= this.options.budgetBytes) {
      this.sentBytes += batch.bytes.byteLength;
      this.rows += batch.rowCount;
      emit({ type: 'batch', runId, index, firstRow, batch });
      if (credit.spend()) await yieldToEventLoop();
      else await credit.untilGranted();
      return;
    }
    if (this.spool === null) {
      this.spool = await this.options.openSpool();
      this.spooledFrom = firstRow;
    }
    await this.spool.append(batch, firstRow);
    this.rows += batch.rowCount;
    if (this.reportedAt === 0 || performance.now() - this.reportedAt >= SPOOL_PROGRESS_MS) this.report();
  }

  /** Reports the final spooled count (when it changed since the last report) and ends writing. Call before statement-end or -error. */
  async finish(): Promise<void> {
    if (this.spool === null) return;
    if (this.reportedRows !== this.rows) this.report();
    await this.spool.close();
  }

  private report(): void {
    const { runId, index, emit } = this.options;
    this.reportedRows = this.rows;
    this.reportedAt = performance.now();
    emit({ type: 'spooled', runId, index, spooledFrom: this.spooledFrom, rowCount: this.rows });
  }
}

/** Lets timers and I/O (such as a cancel request) run between batches. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
