import type { Engine } from '../../../shared/model/connection';
import type { ResultSink, SqlConnection } from '../drivers/types';
import { CoreError, toStrataError } from '../errors';
import { insertSql, planInsertChunks, rowsPerInsert, type InsertChunk } from './insert-chunks';

/** Runs one control statement (BEGIN, SAVEPOINT, COMMIT…) so that it can be reported as Strata's own. */
export type RunControl = (sql: string, send: () => Promise<unknown>) => Promise<unknown>;

export interface ImportRunOptions {
  engine: Engine;
  /** The quoted, qualified table name. */
  table: string;
  columns: readonly string[];
  session: SqlConnection;
  runControl: RunControl;
  /** Called once when the import has ended (committed or rolled back) and its session is released. */
  onEnded: () => void;
  log: (line: string) => void;
}

export interface RowBatch {
  rows: readonly (readonly (string | null)[])[];
  /** The file line each row starts on. */
  lines: readonly number[];
}

const SAVEPOINT = 'strata_import';
const IGNORE_ROWS: ResultSink = { columns: () => undefined, batch: () => undefined, notice: () => undefined };

/**
 * One CSV import: a session inside one transaction. Batches of rows become multi-row INSERTs with
 * bound values; any failure rolls the whole transaction back and names the line of the row that
 * failed, found by replaying the batch from a savepoint and inserting the failing statement's rows
 * one at a time. Calls are queued, so an abort waits for the statement it cancels.
 */
export class ImportRun {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly controller = new AbortController();
  private ended = false;
  private insertedRows = 0;
  private readonly maxRows: number;

  constructor(private readonly options: ImportRunOptions) {
    this.maxRows = rowsPerInsert(options.engine, options.columns.length);
  }

  get isEnded(): boolean {
    return this.ended;
  }

  get inserted(): number {
    return this.insertedRows;
  }

  get columnCount(): number {
    return this.options.columns.length;
  }

  async begin(): Promise<void> {
    await this.enqueue(() => this.control('BEGIN'));
  }

  /** Inserts a batch; resolves with the rows inserted so far. */
  insert(batch: RowBatch): Promise<number> {
    return this.enqueue(async () => {
      await this.insertBatch(batch);
      this.insertedRows += batch.rows.length;
      return this.insertedRows;
    });
  }

  commit(): Promise<number> {
    return this.enqueue(async () => {
      await this.control('COMMIT');
      await this.end();
      return this.insertedRows;
    });
  }

  /** Stops any running statement and rolls back. Resolves false when the import had already ended. */
  async abort(): Promise<boolean> {
    if (this.ended || this.controller.signal.aborted) return false;
    this.controller.abort();
    await this.queue.catch(() => undefined);
    if (!this.ended) await this.rollbackAndEnd();
    return true;
  }

  /** Runs `work` after the calls before it; a failure rolls back and ends the import. */
  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const run = async () => {
      if (this.ended || this.controller.signal.aborted) throw new CoreError('CANCELLED', 'The import was cancelled and rolled back.');
      try {
        return await work();
      } catch (error) {
        if (!this.ended) await this.rollbackAndEnd();
        throw error;
      }
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async insertBatch(batch: RowBatch): Promise<void> {
    const chunks = planInsertChunks(batch.rows, this.maxRows);
    await this.control(`SAVEPOINT ${SAVEPOINT}`);
    for (let index = 0; index < chunks.length; index += 1) {
      try {
        await this.insertRows(batch, chunks[index]);
      } catch (error) {
        if (this.controller.signal.aborted) throw error;
        throw await this.locateFailure(batch, chunks, index, error);
      }
    }
    await this.control(`RELEASE SAVEPOINT ${SAVEPOINT}`);
  }

  /**
   * Replays the batch from the savepoint up to the failing statement, then inserts that statement's
   * rows one by one: the first to fail is the line to report.
   */
  private async locateFailure(batch: RowBatch, chunks: InsertChunk[], failed: number, chunkError: unknown): Promise<CoreError> {
    const chunk = chunks[failed];
    const wholeChunk = () => lineError(chunkError, chunk.end - chunk.start === 1 ? `Line ${batch.lines[chunk.start]}` : `Lines ${batch.lines[chunk.start]}–${batch.lines[chunk.end - 1]}`);
    if (chunk.end - chunk.start === 1) return wholeChunk();
    try {
      await this.control(`ROLLBACK TO SAVEPOINT ${SAVEPOINT}`);
      for (let index = 0; index < failed; index += 1) await this.insertRows(batch, chunks[index]);
    } catch {
      return wholeChunk();
    }
    for (let row = chunk.start; row < chunk.end; row += 1) {
      try {
        await this.insertRows(batch, { start: row, end: row + 1 });
      } catch (error) {
        if (this.controller.signal.aborted) throw error;
        return lineError(error, `Line ${batch.lines[row]}`);
      }
    }
    return wholeChunk();
  }

  private async insertRows(batch: RowBatch, chunk: InsertChunk): Promise<void> {
    const { engine, table, columns, session } = this.options;
    const params = batch.rows.slice(chunk.start, chunk.end).flat();
    await session.execute(insertSql(engine, table, columns, chunk.end - chunk.start), IGNORE_ROWS, this.controller.signal, params);
  }

  private async control(sql: string): Promise<void> {
    await this.options.runControl(sql, () => this.options.session.execute(sql, IGNORE_ROWS, this.controller.signal));
  }

  private async rollbackAndEnd(): Promise<void> {
    const { session, runControl, log } = this.options;
    try {
      await runControl('ROLLBACK', () => session.execute('ROLLBACK', IGNORE_ROWS, new AbortController().signal));
    } catch (error) {
      log(`Rolling back a CSV import failed: ${toStrataError(error).message}`);
    }
    await this.end();
  }

  private async end(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    try {
      await this.options.session.release();
    } catch (error) {
      this.options.log(`Releasing the session of a CSV import failed: ${toStrataError(error).message}`);
    }
    this.options.onEnded();
  }
}

/** The server's error, named after the CSV line(s) it came from; a position inside the generated INSERT means nothing to the user. */
function lineError(error: unknown, where: string): CoreError {
  const strata = toStrataError(error);
  if (strata.code === 'CANCELLED' || strata.code === 'CONNECTION' || strata.code === 'TIMEOUT') {
    return new CoreError(strata.code, `${where}: ${strata.message} Nothing was imported.`);
  }
  const detail = strata.detail?.sqlState ? { sqlState: strata.detail.sqlState } : undefined;
  const code = strata.code === 'INTERNAL' ? 'QUERY' : strata.code;
  return new CoreError(code, `${where}: ${strata.message} Nothing was imported.`, detail);
}
