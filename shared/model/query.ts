import type { StrataError } from '../errors';

/** How the grid should present a column's values. */
export type ValueCategory = 'number' | 'text' | 'boolean' | 'datetime' | 'binary' | 'json' | 'other';

export interface ColumnMeta {
  name: string;
  /** The database's own type name, e.g. int8, numeric, timestamptz, BLOB. */
  dataType: string;
  category: ValueCategory;
}

/**
 * Every value travels as the database's exact text form, so that int8 and numeric keep every digit and
 * timestamps keep their zone. Binary values are hex with a \x prefix. null stays null.
 */
export type Cell = string | null;

export type RunStatus = 'ok' | 'error' | 'cancelled';

export type QueryEvent =
  | { type: 'statement-start'; runId: string; index: number; sql: string; offset: number }
  | { type: 'columns'; runId: string; index: number; columns: ColumnMeta[] }
  | { type: 'rows'; runId: string; index: number; rows: Cell[][] }
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
