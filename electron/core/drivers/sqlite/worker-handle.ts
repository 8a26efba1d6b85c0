import { Worker } from 'node:worker_threads';
import type { StrataError } from '../../../../shared/errors';
import { CoreError } from '../../errors';
import { markLingeringThread } from '../../process/lingering-threads';
import type { ResultSink, SqlParam, StatementSummary } from '../types';
import { createCredit, returnCredit } from './flow-credit';
import { unpackObjects } from './packed-rows';
import type { CatalogParam, CatalogRow, SqliteWorkerData, WorkerReply, WorkerRequest } from './worker-protocol';

export interface WorkerLaunch {
  workerPath: string;
  filePath: string;
  readOnly: boolean;
  nativeBinding?: string;
}

/** How long terminate() waits for the thread to end. A thread inside one long SQLite step ends only when that step does. */
const TERMINATE_GRACE_MS = 1000;

interface PendingRequest {
  id: number;
  receive(reply: WorkerReply): void;
  fail(error: Error): void;
}

function fromContract(error: StrataError): CoreError {
  return new CoreError(error.code, error.message, error.detail);
}

export function cancelledError(): CoreError {
  return new CoreError('CANCELLED', 'The query was cancelled.');
}

/** Main's side of one SQLite worker thread: one open connection to the file, one request at a time. */
export class SqliteWorkerHandle {
  readonly version: string;
  private readonly worker: Worker;
  private readonly credit: Int32Array;
  private pending: PendingRequest | null = null;
  private nextId = 0;
  private ended = false;
  private transactionOpen = false;

  /** Starts a worker and waits until it has opened the file. Rejects with the open error (NOT_FOUND, CONNECTION…). */
  static start(launch: WorkerLaunch): Promise<SqliteWorkerHandle> {
    const credit = createCredit();
    const workerData: SqliteWorkerData = {
      filePath: launch.filePath,
      readOnly: launch.readOnly,
      credit,
      ...(launch.nativeBinding ? { nativeBinding: launch.nativeBinding } : {}),
    };
    let worker: Worker;
    try {
      // The worker is a self-contained bundle: it needs none of main's loader flags (tsx, vitest) and starts faster without.
      worker = new Worker(launch.workerPath, { workerData, execArgv: [] });
    } catch (error) {
      return Promise.reject(new CoreError('CONNECTION', `The SQLite engine could not start: ${error instanceof Error ? error.message : String(error)}`));
    }
    return new Promise((resolve, reject) => {
      const stopListening = () => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      const abandon = () => {
        stopListening();
        // A late 'error' from a worker being ended must not become an uncaught exception in main.
        worker.on('error', () => undefined);
        void worker.terminate();
      };
      const onMessage = (reply: WorkerReply) => {
        if (reply.type === 'ready') {
          stopListening();
          resolve(new SqliteWorkerHandle(worker, credit, reply.version));
        } else {
          abandon();
          reject(reply.type === 'open-failed' ? fromContract(reply.error) : new CoreError('INTERNAL', `The SQLite engine sent "${reply.type}" before opening.`));
        }
      };
      const onError = (error: Error) => {
        abandon();
        reject(new CoreError('CONNECTION', `The SQLite engine could not start: ${error.message}`));
      };
      const onExit = (exitCode: number) => {
        abandon();
        reject(new CoreError('CONNECTION', `The SQLite engine stopped while opening the database (exit code ${exitCode}).`));
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
    });
  }

  private constructor(worker: Worker, credit: SharedArrayBuffer, version: string) {
    this.worker = worker;
    this.credit = new Int32Array(credit);
    this.version = version;
    worker.on('message', (reply: WorkerReply) => {
      if (this.pending && 'id' in reply && reply.id === this.pending.id) this.pending.receive(reply);
    });
    worker.on('error', (error: Error) => {
      this.pending?.fail(new CoreError('CONNECTION', `The SQLite engine failed: ${error.message}. Run the statement again.`));
    });
    worker.on('exit', (exitCode: number) => {
      const unexpected = !this.ended;
      this.ended = true;
      if (unexpected) {
        this.pending?.fail(new CoreError('CONNECTION', `The SQLite engine stopped unexpectedly (exit code ${exitCode}). Run the statement again.`));
      }
    });
  }

  /** Whether the last statement left a transaction open (BEGIN without COMMIT). */
  get inTransaction(): boolean {
    return this.transactionOpen;
  }

  /** False once the worker was terminated or died; such a worker is never reused. */
  get usable(): boolean {
    return !this.ended;
  }

  /** Runs one statement, delivering its rows to the sink in order and waiting for each batch() before acknowledging. */
  execute(sql: string, sink: ResultSink, signal: AbortSignal, params: readonly SqlParam[] = []): Promise<StatementSummary> {
    if (signal.aborted) return Promise.reject(cancelledError());
    return new Promise((resolve, reject) => {
      let settled = false;
      let delivery = Promise.resolve();
      let id = 0;
      const settle = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        signal.removeEventListener('abort', onAbort);
        this.finish(id);
        outcome();
      };
      const fail = (error: Error) => settle(() => reject(error));
      const onAbort = () => {
        fail(cancelledError());
        void this.terminate();
      };
      const deliver = async (reply: WorkerReply) => {
        if (settled) return;
        switch (reply.type) {
          case 'columns':
            sink.columns(reply.columns);
            break;
          case 'batch':
            await sink.batch(reply.batch);
            returnCredit(this.credit);
            break;
          case 'done':
            this.transactionOpen = reply.inTransaction;
            settle(() => resolve(reply.summary));
            break;
          case 'failed':
            this.transactionOpen = reply.inTransaction;
            fail(fromContract(reply.error));
            break;
          default:
            fail(new CoreError('INTERNAL', `The SQLite engine sent an unexpected "${reply.type}" reply.`));
        }
      };
      signal.addEventListener('abort', onAbort, { once: true });
      id = this.begin({
        receive: (reply) => {
          delivery = delivery.then(() => deliver(reply)).catch((error: unknown) => {
            // The sink refused the rows: the statement cannot go on.
            fail(error instanceof Error ? error : new Error(String(error)));
            void this.terminate();
          });
        },
        fail,
      }, (requestId) => ({ type: 'execute', id: requestId, sql, params: [...params] }));
    });
  }

  /** Runs a small catalog query with bound parameters and returns all its rows. */
  catalog(sql: string, params: CatalogParam[]): Promise<CatalogRow[]> {
    return this.ask(
      (id) => ({ type: 'catalog', id, sql, params }),
      (reply) => (reply.type === 'catalog-rows' ? { value: unpackObjects(reply.columns, reply.rows) } : null),
    );
  }

  /** Rolls back a transaction the session left open, so the next user of this worker starts clean. */
  async reset(): Promise<void> {
    await this.ask(
      (id) => ({ type: 'reset', id }),
      (reply) => (reply.type === 'reset-done' ? { value: undefined } : null),
    );
    this.transactionOpen = false;
  }

  /** One request with one answer: `answer` picks the reply that settles it; a 'failed' reply rejects. */
  private ask<T>(request: (id: number) => WorkerRequest, answer: (reply: WorkerReply) => { value: T } | null): Promise<T> {
    return new Promise((resolve, reject) => {
      let id = 0;
      const fail = (error: Error) => {
        this.finish(id);
        reject(error);
      };
      id = this.begin({
        receive: (reply) => {
          const answered = answer(reply);
          if (answered) {
            this.finish(id);
            resolve(answered.value);
          } else if (reply.type === 'failed') {
            fail(fromContract(reply.error));
          }
        },
        fail,
      }, request);
    });
  }

  /**
   * Ends the worker. Whatever it was running is abandoned (an open transaction is rolled back with it).
   * Waits at most TERMINATE_GRACE_MS: a thread busy inside SQLite cannot stop before the step returns.
   */
  async terminate(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    this.pending?.fail(cancelledError());
    this.worker.unref();
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, TERMINATE_GRACE_MS);
      timer.unref();
    });
    // Counted until the thread has really ended, so that a host exiting meanwhile does not wait for it.
    const ended = markLingeringThread();
    await Promise.race([this.worker.terminate().then(ended, ended), grace]);
    clearTimeout(timer);
  }

  /** Sends a request and returns its id, or fails it at once (returning 0) when the worker cannot take it. */
  private begin(handlers: Omit<PendingRequest, 'id'>, request: (id: number) => WorkerRequest): number {
    if (this.ended) {
      handlers.fail(new CoreError('CONNECTION', 'The SQLite engine of this session has stopped. Run the statement again.'));
      return 0;
    }
    if (this.pending) {
      handlers.fail(new CoreError('INTERNAL', 'This SQLite session is already running a statement.'));
      return 0;
    }
    const id = ++this.nextId;
    this.pending = { id, ...handlers };
    this.worker.postMessage(request(id));
    return id;
  }

  private finish(id: number): void {
    if (this.pending?.id === id) this.pending = null;
  }
}
