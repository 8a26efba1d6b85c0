import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppQueryReport } from '../../../electron/core/activity/app-query-report';
import { MysqlDriver } from '../../../electron/core/drivers/mysql/driver';
import { admin, driverConfig, expectCoreError, run, testDatabaseName } from './support';

const database = testDatabaseName();

beforeAll(async () => {
  await admin(`CREATE DATABASE \`${database}\``);
  await admin('CREATE TABLE notes (id INT PRIMARY KEY, body TEXT)', [], database);
  await admin("INSERT INTO notes VALUES (1, 'first')", [], database);
});
afterAll(async () => {
  await admin(`DROP DATABASE IF EXISTS \`${database}\``);
});

describe('MySQL read-only sessions', () => {
  it('refuses writes on the server with a message that says why, and still reads', async () => {
    const reports: AppQueryReport[] = [];
    const driver = new MysqlDriver(driverConfig({ database, readOnly: true }, null, (report) => reports.push(report)));
    try {
      await driver.init();
      for (let round = 0; round < 2; round++) {
        const session = await driver.acquireConnection();
        try {
          const error = await expectCoreError(run(session, "INSERT INTO notes VALUES (2, 'second')"), 'QUERY');
          expect(error.message).toBe(
            'This connection is read-only, so the server refuses to change anything (Cannot execute statement in a READ ONLY transaction). Turn off read-only in the connection settings to make changes.',
          );
          expect((await run(session, 'SELECT body FROM notes')).rows).toEqual([['first']]);
          // A transaction the user starts is read-only too.
          await run(session, 'START TRANSACTION');
          await expectCoreError(run(session, 'DELETE FROM notes'), 'QUERY');
          await run(session, 'ROLLBACK');
        } finally {
          await session.release();
        }
      }
      expect(await admin(`SELECT COUNT(*) AS n FROM notes`, [], database)).toEqual([{ n: '1' }]);
      const settings = reports.filter((report) => report.sql === 'SET SESSION TRANSACTION READ ONLY');
      expect(settings.length).toBeGreaterThanOrEqual(2);
      expect(settings.every((report) => report.purpose === 'session' && report.ok)).toBe(true);
    } finally {
      await driver.destroy();
    }
  });
});

describe('MySQL session reset', () => {
  it('does not leak variables, temporary tables or an open transaction to the next user of the session', async () => {
    const reports: AppQueryReport[] = [];
    const driver = new MysqlDriver(driverConfig({ database }, null, (report) => reports.push(report)));
    try {
      await driver.init();
      const first = await driver.acquireConnection();
      const threadId = (await run(first, 'SELECT CONNECTION_ID()')).rows[0][0];
      await run(first, "SET @secret = 'left behind'");
      await run(first, 'CREATE TEMPORARY TABLE scratch (n INT)');
      await run(first, 'START TRANSACTION');
      await run(first, "INSERT INTO notes VALUES (3, 'uncommitted')");
      await first.release();
      expect(reports.filter((report) => report.sql === 'COM_RESET_CONNECTION').map((report) => [report.purpose, report.ok])).toEqual([['session', true]]);

      const second = await driver.acquireConnection();
      try {
        // The pool hands out the same server session, reset.
        expect((await run(second, 'SELECT CONNECTION_ID()')).rows[0][0]).toBe(threadId);
        expect((await run(second, 'SELECT @secret, @@in_transaction')).rows).toEqual([[null, '0']]);
        await expectCoreError(run(second, 'SELECT * FROM scratch'), 'QUERY');
        expect((await run(second, 'SELECT COUNT(*) FROM notes')).rows).toEqual([['1']]);
      } finally {
        await second.release();
      }
    } finally {
      await driver.destroy();
    }
  });

  it('gives up a session whose default database was changed with USE', async () => {
    const driver = new MysqlDriver(driverConfig({ database }));
    try {
      await driver.init();
      const first = await driver.acquireConnection();
      const threadId = (await run(first, 'SELECT CONNECTION_ID()')).rows[0][0];
      await run(first, 'USE mysql');
      expect((await run(first, 'SELECT DATABASE()')).rows).toEqual([['mysql']]);
      await first.release();

      const second = await driver.acquireConnection();
      try {
        const [[nextThread, current]] = (await run(second, 'SELECT CONNECTION_ID(), DATABASE()')).rows;
        expect(nextThread).not.toBe(threadId);
        expect(current).toBe(database);
      } finally {
        await second.release();
      }
    } finally {
      await driver.destroy();
    }
  });
});

describe('MySQL syntax errors', () => {
  it('fail with QUERY, the server message and the position of the error within the statement', async () => {
    const driver = new MysqlDriver(driverConfig({ database }));
    try {
      await driver.init();
      const session = await driver.acquireConnection();
      try {
        const sql = 'SELECT id,\n  body\nFROM notes\nWHERE id = = 1';
        const error = await expectCoreError(run(session, sql), 'QUERY');
        expect(error.message).toContain("near '= 1' at line 4");
        expect(error.detail).toEqual({ sqlState: '42000', position: sql.indexOf('= = 1') + 3 });

        const unfinished = 'SELECT 1,';
        const atEnd = await expectCoreError(run(session, unfinished), 'QUERY');
        expect(atEnd.detail?.position).toBe(unfinished.length + 1);

        // Text repeated on an earlier line does not mislead the position.
        const repeated = "SELECT 'x y'\n, x y z";
        const again = await expectCoreError(run(session, repeated), 'QUERY');
        expect(again.detail?.position).toBe(repeated.lastIndexOf('z') + 1);

        expect((await run(session, 'SELECT 1')).rows).toEqual([['1']]);
      } finally {
        await session.release();
      }
    } finally {
      await driver.destroy();
    }
  });
});
