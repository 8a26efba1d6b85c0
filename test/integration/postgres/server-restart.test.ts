import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresDriver } from '../../../electron/core/drivers/postgres/driver';
import { activeStrataBackends, admin, collector, delay, driverConfig, eventually, expectCoreError, run, watchProcessFailures } from './support';

/** The local cluster, restarted the way .ci/run starts it. Needs root and Debian's postgresql-common. */
const cluster = existsSync('/etc/postgresql') ? readdirSync('/etc/postgresql')[0] : undefined;
const canRestart = process.getuid?.() === 0 && cluster !== undefined && existsSync('/usr/bin/pg_ctlcluster');

function restartServer(): void {
  execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', cluster!, 'main', 'restart', '-m', 'fast'], { stdio: 'pipe' });
}

async function serverAnswers(): Promise<boolean> {
  try {
    await admin('SELECT 1');
    return true;
  } catch {
    return false;
  }
}

describe.runIf(canRestart)('PostgreSQL server restart', () => {
  let driver: PostgresDriver;

  beforeAll(async () => {
    driver = new PostgresDriver(driverConfig());
    await driver.init();
  });

  afterAll(async () => {
    await driver.destroy();
  });

  it('fails the running query with CONNECTION, never crashes the process, and the next query simply works', async () => {
    const marker = 'strata_test_pg_restart_sleep';
    const watch = watchProcessFailures();
    try {
      const idle = await driver.acquireConnection();
      await run(idle, 'SELECT 1');
      await idle.release();

      const session = await driver.acquireConnection();
      const running = session.execute(`SELECT pg_sleep(30) /* ${marker} */`, collector().sink, new AbortController().signal);
      const settled = running.catch(() => undefined);
      expect(await eventually(async () => (await activeStrataBackends(marker)).length === 1, 2000)).toBe(true);

      restartServer();
      const error = await expectCoreError(running, 'CONNECTION');
      expect(error.message).toContain('Run the query again.');
      await settled;
      await session.release();
      expect(await eventually(serverAnswers, 20_000, 200)).toBe(true);

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
