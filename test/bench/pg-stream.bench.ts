import { bareCursor, type StreamOutcome } from './baselines';
import type { Benchmark, BenchContext } from './benchmark';
import { ROW_COUNT, ROWS_DB, STREAM_SQL } from './config';
import { connectPg } from './fixtures/pg-admin';
import { ensureRowsFixture } from './fixtures/pg-rows';
import { MB, rssOf, sampleRss } from './memory';
import { profileStrataPath } from './profile-run';
import { judge, type BenchResult } from './report';
import { alternate, pick, round } from './stats';
import { openStrataSession } from './strata-session';

const THROUGHPUT_TARGET = 0.8;
const MAIN_RSS_GROWTH_TARGET_MB = 150;
const FIRST_ROWS_TARGET_MS = 100;

interface OursSample extends StreamOutcome {
  mainGrowthMb: number;
  mainPeakMb: number;
  receiverPeakMb: number;
}

export const pgStream: Benchmark = {
  names: ['pg_stream_1m', 'pg_first_rows'],
  async run(context: BenchContext): Promise<BenchResult[]> {
    const fixtureSeconds = await ensureRowsFixture(context.log);
    const session = await openStrataSession({ kind: 'postgres', database: ROWS_DB });
    const client = await connectPg(ROWS_DB);
    let samples;
    try {
      samples = await alternate(
        { rounds: context.rounds, warmups: context.warmups, onRound: (n, side, warmup) => context.log(`  pg_stream round ${n}${warmup ? ' (warm-up)' : ''}: ${side}`) },
        async (): Promise<OursSample> => {
          const mainBefore = rssOf(session.host.pid);
          const main = sampleRss(session.host.pid);
          const receiver = sampleRss(process.pid);
          const outcome = await session.receiver.run(session.connectionId, STREAM_SQL);
          const mainPeak = main.stop();
          const receiverPeak = receiver.stop();
          expectRows(outcome.rows, 'Strata');
          return {
            rows: outcome.rows,
            firstBatchMs: outcome.firstBatchMs ?? Number.NaN,
            totalMs: outcome.totalMs,
            mainGrowthMb: (mainPeak - mainBefore) / MB,
            mainPeakMb: mainPeak / MB,
            receiverPeakMb: receiverPeak / MB,
          };
        },
        async () => {
          const outcome = await bareCursor(client, STREAM_SQL);
          expectRows(outcome.rows, 'pg-cursor');
          return outcome;
        },
      );
    } finally {
      await client.end();
      await session.close();
    }

    const rate = (s: StreamOutcome) => s.rows / (s.totalMs / 1000);
    const oursRate = pick(samples.ours, rate);
    const baseRate = pick(samples.baseline, rate);
    const growth = pick(samples.ours, (s) => s.mainGrowthMb);
    const ratio = round(oursRate / baseRate, 3);
    const throughputPass = judge(ratio, THROUGHPUT_TARGET, true);
    const memoryPass = growth <= MAIN_RSS_GROWTH_TARGET_MB;
    const stream: BenchResult = {
      name: 'pg_stream_1m',
      ours: Math.round(oursRate),
      baseline: Math.round(baseRate),
      unit: 'rows/s',
      ratio,
      target: THROUGHPUT_TARGET,
      pass: throughputPass === true && memoryPass,
      higherIsBetter: true,
      ratioKind: 'ours/baseline',
      rounds: samples.ours.length,
      throughputPass,
      oursSeconds: round(pick(samples.ours, (s) => s.totalMs) / 1000),
      baselineSeconds: round(pick(samples.baseline, (s) => s.totalMs) / 1000),
      mainRssGrowthMb: round(growth, 1),
      mainRssGrowthMaxMb: round(Math.max(...samples.ours.map((s) => s.mainGrowthMb)), 1),
      mainRssPeakMb: round(Math.max(...samples.ours.map((s) => s.mainPeakMb)), 1),
      mainRssGrowthTargetMb: MAIN_RSS_GROWTH_TARGET_MB,
      memoryPass,
      receiverRssPeakMb: round(Math.max(...samples.ours.map((s) => s.receiverPeakMb)), 1),
      fixtureSeconds,
    };
    const firstOurs = pick(samples.ours, (s) => s.firstBatchMs);
    const firstBase = pick(samples.baseline, (s) => s.firstBatchMs);
    const firstRows: BenchResult = {
      name: 'pg_first_rows',
      ours: round(firstOurs, 1),
      baseline: round(firstBase, 1),
      unit: 'ms',
      ratio: round(firstOurs - firstBase, 1),
      target: FIRST_ROWS_TARGET_MS,
      pass: judge(firstOurs - firstBase, FIRST_ROWS_TARGET_MS, false),
      higherIsBetter: false,
      ratioKind: 'ours-baseline',
      rounds: samples.ours.length,
      note: 'Time from sending the query to the first batch decoded and stored; baseline = the bare cursor’s first 10k-row read.',
    };

    if (context.profileMisses && (stream.pass === false || firstRows.pass === false)) {
      context.log('  profiling one Strata run of pg_stream_1m…');
      const profile = await profileStrataPath('pg_stream_1m', { kind: 'postgres', database: ROWS_DB }, (s) => s.receiver.run(s.connectionId, STREAM_SQL));
      if (stream.pass === false) stream.profile = profile;
      if (firstRows.pass === false) firstRows.profile = profile;
    }
    return [stream, firstRows];
  },
};

function expectRows(rows: number, side: string): void {
  if (rows !== ROW_COUNT) throw new Error(`${side} streamed ${rows} rows, expected ${ROW_COUNT}.`);
}
