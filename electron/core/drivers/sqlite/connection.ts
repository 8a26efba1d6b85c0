import { CoreError } from '../../errors';
import type { ResultSink, SqlConnection, SqlParam, StatementSummary } from '../types';
import type { SqliteWorkerHandle } from './worker-handle';
import type { SqliteWorkerPool } from './worker-pool';

/**
 * One session backed by its own worker, so that BEGIN, temp tables and pragmas carry over between its
 * statements. Cancelling ends the worker; the next statement runs on a fresh one.
 */
export class SqliteConnection implements SqlConnection {
  private readonly pool: SqliteWorkerPool;
  private worker: SqliteWorkerHandle;
  private running = false;
  private released = false;

  constructor(pool: SqliteWorkerPool, worker: SqliteWorkerHandle) {
    this.pool = pool;
    this.worker = worker;
  }

  async execute(sql: string, sink: ResultSink, signal: AbortSignal, params: readonly SqlParam[] = []): Promise<StatementSummary> {
    if (this.released) throw new CoreError('INTERNAL', 'This SQLite session was already released.');
    if (this.running) throw new CoreError('INTERNAL', 'This SQLite session is already running a statement.');
    this.running = true;
    try {
      if (!this.worker.usable) {
        void this.pool.discard(this.worker);
        this.worker = await this.pool.acquire();
      }
      return await this.worker.execute(sql, sink, signal, params);
    } finally {
      this.running = false;
    }
  }

  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    if (this.running) await this.pool.discard(this.worker);
    else await this.pool.release(this.worker);
  }
}
