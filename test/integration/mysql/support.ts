import { randomBytes } from 'node:crypto';
import mysql from 'mysql2';
import { expect } from 'vitest';
import { CoreError } from '../../../electron/core/errors';
import type { AppQueryReport } from '../../../electron/core/activity/app-query-report';
import type { DriverConfig, ResultSink, SqlConnection, StatementSummary } from '../../../electron/core/drivers/types';
import { emptyDraft, type ConnectionDraft } from '../../../shared/model/connection';
import type { Cell, ColumnMeta } from '../../../shared/model/query';
import type { ResultBatch } from '../../../shared/result-batch/format';
import { batchRows, BatchReader } from '../../../shared/result-batch/read';

/** The local MariaDB (root, no password over loopback), as .ci/run prepares it. */
export const MY_HOST = '127.0.0.1';
export const MY_PORT = 3306;

/** A database name of its own for one test file: strata_test_mysql_<random>. */
export function testDatabaseName(): string {
  return `strata_test_mysql_${randomBytes(4).toString('hex')}`;
}

export function driverConfig(overrides: Partial<ConnectionDraft> = {}, password: string | null = null, onAppQuery?: (report: AppQueryReport) => void): DriverConfig {
  return {
    profile: {
      ...emptyDraft('mysql'),
      id: 'strata_test_mysql',
      name: 'strata_test_mysql',
      host: MY_HOST,
      port: MY_PORT,
      user: 'root',
      ...overrides,
    },
    password,
    onAppQuery,
  };
}

/** Runs SQL as root on a plain mysql2 connection of its own, outside the code under test. */
export async function admin<Row = Record<string, unknown>>(sql: string, params: unknown[] = [], database?: string): Promise<Row[]> {
  const connection = mysql.createConnection({ host: MY_HOST, port: MY_PORT, user: 'root', database, dateStrings: true, supportBigNumbers: true, bigNumberStrings: true });
  connection.on('error', () => undefined);
  try {
    return await new Promise<Row[]>((resolve, reject) => {
      connection.query(sql, params, (error, result) => (error ? reject(error) : resolve(result as unknown as Row[])));
    });
  } finally {
    connection.destroy();
  }
}

export interface CollectedResult {
  sink: ResultSink;
  columns: ColumnMeta[] | null;
  rows: Cell[][];
  /** Row count of each batch, in order. */
  batches: number[];
  raw: ResultBatch[];
  notices: string[];
}

/** A sink that decodes every batch with batchRows, as a client would. */
export function collector(): CollectedResult {
  const result: CollectedResult = {
    columns: null,
    rows: [],
    batches: [],
    raw: [],
    notices: [],
    sink: {
      columns: (columns) => {
        result.columns = columns;
      },
      batch: (batch) => {
        result.batches.push(batch.rowCount);
        result.raw.push(batch);
        for (const row of batchRows(batch)) result.rows.push(row);
      },
      notice: (message) => result.notices.push(message),
    },
  };
  return result;
}

/** The raw bytes of one binary cell, as BatchReader gives them. */
export function binaryCell(batch: ResultBatch, row: number, column: number): Uint8Array | null {
  return new BatchReader(batch).binary(row, column);
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

/** Server threads whose current statement contains `marker` (the admin's own query excluded). */
export async function threadsRunning(marker: string): Promise<number[]> {
  const rows = await admin<{ ID: number | string }>(
    "SELECT ID FROM information_schema.PROCESSLIST WHERE INFO LIKE CONCAT('%', ?, '%') AND INFO NOT LIKE '%information_schema.PROCESSLIST%'",
    [marker],
  );
  return rows.map((row) => Number(row.ID));
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
