import type Database from 'better-sqlite3';
import type { ColumnMeta } from '../../../../shared/model/query';
import type { ResultBatch } from '../../../../shared/result-batch/format';
import type { StatementSummary } from '../types';
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
export function runStatement(db: Database.Database, sql: string, output: StatementOutput): StatementSummary {
  const statement = db.prepare(sql);
  if (!statement.reader) {
    const result = statement.run();
    return { rowCount: 0, affectedRows: Number(result.changes), command: leadingKeyword(sql) };
  }

  statement.raw(true).safeIntegers(true);
  const declared = statement.columns();
  const builder = new ColumnBatchBuilder(declared.length);
  let columnsSent = false;
  let rowCount = 0;
  let batchLimit = FIRST_BATCH_ROWS;
  let batchStartedAt = performance.now();

  for (const row of statement.iterate() as IterableIterator<unknown[]>) {
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
