import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../sqlite/sqlite-kit';
import { errorOf, explainKit, nodes, planOf, profile, type ExplainKit } from './explain-kit';

/**
 * SQLite's EXPLAIN QUERY PLAN only compiles the statement and never runs it, and SQLite has no
 * EXPLAIN ANALYZE: an EXPLAIN on SQLite ends in milliseconds, however long the statement would run.
 * So a cancel can only land before the statement reaches the worker, and otherwise finds nothing to stop.
 */
const ENDLESS = 'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000000000) SELECT count(*) FROM n';

let kit: ExplainKit;
let cleanup: () => Promise<void>;
let file: string;
const LITE = () => profile('explain-cancel-sqlite', { engine: 'sqlite', filePath: file });

beforeAll(async () => {
  const temp = await makeTempDir();
  cleanup = temp.cleanup;
  file = join(temp.dir, 'cancel.sqlite');
  const db = new Database(file);
  db.exec('CREATE TABLE marks (id INTEGER PRIMARY KEY, note TEXT NOT NULL)');
  db.close();
  kit = explainKit([LITE()]);
});

afterAll(async () => {
  await kit?.dispose();
  await cleanup?.();
});

describe('cancelling an EXPLAIN on SQLite', () => {
  it('plans a recursive CTE that would count to 10^12 at once, leaving nothing to cancel', async () => {
    const started = performance.now();
    const plan = planOf(await kit.explainWithId('endless', LITE().id, ENDLESS, false));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(nodes(plan).map((node) => node.label)).toContain('RECURSIVE STEP');
    expect(await kit.cancel('endless')).toEqual({ cancelled: false });
  });

  it('stops an EXPLAIN whose cancel arrives before its statement reaches the worker, and the next one works', async () => {
    const call = kit.explainWithId('early', LITE().id, ENDLESS, false);
    expect(await kit.cancel('early')).toEqual({ cancelled: true });
    const error = errorOf(await call);
    expect(error.code).toBe('CANCELLED');
    expect(error.message).toBe('The EXPLAIN was cancelled before it reached the server.');

    expect(nodes(planOf(await kit.explainWithId('early', LITE().id, 'SELECT note FROM marks WHERE id = 1', false))).map((node) => `${node.label} ${node.detail}`)).toEqual([
      'Search marks USING INTEGER PRIMARY KEY (rowid=?)',
    ]);
  });
});
