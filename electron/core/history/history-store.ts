import type Database from 'better-sqlite3';
import { DEFAULT_HISTORY_PAGE, HISTORY_PREVIEW_CHARS, type HistoryEntry } from '../../../shared/model/history';
import { asciiLowerCase, clipText } from './clip-text';
import type { HistoryLimits } from './history-limits';
import type { HistoryRecord } from './history-record';
import { prepareHistoryStatements, type HistoryRow, type HistoryStatements } from './history-statements';

export interface HistoryQuery {
  connectionId?: string;
  search?: string;
  before?: number;
  limit?: number;
}

export interface HistoryListing {
  entries: HistoryEntry[];
  nextCursor: number | null;
}

/** Above every id SQLite hands out. */
const NO_UPPER_BOUND = Number.MAX_SAFE_INTEGER;
/** The range of a JavaScript Date. */
const MAX_TIME_MS = 8.64e15;

/**
 * The statements the user ran, in the app's SQLite store, newest first. Bounded by entry count and
 * total SQL characters (oldest entries go first) and per statement (the rest is cut off, marked).
 * Counts are kept in memory from the open, so recording never has to count the table.
 */
export class HistoryStore {
  private entryCount: number;
  private sqlChars: number;
  private readonly statements: HistoryStatements;

  constructor(
    private readonly db: Database.Database,
    private readonly limits: HistoryLimits,
  ) {
    this.statements = prepareHistoryStatements(db);
    const totals = this.statements.totals.get()!;
    this.entryCount = totals.entries;
    this.sqlChars = totals.chars;
  }

  /** Stores one statement, then drops the oldest entries beyond the limits. Returns the new entry's id. */
  record(record: HistoryRecord): number {
    const { limits } = this;
    const sql = clipText(record.sql, limits.maxSqlChars);
    const row = {
      connectionId: record.connectionId,
      connectionName: clipText(record.connectionName, limits.maxConnectionNameChars),
      startedAt: Math.abs(record.startedAt) <= MAX_TIME_MS ? Math.trunc(record.startedAt) : Date.now(),
      durationMs: Number.isFinite(record.durationMs) ? Math.max(0, record.durationMs) : 0,
      rowCount: countOrNull(record.rowCount),
      affectedRows: countOrNull(record.affectedRows),
      status: record.status,
      errorMessage: record.errorMessage === null ? null : clipText(record.errorMessage, limits.maxErrorChars),
      sqlLength: record.sql.length,
      storedLength: sql.length,
      truncated: sql.length < record.sql.length ? 1 : 0,
      preview: sql.length > HISTORY_PREVIEW_CHARS ? clipText(sql, HISTORY_PREVIEW_CHARS) : null,
      sql,
    };
    const { id, removed } = this.db.transaction(() => {
      const inserted = this.statements.insert.run(row);
      return { id: Number(inserted.lastInsertRowid), removed: this.dropOldest(this.entryCount + 1, this.sqlChars + sql.length) };
    })();
    this.entryCount += 1 - removed.entries;
    this.sqlChars += sql.length - removed.chars;
    return id;
  }

  /**
   * Newest first, older than `before`. A search reads the table in chunks of searchChunkRows entries,
   * yielding to the event loop between them, and stops once it has a page and one more match.
   */
  async list({ connectionId, search, before, limit = DEFAULT_HISTORY_PAGE }: HistoryQuery): Promise<HistoryListing> {
    const upper = before ?? NO_UPPER_BOUND;
    const rows =
      search === undefined || search.trim() === ''
        ? connectionId === undefined
          ? this.statements.page.all({ upper, limit: limit + 1 })
          : this.statements.pageOf.all({ connectionId, upper, limit: limit + 1 })
        : await this.searchRows(asciiLowerCase(search), connectionId, upper, limit + 1);
    const entries = rows.slice(0, limit).map(toEntry);
    return { entries, nextCursor: rows.length > limit ? (entries.at(-1)?.id ?? null) : null };
  }

  /** One entry with all of its stored text, or null. */
  get(id: number): HistoryEntry | null {
    const row = this.statements.get.get(id);
    return row ? toEntry(row) : null;
  }

  delete(id: number): boolean {
    const removed = this.statements.delete.get(id);
    if (!removed) return false;
    this.entryCount -= 1;
    this.sqlChars -= removed.stored_length;
    return true;
  }

  /** Deletes one connection's entries, or all of them; returns how many went. */
  clear(connectionId?: string): number {
    const deleted = connectionId === undefined ? this.statements.clear.run().changes : this.statements.clearOf.run(connectionId).changes;
    const totals = this.statements.totals.get()!;
    this.entryCount = totals.entries;
    this.sqlChars = totals.chars;
    return deleted;
  }

  private async searchRows(term: string, connectionId: string | undefined, before: number, wanted: number): Promise<HistoryRow[]> {
    const found: HistoryRow[] = [];
    let upper = before;
    for (;;) {
      const offset = this.limits.searchChunkRows - 1;
      const start = connectionId === undefined ? this.statements.chunkStart.get({ upper, offset }) : this.statements.chunkStartOf.get({ connectionId, upper, offset });
      const lower = start?.id ?? 0;
      const params = { term, upper, lower, limit: wanted - found.length };
      found.push(...(connectionId === undefined ? this.statements.search.all(params) : this.statements.searchOf.all({ ...params, connectionId })));
      if (found.length >= wanted || lower === 0) return found;
      upper = lower;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** Deletes the oldest entries until both limits hold for the given totals; returns what went. */
  private dropOldest(entries: number, chars: number): { entries: number; chars: number } {
    const excessEntries = entries - this.limits.maxEntries;
    const excessChars = chars - this.limits.maxTotalSqlChars;
    const removed = { entries: 0, chars: 0 };
    if (excessEntries <= 0 && excessChars <= 0) return removed;
    let lastId: number | null = null;
    for (const row of this.statements.oldest.iterate()) {
      if (removed.entries >= excessEntries && removed.chars >= excessChars) break;
      lastId = row.id;
      removed.entries++;
      removed.chars += row.stored_length;
    }
    if (lastId !== null) this.statements.deleteUpTo.run(lastId);
    return removed;
  }
}

function countOrNull(value: number | null): number | null {
  return value !== null && Number.isFinite(value) ? Math.max(0, Math.trunc(value)) : null;
}

function toEntry(row: HistoryRow): HistoryEntry {
  return {
    id: row.id,
    connectionId: row.connection_id,
    connectionName: row.connection_name,
    sql: row.text,
    sqlPreviewOnly: row.text.length < row.stored_length,
    sqlTruncated: row.truncated === 1,
    sqlLength: row.sql_length,
    startedAt: new Date(row.started_at).toISOString(),
    durationMs: row.duration_ms,
    rowCount: row.row_count,
    affectedRows: row.affected_rows,
    status: row.status,
    errorMessage: row.error_message,
  };
}
