import { randomBytes } from 'node:crypto';
import mysql from 'mysql2';
import type { AppQueryReport } from '../../../electron/core/activity/app-query-report';
import type { DriverConfig } from '../../../electron/core/drivers/types';
import { emptyDraft, type ConnectionDraft } from '../../../shared/model/connection';
import type { ResultBatch } from '../../../shared/result-batch/format';
import { BatchReader } from '../../../shared/result-batch/read';

export { collector, delay, eventually, expectCoreError, run, type CollectedResult } from '../../support/statement-sink';

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

/** The raw bytes of one binary cell, as BatchReader gives them. */
export function binaryCell(batch: ResultBatch, row: number, column: number): Uint8Array | null {
  return new BatchReader(batch).binary(row, column);
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
