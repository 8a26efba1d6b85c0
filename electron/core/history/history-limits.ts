import { MAX_HISTORY_ENTRIES, MAX_HISTORY_SQL_CHARS, MAX_HISTORY_TOTAL_SQL_CHARS } from '../../../shared/model/history';

export interface HistoryLimits {
  /** Entries kept; the oldest go first. */
  maxEntries: number;
  /** Characters of SQL kept across all entries; the oldest entries go first. */
  maxTotalSqlChars: number;
  /** Characters of one statement kept; the rest is cut off and the entry marked truncated. */
  maxSqlChars: number;
  /** Entries a search reads between two turns of the event loop, so a search never holds main for long. */
  searchChunkRows: number;
  maxErrorChars: number;
  maxConnectionNameChars: number;
}

export const DEFAULT_HISTORY_LIMITS: HistoryLimits = {
  maxEntries: MAX_HISTORY_ENTRIES,
  maxTotalSqlChars: MAX_HISTORY_TOTAL_SQL_CHARS,
  maxSqlChars: MAX_HISTORY_SQL_CHARS,
  searchChunkRows: 2000,
  maxErrorChars: 10_000,
  maxConnectionNameChars: 200,
};
