import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MysqlDriver } from '../../../electron/core/drivers/mysql/driver';
import { admin, collector, delay, driverConfig, eventually, expectCoreError, run, threadsRunning, watchProcessFailures } from './support';

/** The local MariaDB, stopped and started the way .ci/run starts it. Needs root. */
const canRestart =
  process.getuid?.() === 0 && existsSync('/usr/sbin/mariadbd') && existsSync('/usr/bin/mariadb-admin') && existsSync('/usr/sbin/start-stop-daemon');

async function serverAnswers(): Promise<boolean> {
  try {
    await admin('SELECT 1');
    return true;
  } catch {
    return false;
  }
}

function serverProcessRuns(): boolean {
  try {
    execFileSync('start-stop-daemon', ['--status', '--exec', '/usr/sbin/mariadbd'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

/** Asks for a shutdown and waits until the server process has exited (the request returns before that). */
async function stopServer(): Promise<void> {
  execFileSync('mariadb-admin', ['--protocol=tcp', '-h', '127.0.0.1', '-P', '3306', '-u', 'root', 'shutdown'], { stdio: 'pipe' });
  expect(await eventually(() => !serverProcessRuns(), 30_000, 100)).toBe(true);
}

async function startServer(): Promise<void> {
  if (await serverAnswers()) return;
  await eventually(() => !serverProcessRuns(), 30_000, 100);
  execFileSync('start-stop-daemon', ['--start', '--oknodo', '--background', '--exec', '/usr/sbin/mariadbd'], { stdio: 'pipe' });
  expect(await eventually(serverAnswers, 30_000, 200)).toBe(true);
}

describe.runIf(canRestart)('MariaDB server restart', () => {
  let driver: MysqlDriver;

  beforeAll(async () => {
    driver = new MysqlDriver(driverConfig());
    await driver.init();
  });

  afterAll(async () => {
    await driver?.destroy();
    // Leave the server running for everyone after us, whatever happened.
    await startServer();
  });

  it('fails the running query with CONNECTION, never crashes the process, and the next query simply works', async () => {
    const marker = 'strata_test_mysql_restart_sleep';
    const watch = watchProcessFailures();
    try {
      const idle = await driver.acquireConnection();
      await run(idle, 'SELECT 1');
      await idle.release();

      const session = await driver.acquireConnection();
      const running = session.execute(`SELECT SLEEP(30) /* ${marker} */`, collector().sink, new AbortController().signal);
      const settled = running.catch(() => undefined);
      expect(await eventually(async () => (await threadsRunning(marker)).length === 1, 5000)).toBe(true);

      const stopping = stopServer();
      const error = await expectCoreError(running, 'CONNECTION');
      expect(error.message).toContain('Run the query again.');
      await settled;
      await session.release();
      await stopping;
      await expectCoreError(driver.ping(), 'CONNECTION');

      await startServer();
      // The pooled idle session died with the server; the pool must hand out a fresh one.
      const next = await driver.acquireConnection();
      try {
        expect((await run(next, 'SELECT 41 + 1')).rows).toEqual([['42']]);
      } finally {
        await next.release();
      }
      await driver.ping();
      await delay(200);
      expect(watch.failures).toEqual([]);
    } finally {
      watch.stop();
    }
  });
});
