import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, MY_HOST, MY_PORT, threadsRunning } from '../mysql/support';
import { errorOf, explainKit, explainThenCancel, planOf, profile, type ExplainKit } from './explain-kit';

const DATABASE = 'strata_test_explain_cancel';
const MARIADB = profile('explain-cancel-mariadb', { engine: 'mysql', host: MY_HOST, port: MY_PORT, user: 'root', database: DATABASE });

let kit: ExplainKit;

/** Sessions on DATABASE, other than the admin's own, that are inside a statement or a transaction. */
async function busySessions(): Promise<unknown[]> {
  return admin(
    `SELECT p.ID, p.COMMAND, p.INFO, t.trx_id FROM information_schema.PROCESSLIST p
     LEFT JOIN information_schema.INNODB_TRX t ON t.trx_mysql_thread_id = p.ID
     WHERE p.DB = ? AND p.ID <> CONNECTION_ID() AND (p.COMMAND <> 'Sleep' OR t.trx_id IS NOT NULL)`,
    [DATABASE],
  );
}

beforeAll(async () => {
  await admin(`DROP DATABASE IF EXISTS ${DATABASE}`);
  await admin(`CREATE DATABASE ${DATABASE}`);
  await admin('CREATE TABLE marks (id INT PRIMARY KEY, note VARCHAR(200) NOT NULL) ENGINE=InnoDB', [], DATABASE);
  kit = explainKit([MARIADB]);
});

afterAll(async () => {
  await kit?.dispose();
  await admin(`DROP DATABASE IF EXISTS ${DATABASE}`);
});

describe('cancelling an EXPLAIN on MariaDB', () => {
  it('stops ANALYZE FORMAT=JSON of SLEEP(30) with KILL QUERY within 2 s, rolls back, and the next EXPLAIN works', async () => {
    const marker = `strata_explain_cancel_${process.pid}_${Date.now()}`;
    const before = kit.appQueries.length;

    const { outcome, cancelled, settledMs } = await explainThenCancel(
      kit,
      { explainId: 'sleep', connectionId: MARIADB.id, sql: `SELECT SLEEP(30) AS ${marker}`, analyze: true },
      300,
      async () => (await threadsRunning(marker)).length === 1,
    );

    expect(cancelled).toBe(true);
    expect(errorOf(outcome).code).toBe('CANCELLED');
    expect(settledMs).toBeLessThan(2000);
    expect(await threadsRunning(marker)).toEqual([]);
    expect(kit.appQueries.slice(before).map((report) => [report.sql, report.ok])).toEqual([
      ['BEGIN', true],
      ['ROLLBACK', true],
    ]);
    expect(await busySessions()).toEqual([]);

    const plan = planOf(await kit.explain(MARIADB.id, 'SELECT count(*) FROM marks', true));
    expect(plan).toMatchObject({ engine: 'mariadb', analyzed: true });
  });

  it('stops an ANALYZE of an INSERT, which leaves no row behind', async () => {
    const marker = `strata_explain_cancel_insert_${process.pid}_${Date.now()}`;
    const sql = `INSERT INTO marks (id, note) SELECT 1, '${marker}' FROM (SELECT SLEEP(30) AS slow) AS s`;

    const { outcome, cancelled } = await explainThenCancel(
      kit,
      { explainId: 'insert', connectionId: MARIADB.id, sql, analyze: true },
      300,
      async () => (await threadsRunning(marker)).length === 1,
    );

    expect(cancelled).toBe(true);
    expect(errorOf(outcome).code).toBe('CANCELLED');
    expect(await admin('SELECT * FROM marks', [], DATABASE)).toEqual([]);
    expect(await busySessions()).toEqual([]);
    expect(planOf(await kit.explain(MARIADB.id, `SELECT note FROM marks WHERE id = 1`, false)).engine).toBe('mariadb');
  });
});
