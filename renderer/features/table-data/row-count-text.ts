import type { TableEstimate } from '../../../shared/sql/table-query';

/** The pager's count: the table's rows or, once filtered, the rows that match. Empty while unknown. */
export function rowCountText(estimate: TableEstimate | null, filtered: boolean): string {
  if (!estimate) return '';
  const noun = (count: number) => `${filtered ? 'matching ' : ''}${count === 1 ? 'row' : 'rows'}`;
  if (estimate.atLeast) return `more than ${(estimate.rows - 1).toLocaleString('en-US')} ${noun(2)}`;
  const figure = estimate.rows.toLocaleString('en-US');
  return `${estimate.exact ? '' : '≈ '}${figure} ${noun(estimate.rows)}`;
}
