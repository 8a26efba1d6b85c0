import type { Cell } from '../../../shared/model/query';
import { cellRowsSource, type RowSource } from '../../../shared/export/row-source';
import { PAGE_ROWS } from '../results/spooled-rows';
import type { StatementResult } from '../results/result-store';

/**
 * The rows of a statement's result as blocks, in order: rows in memory as they are, spooled rows read
 * back a page at a time (query/page), so the whole result is never loaded at once.
 */
export async function* resultBlocks(result: StatementResult, blockRows = PAGE_ROWS): AsyncGenerator<RowSource> {
  for (let from = 0; from < result.rowCount; from += blockRows) {
    const to = Math.min(result.rowCount, from + blockRows);
    const rows: Cell[][] = result.getRows(from, to) ?? (await result.readRows(from, to));
    yield cellRowsSource(rows, result.columns);
  }
}
