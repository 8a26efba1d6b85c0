import type { HistoryEntry, HistoryStatus } from '../../../shared/model/history';

const ONE_LINE_CHARS = 400;

export const STATUS_LABELS: Record<HistoryStatus, string> = { ok: 'OK', error: 'Error', cancelled: 'Cancelled' };

/** The statement on one line: runs of whitespace (newlines included) become one space, long text ends in "…". */
export function oneLine(sql: string): string {
  const text = sql.trimStart();
  const flat = text.slice(0, ONE_LINE_CHARS * 2).replace(/\s+/g, ' ').trim();
  return flat.length > ONE_LINE_CHARS || text.length > ONE_LINE_CHARS * 2 ? `${flat.slice(0, ONE_LINE_CHARS)}…` : flat;
}

export function formatDuration(ms: number): string {
  if (ms < 10) return `${ms.toFixed(2)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} min ${Math.round((ms % 60_000) / 1000)} s`;
}

function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString()} ${count === 1 ? one : many}`;
}

/** "42 rows", "7 rows affected", or "" when the statement ended without a count. */
export function resultSummary(entry: Pick<HistoryEntry, 'rowCount' | 'affectedRows'>): string {
  if (entry.affectedRows !== null) return `${plural(entry.affectedRows, 'row', 'rows')} affected`;
  if (entry.rowCount !== null) return plural(entry.rowCount, 'row', 'rows');
  return '';
}

/** The time for entries of today, the date and time for older ones. */
export function formatStartedAt(iso: string, now: Date = new Date()): string {
  const at = new Date(iso);
  const sameDay = at.getFullYear() === now.getFullYear() && at.getMonth() === now.getMonth() && at.getDate() === now.getDate();
  return sameDay ? at.toLocaleTimeString() : at.toLocaleString();
}
