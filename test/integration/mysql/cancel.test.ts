import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppQueryReport } from '../../../electron/core/activity/app-query-report';
import { MysqlDriver } from '../../../electron/core/drivers/mysql/driver';
import { admin, collector, delay, driverConfig, eventually, expectCoreError, run, testDatabaseName, threadsRunning, watchProcessFailures } from './support';

const database = testDatabaseName();
const reports: AppQueryReport[] = [];
let driver: MysqlDriver;

beforeAll(async () => {
  await admin(`CREATE DATABASE \`${database}\``);
  driver = new MysqlDriver(driverConfig({ database }, null, (report) => reports.push(report)));
  await driver.init();
});
afterAll(async () => {
  await driver?.destroy();
  await admin(`DROP DATABASE IF EXISTS \`${database}\``);
});

async function threadIdOf(session: Awaited<ReturnType<MysqlDriver['acquireConnection']>>): Promise<number> {
  return Number((await run(session, 'SELECT CONNECTION_ID()')).rows[0][0]);
}

describe('MySQL cancel', () => {
  it('stops SELECT SLEEP(30) on the server with KILL QUERY from another session, and the session stays usable', async () => {
    const marker = `${database}_cancel_sleep`;
    const session = await driver.acquireConnection();
    try {
      const threadId = await threadIdOf(session);
      const controller = new AbortController();
      const running = session.execute(`SELECT SLEEP(30) /* ${marker} */`, collector().sink, controller.signal);
      expect(await eventually(async () => (await threadsRunning(marker)).includes(threadId), 5000)).toBe(true);

      controller.abort();
      const error = await expectCoreError(running, 'CANCELLED');
      expect(error.message).toBe('The query was cancelled.');
      expect(await threadsRunning(marker)).toEqual([]);
      const kills = reports.filter((report) => report.purpose === 'cancel');
      expect(kills.map((report) => [report.sql, report.ok])).toEqual([[`KILL QUERY ${threadId}`, true]]);

      expect(await threadIdOf(session)).toBe(threadId);
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
      expect((await run(session, 'SELECT 2')).rows).toEqual([['2']]);
    } finally {
      await session.release();
    }
  });

  it('stops a long streaming query when aborted while the sink holds a batch, and the server stops too', async () => {
    const marker = `${database}_cancel_stream`;
    const session = await driver.acquireConnection();
    try {
      const controller = new AbortController();
      const result = collector();
      const running = session.execute(
        `SELECT seq, REPEAT('x', 100) FROM seq_1_to_50000000 /* ${marker} */`,
        {
          ...result.sink,
          batch: (batch) => {
            result.sink.batch(batch);
            controller.abort();
            return new Promise<void>(() => undefined);
          },
        },
        controller.signal,
      );
      await expectCoreError(running, 'CANCELLED');
      expect(result.batches).toEqual([1000]);
      expect(await eventually(async () => (await threadsRunning(marker)).length === 0, 5000)).toBe(true);
      expect((await run(session, 'SELECT 3')).rows).toEqual([['3']]);
    } finally {
      await session.release();
    }
  });
});

describe('MySQL flow control', () => {
  it('stops reading while the sink never resolves: one batch arrives, memory stays small, the server waits', async () => {
    const marker = `${database}_flow`;
    const session = await driver.acquireConnection();
    try {
      const threadId = await threadIdOf(session);
      const controller = new AbortController();
      const result = collector();
      const memory = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
      const before = memory();
      // About 500 MB of rows if they were all read.
      const running = session.execute(
        `SELECT seq, REPEAT('y', 250) FROM seq_1_to_2000000 /* ${marker} */`,
        {
          ...result.sink,
          batch: (batch) => {
            result.sink.batch(batch);
            return new Promise<void>(() => undefined);
          },
        },
        controller.signal,
      );
      const settled = running.catch((error: unknown) => error);
      expect(await eventually(() => result.batches.length === 1, 5000)).toBe(true);
      await delay(1500);

      expect(result.batches).toEqual([1000]);
      expect(memory() - before).toBeLessThan(64 * 1024 * 1024);
      // The statement is still on the server, blocked on the paused socket.
      expect(await threadsRunning(marker)).toEqual([threadId]);

      controller.abort();
      await expectCoreError(settled.then((error) => Promise.reject(error)), 'CANCELLED');
      expect(await eventually(async () => (await threadsRunning(marker)).length === 0, 5000)).toBe(true);
      expect((await run(session, 'SELECT 4')).rows).toEqual([['4']]);
    } finally {
      await session.release();
    }
  });

  it('resumes after each batch the sink accepts and delivers every row', async () => {
    const session = await driver.acquireConnection();
    try {
      const result = collector();
      let pending = 0;
      const summary = await session.execute(
        "SELECT seq, REPEAT('z', 100) FROM seq_1_to_200000",
        {
          ...result.sink,
          batch: async (batch) => {
            pending++;
            expect(pending).toBe(1);
            await delay(1);
            result.sink.batch(batch);
            pending--;
          },
        },
        new AbortController().signal,
      );
      expect(summary.rowCount).toBe(200_000);
      expect(result.rows).toHaveLength(200_000);
      expect(result.rows[199_999]).toEqual(['200000', 'z'.repeat(100)]);
      expect(result.batches.length).toBeGreaterThan(10);
    } finally {
      await session.release();
    }
  });
});

describe('MySQL statement timeout', () => {
  it('stops a statement that runs longer than the timeout with TIMEOUT and says what to change', async () => {
    const timed = new MysqlDriver(driverConfig({ database, statementTimeoutMs: 500 }));
    try {
      await timed.init();
      const session = await timed.acquireConnection();
      try {
        const error = await expectCoreError(session.execute('SELECT SLEEP(5)', collector().sink, new AbortController().signal), 'TIMEOUT');
        expect(error.message).toBe(
          'The statement ran longer than the statement timeout (500 ms) and was stopped. Raise the timeout in the connection settings if it needs more time.',
        );
        expect((await run(session, 'SELECT @@max_statement_time')).rows).toEqual([['0.500000']]);
      } finally {
        await session.release();
      }
      // The reset on release clears session variables; the next user gets the timeout again.
      const next = await timed.acquireConnection();
      try {
        expect((await run(next, 'SELECT @@max_statement_time')).rows).toEqual([['0.500000']]);
      } finally {
        await next.release();
      }
    } finally {
      await timed.destroy();
    }
  });
});

describe('MySQL session killed mid-query', () => {
  it('fails with CONNECTION, does not crash the process, and the next session works', async () => {
    const marker = `${database}_killed`;
    const watch = watchProcessFailures();
    try {
      const session = await driver.acquireConnection();
      const threadId = await threadIdOf(session);
      const running = session.execute(`SELECT SLEEP(30) /* ${marker} */`, collector().sink, new AbortController().signal);
      // The rejection may come while the KILL is still on its way back: handle it from the start.
      const settled = running.catch(() => undefined);
      expect(await eventually(async () => (await threadsRunning(marker)).includes(threadId), 5000)).toBe(true);

      await admin(`KILL CONNECTION ${threadId}`);
      const error = await expectCoreError(running, 'CONNECTION');
      expect(error.message).toContain('Run the query again.');
      await settled;
      await session.release();

      const next = await driver.acquireConnection();
      try {
        expect(await threadIdOf(next)).not.toBe(threadId);
      } finally {
        await next.release();
      }
      await delay(200);
      expect(watch.failures).toEqual([]);
    } finally {
      watch.stop();
    }
  });

  it('survives idle pooled sessions being killed and answers the next ping', async () => {
    const watch = watchProcessFailures();
    try {
      const sessions = await Promise.all([driver.acquireConnection(), driver.acquireConnection()]);
      const ids = await Promise.all(sessions.map(threadIdOf));
      await Promise.all(sessions.map((session) => session.release()));
      for (const id of ids) await admin(`KILL CONNECTION ${id}`);
      await delay(200);
      await driver.ping();
      const session = await driver.acquireConnection();
      try {
        expect(ids).not.toContain(await threadIdOf(session));
      } finally {
        await session.release();
      }
      expect(watch.failures).toEqual([]);
    } finally {
      watch.stop();
    }
  });
});
