import type { StrataError } from '../../../../shared/errors';
import type { ColumnMeta } from '../../../../shared/model/query';
import type { ResultBatch } from '../../../../shared/result-batch/format';
import type { SqlParam, StatementSummary } from '../types';
import type { PackedRows } from './packed-rows';

/** What the driver hands each worker at start. The worker opens the file itself and answers `ready` or `open-failed`. */
export interface SqliteWorkerData {
  filePath: string;
  readOnly: boolean;
  nativeBinding?: string;
  /** One Int32: batches posted but not yet acknowledged by main (see flow-credit.ts). */
  credit: SharedArrayBuffer;
}

export type CatalogParam = string | number | null;
/** A catalog row by column name, values as text like every cell. */
export type CatalogRow = Record<string, string | null>;

export type WorkerRequest =
  /** Runs one user statement with its bound values and streams its rows. */
  | { type: 'execute'; id: number; sql: string; params: SqlParam[] }
  /** Runs a catalog query with bound parameters and returns all its rows at once. */
  | { type: 'catalog'; id: number; sql: string; params: CatalogParam[] }
  /** Rolls back a transaction left open, before the worker goes back to the pool. */
  | { type: 'reset'; id: number };

export type WorkerReply =
  | { type: 'ready'; version: string }
  | { type: 'open-failed'; error: StrataError }
  | { type: 'columns'; id: number; columns: ColumnMeta[] }
  /** The next rows of the statement; `batch.bytes.buffer` is transferred, not copied. */
  | { type: 'batch'; id: number; batch: ResultBatch }
  /** inTransaction: whether the session still has a transaction open after the statement. */
  | { type: 'done'; id: number; summary: StatementSummary; inTransaction: boolean }
  | { type: 'catalog-rows'; id: number; columns: string[]; rows: PackedRows }
  | { type: 'reset-done'; id: number }
  | { type: 'failed'; id: number; error: StrataError; inTransaction: boolean };
