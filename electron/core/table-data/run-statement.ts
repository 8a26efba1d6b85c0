import type { ResultBatch } from '../../../shared/result-batch/format';
import type { SqlConnection, SqlParam, StatementSummary } from '../drivers/types';

export interface StatementRows {
  batches: ResultBatch[];
  columnCount: number;
  summary: StatementSummary;
}

/** Runs one statement with bound values on the session and keeps its batches. */
export async function runStatement(session: SqlConnection, sql: string, params: readonly SqlParam[] = []): Promise<StatementRows> {
  const batches: ResultBatch[] = [];
  let columnCount = 0;
  const summary = await session.execute(
    sql,
    {
      columns: (columns) => {
        columnCount = columns.length;
      },
      batch: (batch) => {
        batches.push(batch);
      },
      notice: () => undefined,
    },
    new AbortController().signal,
    params,
  );
  return { batches, columnCount, summary };
}
