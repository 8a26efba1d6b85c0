import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresDriver } from '../../../electron/core/drivers/postgres/driver';
import { activeStrataBackends, admin, collector, delay, driverConfig, eventually, expectCoreError, run, watchProcessFailures } from './support';

let driver: PostgresDriver;

beforeAll(async () => {
  driver = new PostgresDriver(driverConfig());
  await driver.init();
});
afterAll(async () => {
  await driver.destroy();
});

describe('PostgreSQL cancel', () => {
  it('stops the backend and rejects with CANCELLED within 2 s of the abort', async () => {
    const marker = 'strata_test_pg_cancel_sleep';
    const session = await driver.acquireConnection();
    try {
      const controller = new AbortController();
      const running = session.execute(`SELECT pg_sleep(30) /* ${marker} */`, collector().sink, controller.signal);
      const settled = running.catch(() => undefined);
      await delay(300);
      expect(await activeStrataBackends(marker)).toHaveLength(1);

      controller.abort();
      const abortedAt = Date.now();
      await expectCoreError(running, 'CANCELLED');
      expect(Date.now() - abortedAt).toBeLessThan(2000);
      expect(await eventually(async () => (await activeStrataBackends(marker)).length === 0, 2000 - (Date.now() - abortedAt))).toBe(true);
      await settled;

      expect((await run(session, 'SELECT 1')).rows).toEqual([['1']]);
    } finally {
      await session.release();
    }
  });

  it('rejects at once when the signal is already aborted', async () => {
    const session = await driver.acquireConnection();
    try {
      const controller = new AbortController();
      controller.abort();
      await expectCoreError(session.execute('SELECT 1', collector().sink, controller.signal), 'CANCELLED');
    } finally {
      await session.release();
    }
  });

  it('stops between batches when aborted while the sink is busy', async () => {
    const session = await driver.acquireConnection();
    try {
      const controller = new AbortController();
      const result = collector();
      const running = session.execute(
        'SELECT g FROM generate_series(1, 1000000) g',
        {
          ...result.sink,
          batch: (batch) => {
            void result.sink.batch(batch);
            controller.abort();
          },
        },
        controller.signal,
      );
      await expectCoreError(running, 'CANCELLED');
      expect(result.batches).toEqual([1000]);
      expect((await run(session, 'SELECT 3')).rows).toEqual([['3']]);
    } finally {
      await session.release();
    }
  });
});

describe('PostgreSQL backend terminated mid-query', () => {
  it('rejects with CONNECTION, does not crash the process, and the next query works', async () => {
    const marker = 'strata_test_pg_terminate_sleep';
    const watch = watchProcessFailures();
    try {
      const session = await driver.acquireConnection();
      const [[pid]] = (await run(session, 'SELECT pg_backend_pid()')).rows;
      const running = session.execute(`SELECT pg_sleep(30) /* ${marker} */`, collector().sink, new AbortController().signal);
      const settled = running.catch(() => undefined);
      expect(await eventually(async () => (await activeStrataBackends(marker)).length === 1, 2000)).toBe(true);

      await admin('SELECT pg_terminate_backend($1)', [Number(pid)]);
      const error = await expectCoreError(running, 'CONNECTION');
      expect(error.message).toContain('The server closed the connection');
      expect(error.message).toContain('Run the query again.');
      await settled;
      await session.release();

      const next = await driver.acquireConnection();
      try {
        const [[nextPid]] = (await run(next, 'SELECT pg_backend_pid()')).rows;
        expect(nextPid).not.toBe(pid);
      } finally {
        await next.release();
      }
      await delay(200);
      expect(watch.failures).toEqual([]);
    } finally {
      watch.stop();
    }
  });

  it('survives idle pooled sessions being terminated and answers the next ping', async () => {
    const watch = watchProcessFailures();
    try {
      const sessions = await Promise.all([driver.acquireConnection(), driver.acquireConnection()]);
      const pids = await Promise.all(sessions.map(async (session) => Number((await run(session, 'SELECT pg_backend_pid()')).rows[0][0])));
      await Promise.all(sessions.map((session) => session.release()));
      const terminated = await admin<{ pid: number }>(
        "SELECT pid FROM pg_stat_activity WHERE pid = ANY ($1) AND state = 'idle' AND pg_terminate_backend(pid)",
        [pids],
      );
      expect(terminated).toHaveLength(2);
      await delay(200);
      await driver.ping();
      const session = await driver.acquireConnection();
      try {
        expect((await run(session, 'SELECT 4')).rows).toEqual([['4']]);
      } finally {
        await session.release();
      }
      expect(watch.failures).toEqual([]);
    } finally {
      watch.stop();
    }
  });
});
