import type Database from 'better-sqlite3';
import type { HistoryStatus } from '../../../shared/model/history';

export interface HistoryRow {
  id: number;
  connection_id: string;
  connection_name: string;
  started_at: number;
  duration_ms: number;
  row_count: number | null;
  affected_rows: number | null;
  status: HistoryStatus;
  error_message: string | null;
  sql_length: number;
  stored_length: number;
  truncated: 0 | 1;
  text: string;
}

const FIELDS = `id, connection_id, connection_name, started_at, duration_ms, row_count, affected_rows, status, error_message,
  sql_length, stored_length, truncated`;
const LIST_FIELDS = `${FIELDS}, coalesce(preview, sql) AS text`;
const MATCHES = '(instr(lower(sql), @term) > 0 OR instr(lower(connection_name), @term) > 0)';

type Query<Row = unknown> = Database.Statement<unknown[], Row>;

export interface HistoryStatements {
  insert: Query;
  totals: Query<{ entries: number; chars: number }>;
  oldest: Query<{ id: number; stored_length: number }>;
  deleteUpTo: Query;
  page: Query<HistoryRow>;
  pageOf: Query<HistoryRow>;
  chunkStart: Query<{ id: number }>;
  chunkStartOf: Query<{ id: number }>;
  search: Query<HistoryRow>;
  searchOf: Query<HistoryRow>;
  get: Query<HistoryRow>;
  delete: Query<{ stored_length: number }>;
  clear: Query;
  clearOf: Query;
}

/** Every statement the history store runs, prepared once. */
export function prepareHistoryStatements(db: Database.Database): HistoryStatements {
  const prepare = <Row = unknown>(sql: string): Query<Row> => db.prepare<unknown[], Row>(sql);
  return {
    insert: prepare(`INSERT INTO history (connection_id, connection_name, started_at, duration_ms, row_count, affected_rows, status,
      error_message, sql_length, stored_length, truncated, preview, sql)
      VALUES (@connectionId, @connectionName, @startedAt, @durationMs, @rowCount, @affectedRows, @status, @errorMessage,
      @sqlLength, @storedLength, @truncated, @preview, @sql)`),
    totals: prepare<{ entries: number; chars: number }>('SELECT count(*) AS entries, total(stored_length) AS chars FROM history'),
    oldest: prepare<{ id: number; stored_length: number }>('SELECT id, stored_length FROM history ORDER BY id'),
    deleteUpTo: prepare('DELETE FROM history WHERE id <= ?'),
    page: prepare<HistoryRow>(`SELECT ${LIST_FIELDS} FROM history WHERE id < @upper ORDER BY id DESC LIMIT @limit`),
    pageOf: prepare<HistoryRow>(
      `SELECT ${LIST_FIELDS} FROM history WHERE connection_id = @connectionId AND id < @upper ORDER BY id DESC LIMIT @limit`,
    ),
    chunkStart: prepare<{ id: number }>('SELECT id FROM history WHERE id < @upper ORDER BY id DESC LIMIT 1 OFFSET @offset'),
    chunkStartOf: prepare<{ id: number }>(
      'SELECT id FROM history WHERE connection_id = @connectionId AND id < @upper ORDER BY id DESC LIMIT 1 OFFSET @offset',
    ),
    search: prepare<HistoryRow>(
      `SELECT ${LIST_FIELDS} FROM history WHERE id < @upper AND id >= @lower AND ${MATCHES} ORDER BY id DESC LIMIT @limit`,
    ),
    searchOf: prepare<HistoryRow>(
      `SELECT ${LIST_FIELDS} FROM history WHERE connection_id = @connectionId AND id < @upper AND id >= @lower AND ${MATCHES}
      ORDER BY id DESC LIMIT @limit`,
    ),
    get: prepare<HistoryRow>(`SELECT ${FIELDS}, sql AS text FROM history WHERE id = ?`),
    delete: prepare<{ stored_length: number }>('DELETE FROM history WHERE id = ? RETURNING stored_length'),
    clear: prepare('DELETE FROM history'),
    clearOf: prepare('DELETE FROM history WHERE connection_id = ?'),
  };
}
