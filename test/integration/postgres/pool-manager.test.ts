import { afterEach, describe, expect, it } from 'vitest';
import type { ConnectionStateEvent } from '../../../shared/ipc/contract';
import { PostgresDriver } from '../../../electron/core/drivers/postgres/driver';
import type { Driver, SqlDriver } from '../../../electron/core/drivers/types';
import { PoolManager, type PoolManagerOptions } from '../../../electron/core/pool/pool-manager';
import { admin, delay, driverConfig, eventually, expectCoreError, run, watchProcessFailures } from './support';

const managers: PoolManager[] = [];
const databases: string[] = [];

function manager(options: PoolManagerOptions = {}): { pools: PoolManager; events: ConnectionStateEvent[] } {
  const events: ConnectionStateEvent[] = [];
  const pools = new PoolManager({ ...options, onState: (event) => events.push(event) });
  managers.push(pools);
  return { pools, events };
}

function counting(...args: Parameters<typeof driverConfig>): { create: () => Driver; created: PostgresDriver[] } {
  const created: PostgresDriver[] = [];
  return {
    created,
    create: () => {
      const driver = new PostgresDriver(driverConfig(...args));
      created.push(driver);
      return driver;
    },
  };
}

async function selectOne(driver: Driver): Promise<string | null> {
  const session = await (driver as SqlDriver).acquireConnection();
  try {
    return (await run(session, 'SELECT 1')).rows[0][0];
  } finally {
    await session.release();
  }
}

afterEach(async () => {
  await Promise.all(managers.splice(0).map((pools) => pools.closeAll()));
  for (const database of databases.splice(0)) await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
});

describe('PoolManager', () => {
  it('opens a driver once and reuses it', async () => {
    const { pools, events } = manager();
    const factory = counting();
    const first = await pools.open('a', factory.create);
    expect(first.serverVersion).toMatch(/^PostgreSQL 15/);
    const second = await pools.open('a', factory.create);
    expect(second.driver).toBe(first.driver);
    expect(pools.get('a')).toBe(first.driver);
    expect(factory.created).toHaveLength(1);
    expect(events).toEqual([{ id: 'a', state: 'open' }]);
    expect(await selectOne(first.driver)).toBe('1');
  });

  it('shares one init between concurrent opens of the same id', async () => {
    const { pools } = manager();
    const factory = counting();
    const opened = await Promise.all([pools.open('a', factory.create), pools.open('a', factory.create), pools.open('a', factory.create)]);
    expect(factory.created).toHaveLength(1);
    expect(new Set(opened.map((entry) => entry.driver)).size).toBe(1);
  });

  it('does not keep a driver whose init failed', async () => {
    const { pools, events } = manager();
    const broken = counting({ port: 1 });
    await expectCoreError(pools.open('a', broken.create), 'CONNECTION');
    expect(pools.get('a')).toBeUndefined();
    await expectCoreError(broken.created[0].acquireConnection(), 'CONNECTION');

    const working = counting();
    const opened = await pools.open('a', working.create);
    expect(opened.driver).toBe(working.created[0]);
    expect(events).toEqual([{ id: 'a', state: 'open' }]);
  });

  it('closes a driver, destroying it, and opens a new one next time', async () => {
    const { pools, events } = manager();
    const factory = counting();
    const { driver } = await pools.open('a', factory.create);
    await pools.close('a');
    expect(pools.get('a')).toBeUndefined();
    await expectCoreError(driver.ping(), 'CONNECTION');
    expect(events).toEqual([
      { id: 'a', state: 'open' },
      { id: 'a', state: 'closed' },
    ]);
    const reopened = await pools.open('a', factory.create);
    expect(reopened.driver).not.toBe(driver);
    await pools.close('no-such-id');
  });

  it('destroys a driver left idle for idleCloseMs, and the next open works', async () => {
    const { pools, events } = manager({ idleCloseMs: 300 });
    const factory = counting();
    const { driver } = await pools.open('a', factory.create);
    expect(await eventually(() => pools.get('a') === undefined, 3000)).toBe(true);
    expect(await eventually(() => events.some((event) => event.state === 'closed'), 3000)).toBe(true);
    expect(events).toEqual([
      { id: 'a', state: 'open' },
      { id: 'a', state: 'closed' },
    ]);
    await expectCoreError(driver.ping(), 'CONNECTION');

    const reopened = await pools.open('a', factory.create);
    expect(reopened.driver).not.toBe(driver);
    expect(await selectOne(reopened.driver)).toBe('1');
  });

  it('keeps a driver open while it is touched or retained', async () => {
    const { pools } = manager({ idleCloseMs: 400 });
    const { driver } = await pools.open('a', counting().create);
    for (let i = 0; i < 10; i++) {
      await delay(100);
      pools.touch('a');
    }
    expect(pools.get('a')).toBe(driver);

    const release = pools.retain('a');
    await delay(1000);
    expect(pools.get('a')).toBe(driver);
    release();
    expect(await eventually(() => pools.get('a') === undefined, 3000)).toBe(true);
  });

  it('reports error when the health ping fails and open when it recovers, without crashing', async () => {
    const database = `strata_test_pg_health_${process.pid}`;
    databases.push(database);
    await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin(`CREATE DATABASE ${database}`);
    const watch = watchProcessFailures();
    try {
      const { pools, events } = manager({ healthIntervalMs: 150 });
      await pools.open('h', counting({ database }).create);
      await delay(400);
      expect(events).toEqual([{ id: 'h', state: 'open' }]);

      await admin(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [database]);
      await admin(`DROP DATABASE ${database} WITH (FORCE)`);
      // While the drop runs, new sessions wait for it, so the first report may be a ping that timed out.
      const missing = `Database "${database}" does not exist`;
      expect(await eventually(() => events.some((event) => event.state === 'error' && event.message?.includes(missing)), 10_000)).toBe(true);

      await admin(`CREATE DATABASE ${database}`);
      expect(await eventually(() => events.at(-1)?.state === 'open', 10_000)).toBe(true);
      const states = events.map((event) => event.state);
      expect(states[0]).toBe('open');
      expect(states.slice(1, -1).every((state) => state === 'error')).toBe(true);
      expect(states.length).toBeGreaterThanOrEqual(3);
      expect(watch.failures).toEqual([]);
    } finally {
      watch.stop();
    }
  });

  it('closes every driver on closeAll', async () => {
    const { pools, events } = manager();
    await Promise.all([pools.open('a', counting().create), pools.open('b', counting().create)]);
    await pools.closeAll();
    expect(pools.get('a')).toBeUndefined();
    expect(pools.get('b')).toBeUndefined();
    expect(events.filter((event) => event.state === 'closed').map((event) => event.id).sort()).toEqual(['a', 'b']);
  });
});
