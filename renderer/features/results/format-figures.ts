const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** "1 row", "1,000 rows". */
export function formatRows(count: number): string {
  return `${integer.format(count)} ${count === 1 ? 'row' : 'rows'}`;
}

export function formatCount(count: number): string {
  return integer.format(count);
}

/** "35 ms", "1.24 s", "2 m 05 s". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  const totalSeconds = Math.floor(ms / 1000);
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  if (minutes < 60) return `${minutes} m ${String(seconds).padStart(2, '0')} s`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} m`;
}

/** What a finished statement did, for the Messages list: "SELECT · 1,000 rows", "UPDATE · 3 rows affected". */
export function describeOutcome(outcome: { command: string | null; rowCount: number | null; affectedRows: number | null; hasColumns: boolean }): string {
  const parts: string[] = [];
  if (outcome.command) parts.push(outcome.command);
  if (outcome.hasColumns && outcome.rowCount !== null) parts.push(formatRows(outcome.rowCount));
  else if (outcome.affectedRows !== null) parts.push(`${formatRows(outcome.affectedRows)} affected`);
  if (parts.length === 0) parts.push('Done');
  return parts.join(' · ');
}

/** "12,400 rows/s". */
export function formatRate(rowsPerSecond: number): string {
  return `${integer.format(Math.round(rowsPerSecond))} rows/s`;
}

/** Where a result's rows are: "in memory", or "spooled to disk (80,000 rows)". */
export function describeStorage(spooledRows: number | null): string {
  return spooledRows === null ? 'in memory' : `spooled to disk (${formatRows(spooledRows)})`;
}
