import { CoreError } from '../../errors';
import { SqliteWorkerHandle, type WorkerLaunch } from './worker-handle';

/** Idle workers kept open for reuse; more may run at once, but the surplus ends when released. */
const MAX_IDLE_WORKERS = 4;

/** The workers of one connection profile: each is one open connection to the file. */
export class SqliteWorkerPool {
  private readonly launch: WorkerLaunch;
  private readonly idle: SqliteWorkerHandle[] = [];
  private readonly live = new Set<SqliteWorkerHandle>();
  private closed = false;

  constructor(launch: WorkerLaunch) {
    this.launch = launch;
  }

  /** An idle worker, or a new one once it has opened the file. */
  async acquire(): Promise<SqliteWorkerHandle> {
    this.assertOpen();
    for (let worker = this.idle.pop(); worker; worker = this.idle.pop()) {
      if (worker.usable) return worker;
      this.live.delete(worker);
    }
    const worker = await SqliteWorkerHandle.start(this.launch);
    if (this.closed) {
      await worker.terminate();
      this.assertOpen();
    }
    this.live.add(worker);
    return worker;
  }

  /**
   * Takes a worker back, rolling back a transaction its session left open: the next session must not
   * inherit it. A dead worker, one that cannot roll back, or one beyond the idle limit is ended instead.
   */
  async release(worker: SqliteWorkerHandle): Promise<void> {
    if (this.closed || !worker.usable || this.idle.length >= MAX_IDLE_WORKERS) {
      await this.discard(worker);
      return;
    }
    if (worker.inTransaction) {
      const rolledBack = await worker.reset().then(() => true, () => false);
      if (!rolledBack) {
        await this.discard(worker);
        return;
      }
    }
    if (!this.closed && !this.idle.includes(worker)) this.idle.push(worker);
  }

  async discard(worker: SqliteWorkerHandle): Promise<void> {
    this.live.delete(worker);
    await worker.terminate();
  }

  /** Borrows a worker for one short piece of work. */
  async use<T>(work: (worker: SqliteWorkerHandle) => Promise<T>): Promise<T> {
    const worker = await this.acquire();
    try {
      return await work(worker);
    } finally {
      await this.release(worker);
    }
  }

  /** Ends every worker, busy or idle. Safe to call twice. */
  async destroy(): Promise<void> {
    this.closed = true;
    this.idle.length = 0;
    const workers = [...this.live];
    this.live.clear();
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  private assertOpen(): void {
    if (this.closed) throw new CoreError('CONNECTION', 'This SQLite connection is closed. Open it again.');
  }
}
