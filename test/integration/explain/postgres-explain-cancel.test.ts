import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeStrataBackends, admin, PG_HOST, PG_PORT } from '../postgres/support';
import { errorOf, explainKit, explainThenCancel, planOf, profile, type ExplainKit } from './explain-kit';

const DATABASE = 'strata_test_explain_cancel';
const PG = profile('explain-cancel-pg', { engine: 'postgres', host: PG_HOST, port: PG_PORT, user: 'postgres', database: DATABASE });

let kit: ExplainKit;

/** The backends of DATABASE, other than the admin's own, and what they are doing. */
async function sessions(): Promise<{ state: string; query: string }[]> {
  return admin<{ state: string; query: string }>(
    'SELECT state, query FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid() ORDER BY pid',
    [DATABASE],
  );
}

beforeAll(async () => {
  await admin(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${DATABASE}`);
  await admin('CREATE TABLE marks (id int PRIMARY KEY, note text NOT NULL)', [], DATABASE);
  kit = explainKit([PG]);
});

afterAll(async () => {
  await kit?.dispose();
  await admin(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
});

describe('cancelling an EXPLAIN on PostgreSQL', () => {
  it('stops EXPLAIN ANALYZE of pg_sleep(30) on the server within 2 s, rolls back, and the next EXPLAIN works', async () => {
    const marker = `strata_explain_cancel_${process.pid}_${Date.now()}`;
    const sql = `SELECT pg_sleep(30) AS ${marker}`;
    const before = kit.appQueries.length;

    const { outcome, cancelled, settledMs } = await explainThenCancel(
      kit,
      { explainId: 'pg-sleep', connectionId: PG.id, sql, analyze: true },
      300,
      async () => (await activeStrataBackends(marker)).length === 1,
    );

    expect(cancelled).toBe(true);
    expect(errorOf(outcome).code).toBe('CANCELLED');
    expect(settledMs).toBeLessThan(2000);
    expect(await activeStrataBackends(marker)).toEqual([]);
    // The transaction around the ANALYZE was rolled back, and no session is left inside it.
    expect(kit.appQueries.slice(before).map((report) => [report.sql, report.ok])).toEqual([
      ['BEGIN', true],
      ['ROLLBACK', true],
    ]);
    expect((await sessions()).filter((session) => session.state !== 'idle')).toEqual([]);

    const plan = planOf(await kit.explain(PG.id, 'SELECT count(*) FROM marks', true));
    expect(plan).toMatchObject({ engine: 'postgres', analyzed: true });
    expect(plan.roots[0].label).toBe('Aggregate');
    expect(plan.roots[0].actualRows).toBe(1);
  });

  it('stops an ANALYZE of a data change, which leaves no row behind', async () => {
    const marker = `strata_explain_cancel_insert_${process.pid}_${Date.now()}`;
    const sql = `INSERT INTO marks (id, note) SELECT 1, '${marker}' FROM (SELECT pg_sleep(30)) AS slow`;

    const { outcome, cancelled } = await explainThenCancel(
      kit,
      { explainId: 'pg-insert', connectionId: PG.id, sql, analyze: true },
      300,
      async () => (await activeStrataBackends(marker)).length === 1,
    );

    expect(cancelled).toBe(true);
    expect(errorOf(outcome).code).toBe('CANCELLED');
    expect(await admin('SELECT * FROM marks', [], DATABASE)).toEqual([]);
    expect(planOf(await kit.explain(PG.id, `INSERT INTO marks (id, note) VALUES (2, 'two')`, true)).analyzed).toBe(true);
    expect(await admin('SELECT * FROM marks', [], DATABASE)).toEqual([]);
  });

  it('answers cancelled: false for an EXPLAIN that already ended, an unknown id, or another client’s EXPLAIN', async () => {
    planOf(await kit.explainWithId('done', PG.id, 'SELECT 1', false));
    expect(await kit.cancel('done')).toEqual({ cancelled: false });
    expect(await kit.cancel('never-started')).toEqual({ cancelled: false });

    const marker = `strata_explain_cancel_foreign_${process.pid}_${Date.now()}`;
    const running = kit.explainWithId('mine', PG.id, `SELECT pg_sleep(1.5) AS ${marker}`, true);
    await expect.poll(() => activeStrataBackends(marker), { timeout: 5000 }).toHaveLength(1);
    expect(await kit.cancel('mine', 'another-client')).toEqual({ cancelled: false });
    expect(planOf(await running).analyzed).toBe(true);
  });

  it('refuses a second EXPLAIN with an id that is still going', async () => {
    const marker = `strata_explain_cancel_twice_${process.pid}_${Date.now()}`;
    const first = kit.explainWithId('twice', PG.id, `SELECT pg_sleep(30) AS ${marker}`, true);
    await expect.poll(() => activeStrataBackends(marker), { timeout: 5000 }).toHaveLength(1);

    const second = errorOf(await kit.explainWithId('twice', PG.id, 'SELECT 1', false));
    expect(second.code).toBe('INVALID_INPUT');
    expect(second.message).toMatch(/still going/);

    expect(await kit.cancel('twice')).toEqual({ cancelled: true });
    expect(errorOf(await first).code).toBe('CANCELLED');
    expect(await activeStrataBackends(marker)).toEqual([]);
  });
});
