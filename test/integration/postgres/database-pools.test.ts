import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { poolConfig } from '../../../electron/core/drivers/postgres/client-config';
import { DatabasePools } from '../../../electron/core/drivers/postgres/database-pools';
import { admin, delay, driverConfig, eventually } from './support';

const OTHER_DATABASE = 'strata_test_pg_pools';

let pools: DatabasePools | null = null;

beforeAll(async () => {
  await admin(`DROP DATABASE IF EXISTS ${OTHER_DATABASE} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${OTHER_DATABASE}`);
});
afterAll(async () => {
  await admin(`DROP DATABASE IF EXISTS ${OTHER_DATABASE} WITH (FORCE)`);
});

afterEach(async () => {
  await pools?.closeAll();
  pools = null;
});

describe('DatabasePools', () => {
  it("closes another database's pool once it sits idle, and keeps the profile's own", async () => {
    const config = driverConfig();
    pools = new DatabasePools((database) => poolConfig(config, database), 'postgres', 200);
    const primary = pools.get();
    const secondary = pools.get(OTHER_DATABASE);
    expect((await secondary.query('SELECT current_database() AS name')).rows).toEqual([{ name: OTHER_DATABASE }]);
    expect((await primary.query('SELECT current_database() AS name')).rows).toEqual([{ name: 'postgres' }]);

    expect(await eventually(() => secondary.ending, 3000)).toBe(true);
    await delay(300);
    expect(primary.ending).toBe(false);
    expect(pools.get()).toBe(primary);
    const reopened = pools.get(OTHER_DATABASE);
    expect(reopened).not.toBe(secondary);
    expect((await reopened.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
  });

  it('keeps a busy pool of another database open past the idle time', async () => {
    pools = new DatabasePools((database) => poolConfig(driverConfig(), database), 'postgres', 200);
    const secondary = pools.get(OTHER_DATABASE);
    const client = await secondary.connect();
    try {
      await delay(600);
      expect(secondary.ending).toBe(false);
    } finally {
      client.release();
    }
    expect(await eventually(() => secondary.ending, 3000)).toBe(true);
  });
});
