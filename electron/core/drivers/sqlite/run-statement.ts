import type Database from 'better-sqlite3';
import type { ColumnMeta } from '../../../../shared/model/query';
import type { ResultBatch } from '../../../../shared/result-batch/format';
import type { SqlParam, StatementSummary } from '../types';
import { ColumnBatchBuilder } from './column-batch-builder';
import { isDataChange, leadingKeyword, readerCommand } from './statement-command';
import { categoryOfDeclaredType } from './type-category';
import { storageClassOf } from './value-text';

/** Small first batch so the first rows show at once; later batches grow to amortise the crossing. */
const FIRST_BATCH_ROWS = 1000;
const MAX_BATCH_ROWS = 5000;
/** About 1 MiB of encoded values. */
const MAX_BATCH_BYTES = 1024 * 1024;
/** Rows that trickle in slowly are sent after this long rather than held back. */
const MAX_BATCH_AGE_MS = 100;

export interface StatementOutput {
  columns(columns: ColumnMeta[]): void;
  /** Posts a batch; may block until main has room for it. */
  batch(batch: ResultBatch): void;
}

function describeColumns(declared: Database.ColumnDefinition[], firstRow: unknown[] | null): ColumnMeta[] {
  return declared.map((column, index) => {
    const dataType = column.type ?? (firstRow ? storageClassOf(firstRow[index]) : '');
    return { name: column.name, dataType, category: categoryOfDeclaredType(dataType) };
  });
}

/**
 * Runs one statement on the worker's database. Row-returning statements stream through `output` in
 * batches; the others run once and report the rows they changed.
 */
export function runStatement(db: Database.Database, sql: string, params: readonly SqlParam[], output: StatementOutput): StatementSummary {
  const statement = db.prepare(sql);
  const values = params.map(toSqliteValue);
  if (!statement.reader) {
    const result = bound(() => statement.run(...values), values.length);
    return { rowCount: 0, affectedRows: Number(result.changes), command: leadingKeyword(sql) };
  }

  statement.raw(true).safeIntegers(true);
  const declared = statement.columns();
  const builder = new ColumnBatchBuilder(declared.length);
  let columnsSent = false;
  let rowCount = 0;
  let batchLimit = FIRST_BATCH_ROWS;
  let batchStartedAt = performance.now();

  for (const row of bound(() => statement.iterate(...values), values.length) as IterableIterator<unknown[]>) {
    if (!columnsSent) {
      output.columns(describeColumns(declared, row));
      columnsSent = true;
    }
    builder.add(row);
    rowCount++;
    const batchRows = builder.rowCount;
    const full = batchRows >= batchLimit || builder.approximateBytes >= MAX_BATCH_BYTES;
    // The clock is read on a batch's first row and every 16th after: cheap, and a slow first row still goes out alone.
    if (full || ((batchRows & 15) === 1 && performance.now() - batchStartedAt >= MAX_BATCH_AGE_MS)) {
      output.batch(builder.take());
      batchLimit = Math.min(batchLimit * 2, MAX_BATCH_ROWS);
      batchStartedAt = performance.now();
    }
  }

  if (!columnsSent) output.columns(describeColumns(declared, null));
  if (builder.rowCount > 0) output.batch(builder.take());
  const command = readerCommand(sql);
  return { rowCount, affectedRows: isDataChange(command) ? rowCount : null, command };
}

type SqliteValue = string | number | bigint | Buffer | null;

/** SQLite has no boolean: true and false are bound as 1 and 0. Bytes become a blob, text stays text. */
function toSqliteValue(param: SqlParam): SqliteValue {
  if (typeof param === 'boolean') return param ? 1 : 0;
  if (param instanceof Uint8Array) return Buffer.from(param.buffer, param.byteOffset, param.byteLength);
  // better-sqlite3 binds every number as REAL; a whole number is bound as INTEGER, as SQLite would store it.
  if (typeof param === 'number' && Number.isSafeInteger(param)) return BigInt(param);
  return param;
}

/** Binds the values; a count that does not match the statement's placeholders gets a message that says so. */
function bound<T>(bind: () => T, given: number): T {
  try {
    return bind();
  } catch (error) {
    if (error instanceof RangeError && /parameter/i.test(error.message)) {
      throw new ParameterCountError(`The statement's parameters do not match the ${given} value${given === 1 ? '' : 's'} given: ${error.message}.`);
    }
    throw error;
  }
}

/** Told apart by the worker, which reports it as INVALID_INPUT rather than a failing statement. */
export class ParameterCountError extends Error {
  override readonly name = 'ParameterCountError';
}
