import { describe, expect, it } from 'vitest';
import { AppQueryLog } from '../../../electron/core/activity/app-query-log';
import { reportAppQuery, type AppQueryReport } from '../../../electron/core/activity/app-query-report';
import { MAX_APP_QUERY_SQL } from '../../../shared/model/activity';

const report = (sql: string, extra: Partial<AppQueryReport> = {}): AppQueryReport => ({
  purpose: 'introspection',
  sql,
  startedAt: Date.parse('2026-01-02T03:04:05.000Z'),
  durationMs: 1.23456,
  ok: true,
  ...extra,
});

describe('AppQueryLog', () => {
  it('keeps only the newest entries once full, with ids that keep counting', () => {
    const log = new AppQueryLog(3);
    for (let index = 1; index <= 7; index++) log.record('c1', 'postgres', report(`SELECT ${index}`));
    const page = log.read();
    expect(page.total).toBe(3);
    expect(page.entries.map((entry) => [entry.id, entry.sql])).toEqual([
      [5, 'SELECT 5'],
      [6, 'SELECT 6'],
      [7, 'SELECT 7'],
    ]);
  });

  it('filters by connection and by sinceId, counting the filtered total', () => {
    const log = new AppQueryLog();
    log.record('c1', 'postgres', report('SELECT 1'));
    log.record('c2', 'sqlite', report('SELECT 2'));
    log.record('c1', 'postgres', report('SELECT 3'));
    expect(log.read({ connectionId: 'c1' })).toMatchObject({ total: 2, entries: [{ sql: 'SELECT 1' }, { sql: 'SELECT 3' }] });
    expect(log.read({ sinceId: 2 }).entries.map((entry) => entry.sql)).toEqual(['SELECT 3']);
    expect(log.read({ connectionId: 'c2', sinceId: 2 })).toEqual({ total: 1, entries: [] });
  });

  it('trims and clips the statement, rounds the duration and dates the entry', () => {
    const log = new AppQueryLog();
    const entry = log.record('c1', 'postgres', report(`\n  SELECT ${'x'.repeat(5000)}  `, { ok: false, error: 'e'.repeat(2000) }));
    expect(entry.sql).toHaveLength(MAX_APP_QUERY_SQL);
    expect(entry.sql.startsWith('SELECT x')).toBe(true);
    expect(entry.sql.endsWith('…')).toBe(true);
    expect(entry.error?.length).toBeLessThanOrEqual(500);
    expect(entry).toMatchObject({ at: '2026-01-02T03:04:05.000Z', durationMs: 1.23, ok: false, connectionId: 'c1', engine: 'postgres' });
  });
});

describe('reportAppQuery', () => {
  it('reports a success with its row count and passes the result through', async () => {
    const reports: AppQueryReport[] = [];
    const rows = await reportAppQuery((r) => reports.push(r), 'health', 'SELECT 1', async () => [1, 2], (result) => result.length);
    expect(rows).toEqual([1, 2]);
    expect(reports).toEqual([expect.objectContaining({ purpose: 'health', sql: 'SELECT 1', ok: true, rows: 2 })]);
  });

  it('reports a failure with its message and rethrows the same error', async () => {
    const reports: AppQueryReport[] = [];
    const failure = new Error('relation does not exist');
    await expect(reportAppQuery((r) => reports.push(r), 'introspection', 'SELECT * FROM x WHERE a = $1', () => Promise.reject(failure))).rejects.toBe(failure);
    expect(reports).toEqual([expect.objectContaining({ ok: false, error: 'relation does not exist', sql: 'SELECT * FROM x WHERE a = $1' })]);
  });

  it('is unaffected by a reporter that throws', async () => {
    const result = await reportAppQuery(
      () => {
        throw new Error('listener broke');
      },
      'session',
      'DISCARD ALL',
      async () => 'done',
    );
    expect(result).toBe('done');
  });
});
