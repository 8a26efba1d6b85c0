import { expect } from 'vitest';
import type { Cell, ColumnMeta } from '../../shared/model/query';
import type { ResultBatch } from '../../shared/result-batch/format';
import { batchRows } from '../../shared/result-batch/read';
import { CoreError } from '../../electron/core/errors';
import type { ResultSink, SqlConnection, StatementSummary } from '../../electron/core/drivers/types';

/** What one statement delivered to a collecting sink, for driver tests of every engine. */
export interface CollectedResult {
  sink: ResultSink;
  columns: ColumnMeta[] | null;
  /** Every row as display text, decoded from the batches as a client would. */
  rows: Cell[][];
  /** The row count of each batch, in order. */
  batches: number[];
  received: ResultBatch[];
  notices: string[];
}

export function collector(): CollectedResult {
  const result: CollectedResult = {
    columns: null,
    rows: [],
    batches: [],
    received: [],
    notices: [],
    sink: {
      columns: (columns) => {
        result.columns = columns;
      },
      batch: (batch) => {
        result.received.push(batch);
        result.batches.push(batch.rowCount);
        for (const row of batchRows(batch)) result.rows.push(row);
      },
      notice: (message) => result.notices.push(message),
    },
  };
  return result;
}

/** Runs one statement to the end and returns what arrived. */
export async function run(session: SqlConnection, sql: string): Promise<CollectedResult & { summary: StatementSummary }> {
  const collected = collector();
  const summary = await session.execute(sql, collected.sink, new AbortController().signal);
  return { ...collected, summary };
}

export async function expectCoreError(promise: Promise<unknown>, code: CoreError['code']): Promise<CoreError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error, `expected a ${code} error`).toBeInstanceOf(CoreError);
  const coreError = error as CoreError;
  expect(coreError.code, coreError.message).toBe(code);
  return coreError;
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls until `check` returns true; false when `timeoutMs` passes first. */
export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs: number, everyMs = 50): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() >= deadline) return false;
    await delay(everyMs);
  }
}
