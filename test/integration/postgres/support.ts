import pg from 'pg';
import { emptyDraft, type ConnectionDraft } from '../../../shared/model/connection';
import type { DriverConfig } from '../../../electron/core/drivers/types';

export { collector, delay, eventually, expectCoreError, run, type CollectedResult } from '../../support/statement-sink';

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
