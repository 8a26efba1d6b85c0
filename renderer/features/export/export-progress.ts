import { formatCount, formatRows } from '../results/format-figures';
import type { ExportProgress } from './export-writer';

export interface ProgressDisplay {
  /** How full the bar is, from 0 to 1; null for a bar that only shows activity. */
  fraction: number | null;
  label: string;
}

/**
 * The progress bar of an export against the table's estimated row count. Estimates can be low, so
 * the bar never passes full and the label says when the rows have outrun the estimate. Without an
 * estimate the bar shows activity and the label counts rows so far.
 */
export function progressDisplay({ rowsDone, total }: ExportProgress): ProgressDisplay {
  if (total === null || !Number.isFinite(total) || total <= 0) return { fraction: null, label: formatRows(rowsDone) };
  if (rowsDone > total) return { fraction: 1, label: `${formatRows(rowsDone)}, more than the estimated ${formatCount(total)}` };
  const fraction = rowsDone / total;
  return { fraction, label: `${formatCount(rowsDone)} of about ${formatRows(total)} (${Math.floor(fraction * 100)}%)` };
}
