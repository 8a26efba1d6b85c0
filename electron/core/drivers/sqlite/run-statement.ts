import type Database from 'better-sqlite3';
import type { ColumnMeta } from '../../../../shared/model/query';
import type { StatementSummary } from '../types';
import { RowPacker, type PackedRows } from './packed-rows';
import { isDataChange, leadingKeyword, readerCommand } from './statement-command';
import { categoryOfDeclaredType } from './type-category';
import { storageClassOf, valueToCell } from './value-text';

/** Small first batch so the first rows show at once; later batches grow to amortise the crossing. */
const FIRST_BATCH_ROWS = 1000;
const MAX_BATCH_ROWS = 5000;
/** About 1 MB of cell text. */
const MAX_BATCH_CHARS = 1_000_000;
/** Rows that trickle in slowly are sent after this long rather than held back. */
const MAX_BATCH_AGE_MS = 100;

export interface StatementOutput {
  columns(columns: ColumnMeta[]): void;
  /** Posts a batch; may block until main has room for it. */
  rows(rows: PackedRows): void;
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
  const packer = new RowPacker(declared.length, MAX_BATCH_ROWS);
  let columnsSent = false;
  let rowCount = 0;
  let batchRows = 0;
  let batchLimit = FIRST_BATCH_ROWS;
  let batchStartedAt = performance.now();

  for (const row of statement.iterate() as IterableIterator<unknown[]>) {
    if (!columnsSent) {
      output.columns(describeColumns(declared, row));
      columnsSent = true;
    }
    for (let index = 0; index < row.length; index++) packer.addCell(valueToCell(row[index]));
    rowCount++;
    batchRows++;
    const full = batchRows >= batchLimit || packer.textLength >= MAX_BATCH_CHARS;
    // The clock is read on a batch's first row and every 16th after: cheap, and a slow first row still goes out alone.
    if (full || ((batchRows & 15) === 1 && performance.now() - batchStartedAt >= MAX_BATCH_AGE_MS)) {
      output.rows(packer.take());
      batchRows = 0;
      batchLimit = Math.min(batchLimit * 2, MAX_BATCH_ROWS);
      batchStartedAt = performance.now();
    }
  }

  if (!columnsSent) output.columns(describeColumns(declared, null));
  if (batchRows > 0) output.rows(packer.take());
  const command = readerCommand(sql);
  return { rowCount, affectedRows: isDataChange(command) ? rowCount : null, command };
}
