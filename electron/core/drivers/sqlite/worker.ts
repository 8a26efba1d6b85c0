import { parentPort, workerData } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { takeCredit } from './flow-credit';
import { openDatabase } from './open-database';
import { ParameterCountError, runStatement } from './run-statement';
import { statementFailure } from './sqlite-errors';
import { runCatalogQuery } from './run-catalog-query';
import type { SqliteWorkerData, WorkerReply, WorkerRequest } from './worker-protocol';

// The worker entry: owns one better-sqlite3 connection and runs one request at a time.

const port = parentPort;
if (!port) throw new Error('The SQLite worker must run in a worker thread.');

const data = workerData as SqliteWorkerData;
const credit = new Int32Array(data.credit);

function post(reply: WorkerReply, transfer?: ArrayBuffer[]): void {
  port?.postMessage(reply, transfer);
}

function handle(db: Database.Database, request: WorkerRequest): void {
  try {
    if (request.type === 'execute') {
      const summary = runStatement(db, request.sql, request.params, {
        columns: (columns) => post({ type: 'columns', id: request.id, columns }),
        batch: (batch) => {
          takeCredit(credit);
          post({ type: 'batch', id: request.id, batch }, [batch.bytes.buffer as ArrayBuffer]);
        },
      });
      post({ type: 'done', id: request.id, summary, inTransaction: db.inTransaction });
    } else if (request.type === 'reset') {
      if (db.inTransaction) db.exec('ROLLBACK');
      post({ type: 'reset-done', id: request.id });
    } else {
      const { columns, rows } = runCatalogQuery(db, request.sql, request.params);
      post({ type: 'catalog-rows', id: request.id, columns, rows }, [rows.lengths.buffer as ArrayBuffer]);
    }
  } catch (error) {
    const failure = error instanceof ParameterCountError ? { code: 'INVALID_INPUT' as const, message: error.message } : statementFailure(error, data.readOnly);
    post({ type: 'failed', id: request.id, error: failure, inTransaction: db.inTransaction });
  }
}

const opened = openDatabase(data);
if (opened.ok) {
  const { db } = opened;
  port.on('message', (request: WorkerRequest) => handle(db, request));
  post({ type: 'ready', version: opened.version });
} else {
  post({ type: 'open-failed', error: opened.error });
}
