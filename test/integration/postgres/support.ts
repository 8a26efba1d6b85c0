import pg from 'pg';
import { expect } from 'vitest';
import { emptyDraft, type ConnectionDraft } from '../../../shared/model/connection';
import type { Cell, ColumnMeta } from '../../../shared/model/query';
import type { ResultBatch } from '../../../shared/result-batch/format';
import { batchRows } from '../../../shared/result-batch/read';
import { CoreError } from '../../../electron/core/errors';
import type { DriverConfig, ResultSink, SqlConnection, StatementSummary } from '../../../electron/core/drivers/types';

/** The local server prepared by test/support/postgres-setup.sh. */
export const PG_HOST = '127.0.0.1';
export const PG_PORT = 5432;

export function driverConfig(overrides: Partial<ConnectionDraft> = {}, password: string | null = null): DriverConfig {
  return {
    profile: {
      ...emptyDraft('postgres'),
      id: 'strata_test_pg',
      name: 'strata_test_pg',
      host: PG_HOST,
      port: PG_PORT,
      user: 'postgres',
      database: 'postgres',
      ...overrides,
    },
    password,
  };
}

/** Runs SQL as the superuser on a plain pg client of its own, outside the code under test. */
export async function admin<Row extends pg.QueryResultRow = Record<string, unknown>>(
  sql: string,
  params: unknown[] = [],
  database = 'postgres',
): Promise<Row[]> {
  const client = new pg.Client({ host: PG_HOST, port: PG_PORT, user: 'postgres', database, application_name: 'strata_test_pg_admin' });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return (await client.query<Row>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

export interface CollectedResult {
  sink: ResultSink;
  columns: ColumnMeta[] | null;
  /** Every row as display text, decoded from the batches. */
  rows: Cell[][];
  /** The row count of each batch, in order. */
  batches: number[];
  received: ResultBatch[];
  notices: string[];
}

export function collector(): CollectedResult {
  const result: CollectedResult = {
    columns: null,
    rows: [],
    batches: [],
    received: [],
    notices: [],
    sink: {
      columns: (columns) => {
        result.columns = columns;
      },
      batch: (batch) => {
        result.received.push(batch);
        result.batches.push(batch.rowCount);
        for (const row of batchRows(batch)) result.rows.push(row);
      },
      notice: (message) => result.notices.push(message),
    },
  };
  return result;
}

/** Runs one statement to the end and returns what arrived. */
export async function run(session: SqlConnection, sql: string): Promise<CollectedResult & { summary: StatementSummary }> {
  const collected = collector();
  const summary = await session.execute(sql, collected.sink, new AbortController().signal);
  return { ...collected, summary };
}

export async function expectCoreError(promise: Promise<unknown>, code: CoreError['code']): Promise<CoreError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error, `expected a ${code} error`).toBeInstanceOf(CoreError);
  const coreError = error as CoreError;
  expect(coreError.code, coreError.message).toBe(code);
  return coreError;
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls until `check` returns true; false when `timeoutMs` passes first. */
export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs: number, everyMs = 50): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() >= deadline) return false;
    await delay(everyMs);
  }
}

/** Active Strata backends whose statement contains `marker`. */
export async function activeStrataBackends(marker: string): Promise<number[]> {
  const rows = await admin<{ pid: number }>(
    "SELECT pid FROM pg_stat_activity WHERE application_name = 'Strata' AND state = 'active' AND position($1 in query) > 0",
    [marker],
  );
  return rows.map((row) => row.pid);
}

/** Collects unhandledRejection and uncaughtException while installed; the process must see none. */
export function watchProcessFailures(): { failures: unknown[]; stop: () => void } {
  const failures: unknown[] = [];
  const record = (error: unknown) => failures.push(error);
  process.on('unhandledRejection', record);
  process.on('uncaughtException', record);
  return {
    failures,
    stop: () => {
      process.off('unhandledRejection', record);
      process.off('uncaughtException', record);
    },
  };
}
