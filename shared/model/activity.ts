import type { Engine } from './connection';

/**
 * Why Strata itself sent a statement to a server: reading the catalog for the tree, a health check,
 * stopping a running statement, setting up or resetting a session, or testing a connection's settings.
 */
export const APP_QUERY_PURPOSES = ['introspection', 'health', 'cancel', 'session', 'test'] as const;
export type AppQueryPurpose = (typeof APP_QUERY_PURPOSES)[number];

/** One statement Strata sent on its own behalf. Never holds a bound value: parameters show as $1 or ?. */
export interface AppQueryEntry {
  /** Increases by one per entry, across connections. */
  id: number;
  /** ISO time the statement was sent. */
  at: string;
  connectionId: string;
  engine: Engine;
  purpose: AppQueryPurpose;
  /** The statement text, clipped to MAX_APP_QUERY_SQL characters. */
  sql: string;
  durationMs: number;
  ok: boolean;
  error?: string;
  rows?: number;
}

export const MAX_APP_QUERY_SQL = 2000;

/** The answer of activity/app-queries: the entries asked for, oldest first, and how many the log holds for the filter. */
export interface AppQueryPage {
  entries: AppQueryEntry[];
  total: number;
}
