import { performance } from 'node:perf_hooks';
import type { Benchmark, BenchContext } from './benchmark';
import { ROWS_DB } from './config';
import { connectPg } from './fixtures/pg-admin';
import { ensureRowsFixture } from './fixtures/pg-rows';
import { profileStrataPath } from './profile-run';
import { judge, type BenchResult } from './report';
import { alternate, median, round } from './stats';
import { openStrataSession } from './strata-session';

const ROUND_TRIPS = 1000;
const WARMUPS = 50;
const TARGET_MS_SLOWER = 1;
const SQL = 'SELECT 1';

export const pgSelect1: Benchmark = {
  names: ['pg_select1'],
  async run(context: BenchContext): Promise<BenchResult[]> {
    await ensureRowsFixture(context.log);
    const target = { kind: 'postgres', database: ROWS_DB } as const;
    const session = await openStrataSession(target);
    const client = await connectPg(ROWS_DB);
    let samples;
    try {
      samples = await alternate(
        { rounds: ROUND_TRIPS, warmups: WARMUPS },
        async () => {
          const started = performance.now();
          const outcome = await session.receiver.run(session.connectionId, SQL);
          if (outcome.rows !== 1) throw new Error(`SELECT 1 through Strata returned ${outcome.rows} rows.`);
          return performance.now() - started;
        },
        async () => {
          const started = performance.now();
          await client.query(SQL);
          const plain = performance.now() - started;
          // Strata resets a session before it goes back to the pool; timed apart so the gap can be split.
          const resetStarted = performance.now();
          await client.query('DISCARD ALL');
          return { plain, reset: performance.now() - resetStarted };
        },
      );
    } finally {
      await client.end();
      await session.close();
    }
    const ours = median(samples.ours);
    const baseline = median(samples.baseline.map((s) => s.plain));
    const result: BenchResult = {
      name: 'pg_select1',
      ours: round(ours, 3),
      baseline: round(baseline, 3),
      unit: 'ms',
      ratio: round(ours - baseline, 3),
      target: TARGET_MS_SLOWER,
      pass: judge(ours - baseline, TARGET_MS_SLOWER, false),
      higherIsBetter: false,
      ratioKind: 'ours-baseline',
      rounds: samples.ours.length,
      oursP90Ms: round(percentile(samples.ours, 0.9), 3),
      baselineP90Ms: round(percentile(samples.baseline.map((s) => s.plain), 0.9), 3),
      discardAllMs: round(median(samples.baseline.map((s) => s.reset)), 3),
      note: 'Strata: query/run over the WebSocket until run-end is decoded. Baseline: client.query on a connected pg.Client. discardAllMs: the DISCARD ALL round trip Strata adds when it releases the session.',
    };
    if (context.profileMisses && result.pass === false) {
      context.log('  profiling 1,000 Strata round trips of SELECT 1…');
      result.profile = await profileStrataPath('pg_select1', target, async (s) => {
        for (let i = 0; i < ROUND_TRIPS; i++) await s.receiver.run(s.connectionId, SQL);
      });
    }
    return [result];
  },
};

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}
