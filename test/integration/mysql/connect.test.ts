import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppQueryReport } from '../../../electron/core/activity/app-query-report';
import { MysqlDriver } from '../../../electron/core/drivers/mysql/driver';
import { createDriverRegistry } from '../../../electron/core/drivers/registry';
import { admin, driverConfig, expectCoreError, run, testDatabaseName } from './support';

const database = testDatabaseName();
const user = `${database}_u`;
const password = 'correct horse battery staple';

beforeAll(async () => {
  await admin(`CREATE DATABASE \`${database}\``);
  await admin(`CREATE USER '${user}'@'%' IDENTIFIED BY '${password}'`);
  await admin(`GRANT ALL ON \`${database}\`.* TO '${user}'@'%'`);
});
afterAll(async () => {
  await admin(`DROP USER IF EXISTS '${user}'@'%'`);
  await admin(`DROP DATABASE IF EXISTS \`${database}\``);
});

/** A local port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('MySQL connect', () => {
  it('is registered for the mysql engine and connects, reporting the server version', async () => {
    const dialect = createDriverRegistry({ sqliteWorkerPath: 'unused' }).dialectFor('mysql');
    expect(dialect.capabilities).toMatchObject({ kind: 'sql', databases: true, schemas: false, cancel: true, statementTimeout: true });
    const reports: AppQueryReport[] = [];
    const driver = dialect.createDriver(driverConfig({ database }, null, (report) => reports.push(report)));
    try {
      const info = await driver.init();
      const [{ version }] = await admin<{ version: string }>('SELECT VERSION() AS version');
      expect(info.version).toBe(`MariaDB ${/^[\d.]+/.exec(version)![0]}`);
      await driver.ping();
      expect(reports.map((report) => [report.purpose, report.sql, report.ok])).toEqual([
        ['session', 'SELECT VERSION() AS version', true],
        ['health', 'SELECT 1', true],
      ]);
    } finally {
      await driver.destroy();
    }
  });

  it('logs in with the password from the vault and lands in the profile database', async () => {
    const driver = new MysqlDriver(driverConfig({ user, database }, password));
    try {
      await driver.init();
      const session = await driver.acquireConnection();
      try {
        expect((await run(session, 'SELECT CURRENT_USER(), DATABASE()')).rows).toEqual([[`${user}@%`, database]]);
      } finally {
        await session.release();
      }
    } finally {
      await driver.destroy();
    }
  });

  it('fails a wrong password with AUTH, naming the user and what to check', async () => {
    const driver = new MysqlDriver(driverConfig({ user, database }, 'wrong password'));
    try {
      const error = await expectCoreError(driver.init(), 'AUTH');
      expect(error.message).toContain(`"${user}"`);
      expect(error.message).toContain('Check the user name and password');
      expect(error.message).not.toContain('wrong password');
    } finally {
      await driver.destroy();
    }
  });

  it('fails a refused port with CONNECTION', async () => {
    const port = await closedPort();
    const driver = new MysqlDriver(driverConfig({ port }));
    try {
      const error = await expectCoreError(driver.init(), 'CONNECTION');
      expect(error.message).toContain(`127.0.0.1:${port}`);
      expect(error.message).toContain('ECONNREFUSED');
    } finally {
      await driver.destroy();
    }
  });

  it('fails an unknown database with NOT_FOUND', async () => {
    const driver = new MysqlDriver(driverConfig({ database: `${database}_missing` }));
    try {
      const error = await expectCoreError(driver.init(), 'NOT_FOUND');
      expect(error.message).toBe(`Database "${database}_missing" does not exist. Check the database name in the connection settings.`);
    } finally {
      await driver.destroy();
    }
  });

  it('refuses new sessions once destroyed, and destroy is safe twice', async () => {
    const driver = new MysqlDriver(driverConfig({ database }));
    await driver.init();
    await driver.destroy();
    await driver.destroy();
    await expectCoreError(driver.acquireConnection(), 'CONNECTION');
    await expectCoreError(driver.ping(), 'CONNECTION');
  });
});
