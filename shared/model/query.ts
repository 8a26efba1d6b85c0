import type { StrataError } from '../errors';
import type { ResultBatch } from '../result-batch/format';

/** How the grid should present a column's values. */
export type ValueCategory = 'number' | 'text' | 'boolean' | 'datetime' | 'binary' | 'json' | 'other';

export interface ColumnMeta {
  name: string;
  /** The database's own type name, e.g. int8, numeric, timestamptz, BLOB. */
  dataType: string;
  category: ValueCategory;
}

/**
 * A value as the grid shows and copies it: the database's exact text form, so that int8 and numeric
 * keep every digit and timestamps keep their zone; binary values are hex with a \x prefix; null stays
 * null. Values travel as ResultBatch columns and become Cells only when read.
 */
export type Cell = string | null;

export type RunStatus = 'ok' | 'error' | 'cancelled';

export type QueryEvent =
  | { type: 'statement-start'; runId: string; index: number; sql: string; offset: number }
  | { type: 'columns'; runId: string; index: number; columns: ColumnMeta[] }
  /** Rows [firstRow, firstRow + batch.rowCount) of the statement's result, held by the client. Spends one credit. */
  | { type: 'batch'; runId: string; index: number; firstRow: number; batch: ResultBatch }
  /**
   * The result outgrew the memory budget: rows from `spooledFrom` on stay in main's spool file and are
   * read with query/page. Sent when spooling starts and then at most every SPOOL_PROGRESS_MS with the
   * rows spooled so far (`rowCount` counts every row of the statement, in memory or spooled).
   */
  | { type: 'spooled'; runId: string; index: number; spooledFrom: number; rowCount: number }
  | { type: 'notice'; runId: string; index: number; message: string }
  | {
      type: 'statement-end';
      runId: string;
      index: number;
      rowCount: number;
      affectedRows: number | null;
      command: string | null;
      durationMs: number;
    }
  | { type: 'statement-error'; runId: string; index: number; error: StrataError }
  | {
      type: 'run-end';
      runId: string;
      status: RunStatus;
      durationMs: number;
      /** Statements that started: fewer than the run holds when it stopped early. */
      statements: number;
      /** A statement changed the schema (CREATE, ALTER, DROP, TRUNCATE, RENAME, COMMENT): reload the tree. */
      schemaChanged: boolean;
    };

/** The most often a 'spooled' progress event is sent per statement. */
export const SPOOL_PROGRESS_MS = 100;
/** Rows a statement may hold in the client's memory before spooling, unless query/run says otherwise. */
export const DEFAULT_RESULT_MEMORY_BYTES = 256 * 1024 * 1024;
export const MIN_RESULT_MEMORY_BYTES = 1024 * 1024;
export const MAX_RESULT_MEMORY_BYTES = 64 * 1024 * 1024 * 1024;

/** Stored batches covering part of a spooled result, as query/page returns them. */
export interface ResultPage {
  batches: { firstRow: number; batch: ResultBatch }[];
}
