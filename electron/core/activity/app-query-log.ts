import { MAX_APP_QUERY_SQL, type AppQueryEntry, type AppQueryPage } from '../../../shared/model/activity';
import type { Engine } from '../../../shared/model/connection';
import type { AppQueryReport } from './app-query-report';

export const DEFAULT_APP_QUERY_CAPACITY = 2000;
const MAX_ERROR_TEXT = 500;

/**
 * The statements Strata sent on its own behalf, newest last. Holds at most `capacity` entries: the
 * oldest go first, so a long session never grows it.
 */
export class AppQueryLog {
  private readonly entries: AppQueryEntry[] = [];
  private lastId = 0;

  constructor(private readonly capacity: number = DEFAULT_APP_QUERY_CAPACITY) {}

  record(connectionId: string, engine: Engine, report: AppQueryReport): AppQueryEntry {
    const entry: AppQueryEntry = {
      id: ++this.lastId,
      at: new Date(report.startedAt).toISOString(),
      connectionId,
      engine,
      purpose: report.purpose,
      sql: clip(report.sql.trim(), MAX_APP_QUERY_SQL),
      durationMs: Math.round(report.durationMs * 100) / 100,
      ok: report.ok,
    };
    if (report.error !== undefined) entry.error = clip(report.error, MAX_ERROR_TEXT);
    if (report.rows !== undefined) entry.rows = report.rows;
    this.entries.push(entry);
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
    return entry;
  }

  /** Entries newer than `sinceId` (all when absent), of one connection or all, oldest first. */
  read(filter: { connectionId?: string; sinceId?: number } = {}): AppQueryPage {
    const matching = filter.connectionId === undefined ? this.entries : this.entries.filter((entry) => entry.connectionId === filter.connectionId);
    const sinceId = filter.sinceId ?? 0;
    return { entries: matching.filter((entry) => entry.id > sinceId), total: matching.length };
  }

  get size(): number {
    return this.entries.length;
  }
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
