import { bareSqliteIterate, type StreamOutcome } from './baselines';
import type { Benchmark, BenchContext } from './benchmark';
import { ROW_COUNT, SQLITE_FILE, STREAM_SQL } from './config';
import { ensureRowsFixture } from './fixtures/pg-rows';
import { ensureSqliteFixture } from './fixtures/sqlite-rows';
import { MB, rssOf, sampleRss } from './memory';
import { profileStrataPath } from './profile-run';
import { judge, type BenchResult } from './report';
import { alternate, pick, round } from './stats';
import { openStrataSession } from './strata-session';

const TARGET = 0.8;

export const sqliteStream: Benchmark = {
  names: ['sqlite_stream_1m'],
  async run(context: BenchContext): Promise<BenchResult[]> {
    await ensureRowsFixture(context.log);
    const fixtureSeconds = await ensureSqliteFixture(context.log);
    const target = { kind: 'sqlite', file: SQLITE_FILE } as const;
    const session = await openStrataSession(target);
    let samples;
    try {
      samples = await alternate(
        { rounds: context.rounds, warmups: context.warmups, onRound: (n, side, warmup) => context.log(`  sqlite_stream round ${n}${warmup ? ' (warm-up)' : ''}: ${side}`) },
        async () => {
          const before = rssOf(session.host.pid);
          const main = sampleRss(session.host.pid);
          const outcome = await session.receiver.run(session.connectionId, STREAM_SQL);
          const growthMb = (main.stop() - before) / MB;
          expectRows(outcome.rows, 'Strata');
          return { rows: outcome.rows, firstBatchMs: outcome.firstBatchMs ?? Number.NaN, totalMs: outcome.totalMs, growthMb };
        },
        () => {
          const outcome = bareSqliteIterate(SQLITE_FILE, STREAM_SQL);
          expectRows(outcome.rows, 'better-sqlite3');
          return Promise.resolve({ ...outcome, growthMb: 0 });
        },
      );
    } finally {
      await session.close();
    }
    const rate = (s: StreamOutcome) => s.rows / (s.totalMs / 1000);
    const ours = pick(samples.ours, rate);
    const baseline = pick(samples.baseline, rate);
    const ratio = round(ours / baseline, 3);
    const result: BenchResult = {
      name: 'sqlite_stream_1m',
      ours: Math.round(ours),
      baseline: Math.round(baseline),
      unit: 'rows/s',
      ratio,
      target: TARGET,
      pass: judge(ratio, TARGET, true),
      higherIsBetter: true,
      ratioKind: 'ours/baseline',
      rounds: samples.ours.length,
      oursSeconds: round(pick(samples.ours, (s) => s.totalMs) / 1000),
      baselineSeconds: round(pick(samples.baseline, (s) => s.totalMs) / 1000),
      oursFirstBatchMs: round(pick(samples.ours, (s) => s.firstBatchMs), 1),
      mainRssGrowthMb: round(pick(samples.ours, (s) => s.growthMb), 1),
      fixtureSeconds,
    };
    if (context.profileMisses && result.pass === false) {
      context.log('  profiling one Strata run of sqlite_stream_1m…');
      result.profile = await profileStrataPath('sqlite_stream_1m', target, (s) => s.receiver.run(s.connectionId, STREAM_SQL));
    }
    return [result];
  },
};

function expectRows(rows: number, side: string): void {
  if (rows !== ROW_COUNT) throw new Error(`${side} read ${rows} rows, expected ${ROW_COUNT}.`);
}
