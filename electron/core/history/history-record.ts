import type { HistoryStatus } from '../../../shared/model/history';

/** One statement as the query service reports it when the statement has ended. */
export interface HistoryRecord {
  connectionId: string;
  /** The connection's name now; kept with the entry so it still reads well after a rename or delete. */
  connectionName: string;
  /** The statement as the user wrote it. */
  sql: string;
  /** Date.now() when the statement started. */
  startedAt: number;
  durationMs: number;
  rowCount: number | null;
  affectedRows: number | null;
  status: HistoryStatus;
  errorMessage: string | null;
}
