import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { PostgresDriver } from '../../../electron/core/drivers/postgres/driver';
import { admin, collector, driverConfig, expectCoreError, run } from './support';

const drivers: PostgresDriver[] = [];
function driver(...args: Parameters<typeof driverConfig>): PostgresDriver {
  const created = new PostgresDriver(driverConfig(...args));
  drivers.push(created);
  return created;
}

afterEach(async () => {
  await Promise.all(drivers.splice(0).map((created) => created.destroy()));
});
afterAll(async () => {
  await admin('DROP TABLE IF EXISTS strata_test_pg_guard_items');
});

describe('PostgreSQL session guards', () => {
  it('stops a statement at the statement timeout with TIMEOUT', async () => {
    const session = await driver({ statementTimeoutMs: 200 }).acquireConnection();
    try {
      const started = Date.now();
      const error = await expectCoreError(session.execute('SELECT pg_sleep(5)', collector().sink, new AbortController().signal), 'TIMEOUT');
      expect(Date.now() - started).toBeLessThan(4000);
      expect(error.message).toContain('statement timeout (200 ms)');
      expect((await run(session, 'SELECT 1')).rows).toEqual([['1']]);
    } finally {
      await session.release();
    }
  });

  it('lets the server refuse writes on a read-only profile', async () => {
    await admin('DROP TABLE IF EXISTS strata_test_pg_guard_items');
    const session = await driver({ readOnly: true }).acquireConnection();
    try {
      const error = await expectCoreError(
        session.execute('CREATE TABLE strata_test_pg_guard_items (id int)', collector().sink, new AbortController().signal),
        'QUERY',
      );
      expect(error.message).toContain('read-only transaction');
      expect(error.detail?.sqlState).toBe('25006');
      expect((await run(session, 'SELECT 5')).rows).toEqual([['5']]);
    } finally {
      await session.release();
    }
    expect(await admin("SELECT 1 FROM pg_class WHERE relname = 'strata_test_pg_guard_items'")).toEqual([]);
  });

  it('keeps read-only and the statement timeout on a session reused from the pool', async () => {
    const guarded = driver({ readOnly: true, statementTimeoutMs: 200 });
    const first = await guarded.acquireConnection();
    const [[pid]] = (await run(first, 'SELECT pg_backend_pid()')).rows;
    await run(first, 'SET statement_timeout = 0');
    await first.release();
    const second = await guarded.acquireConnection();
    try {
      expect((await run(second, 'SELECT pg_backend_pid()')).rows[0][0]).toBe(pid);
      expect((await run(second, 'SHOW default_transaction_read_only')).rows).toEqual([['on']]);
      expect((await run(second, 'SHOW statement_timeout')).rows).toEqual([['200ms']]);
      await expectCoreError(second.execute('CREATE TABLE strata_test_pg_guard_items (id int)', collector().sink, new AbortController().signal), 'QUERY');
    } finally {
      await second.release();
    }
  });

  it('lets the same profile write when it is not read-only', async () => {
    await admin('DROP TABLE IF EXISTS strata_test_pg_guard_items');
    const session = await driver().acquireConnection();
    try {
      expect((await run(session, 'CREATE TABLE strata_test_pg_guard_items (id int)')).summary.command).toBe('CREATE');
    } finally {
      await session.release();
    }
  });
});
