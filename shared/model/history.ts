import { z } from 'zod';
import { connectionIdSchema } from './connection';

export const HISTORY_STATUSES = ['ok', 'error', 'cancelled'] as const;
export type HistoryStatus = (typeof HISTORY_STATUSES)[number];

/** The history keeps at most this many statements; the oldest go first. */
export const MAX_HISTORY_ENTRIES = 100_000;
/** Characters of one statement kept in the history; a longer statement is stored cut and marked truncated. */
export const MAX_HISTORY_SQL_CHARS = 1_048_576;
/** Characters of SQL the whole history keeps; the oldest entries go first when it would hold more. */
export const MAX_HISTORY_TOTAL_SQL_CHARS = 128 * 1_048_576;
/** Characters of a statement's text in history/list replies; history/get returns all that is stored. */
export const HISTORY_PREVIEW_CHARS = 2000;
export const MAX_HISTORY_PAGE = 500;
export const DEFAULT_HISTORY_PAGE = 100;
export const MAX_HISTORY_SEARCH_CHARS = 1000;

export const MAX_SAVED_QUERY_NAME = 200;
export const MAX_SAVED_QUERY_SQL = 1_048_576;

/** One statement the user ran, as the history keeps it. */
export interface HistoryEntry {
  /** Grows with every statement recorded: newer entries have larger ids. */
  id: number;
  connectionId: string;
  /** The connection's name when the statement ran. */
  connectionName: string;
  /** The statement's text: in history/list replies only its first HISTORY_PREVIEW_CHARS characters. */
  sql: string;
  /** `sql` is the start of a longer stored text, which history/get returns. */
  sqlPreviewOnly: boolean;
  /** The statement was longer than MAX_HISTORY_SQL_CHARS and only its start was kept. */
  sqlTruncated: boolean;
  /** Characters of the statement as it ran. */
  sqlLength: number;
  /** ISO time the statement started. */
  startedAt: string;
  durationMs: number;
  /** Rows the statement returned; null when it ended before saying. */
  rowCount: number | null;
  /** Rows an INSERT, UPDATE or DELETE changed, when the engine says. */
  affectedRows: number | null;
  status: HistoryStatus;
  errorMessage: string | null;
}

/** The answer of history/list: newest first. */
export interface HistoryPage {
  entries: HistoryEntry[];
  /** Pass as `before` to get the next (older) page; null when there are no more matches. */
  nextCursor: number | null;
  /** Something the user should know about the history store (it was found damaged and replaced); given once. */
  notice: string | null;
}

export const historyListInputSchema = z.strictObject({
  connectionId: connectionIdSchema.optional(),
  /** Matched as literal text, ignoring ASCII case, in the statement and the connection's name. */
  search: z.string().max(MAX_HISTORY_SEARCH_CHARS).optional(),
  /** Only entries older than this id: the previous page's nextCursor. */
  before: z.number().int().min(1).optional(),
  limit: z.number().int().min(1).max(MAX_HISTORY_PAGE).optional(),
});
export type HistoryListInput = z.infer<typeof historyListInputSchema>;

/** A query the user saved under a name, for one connection or (connectionId null) for all of them. */
export interface SavedQuery {
  id: string;
  connectionId: string | null;
  name: string;
  sql: string;
  /** ISO times. */
  createdAt: string;
  updatedAt: string;
}

export const savedQueryIdSchema = z.string().min(1).max(100);

export const savedQueryInputSchema = z.strictObject({
  /** Present to change an existing saved query; absent to save a new one. */
  id: savedQueryIdSchema.optional(),
  connectionId: connectionIdSchema.nullable(),
  name: z
    .string()
    .trim()
    .min(1, 'Give the query a name.')
    .max(MAX_SAVED_QUERY_NAME, `Use at most ${MAX_SAVED_QUERY_NAME} characters for the name.`),
  sql: z
    .string()
    .min(1, 'There is no SQL to save.')
    .max(MAX_SAVED_QUERY_SQL, `A saved query holds at most ${MAX_SAVED_QUERY_SQL.toLocaleString('en-US')} characters.`),
});
export type SavedQueryInput = z.infer<typeof savedQueryInputSchema>;
