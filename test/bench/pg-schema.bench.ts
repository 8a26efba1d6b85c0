import { performance } from 'node:perf_hooks';
import type { PathSegment, SchemaChildList } from '../../shared/model/schema';
import type { Benchmark, BenchContext } from './benchmark';
import { MANY_TABLES } from './config';
import { connectPg } from './fixtures/pg-admin';
import { ensureManyTables } from './fixtures/pg-many-tables';
import { profileStrataPath } from './profile-run';
import { judge, type BenchResult } from './report';
import { alternate, median, round } from './stats';
import { openStrataSession, type StrataSession } from './strata-session';

const TARGET_10K = 1.5;

/** What a tool would run to list a schema's tables, with nothing extra. */
const RAW_TABLE_LIST = `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY c.relname`;

const tablesPath = (db: string): PathSegment[] => [
  { kind: 'database', name: db },
  { kind: 'schema', name: 'public' },
  { kind: 'group', name: 'tables' },
];

/** Opens the tree as a user does, level by level down to the Tables group of public, and returns the names of that group's items. */
async function walkToTables(session: StrataSession, db: string): Promise<string[]> {
  const path = tablesPath(db);
  let names: string[] = [];
  for (let depth = 0; depth <= path.length; depth++) {
    names = (await session.receiver.call<SchemaChildList>('schema/children', { connectionId: session.connectionId, path: path.slice(0, depth) })).names;
  }
  return names;
}

function schemaBenchmark(db: string, tables: number, name: string, target: number | null): Benchmark {
  return {
    names: [name],
    async run(context: BenchContext): Promise<BenchResult[]> {
      const fixture = await ensureManyTables(db, tables, context.log);
      if (fixture.kind === 'skipped') {
        context.log(`Skipping ${name}: ${fixture.reason}.`);
        return [];
      }
      const session = await openStrataSession({ kind: 'postgres', database: db });
      const client = await connectPg(db);
      let samples;
      let coldWalkMs: number;
      let replyBytes = 0;
      try {
        const walkStarted = performance.now();
        const listed = await walkToTables(session, db);
        coldWalkMs = performance.now() - walkStarted;
        if (listed.length !== tables) throw new Error(`Strata listed ${listed.length} tables in ${db}, expected ${tables}.`);
        samples = await alternate(
          { rounds: context.rounds, warmups: context.warmups, onRound: (n, side, warmup) => context.log(`  ${name} round ${n}${warmup ? ' (warm-up)' : ''}: ${side}`) },
          async () => {
            const started = performance.now();
            const nodes = await session.receiver.call<SchemaChildList>('schema/children', { connectionId: session.connectionId, path: tablesPath(db), refresh: true });
            const ms = performance.now() - started;
            replyBytes = session.receiver.lastReplyBytes;
            if (nodes.names.length !== tables) throw new Error(`Strata listed ${nodes.names.length} tables, expected ${tables}.`);
            return ms;
          },
          async () => {
            const started = performance.now();
            const { rows } = await client.query(RAW_TABLE_LIST);
            const ms = performance.now() - started;
            if (rows.length !== tables) throw new Error(`The catalog query listed ${rows.length} tables, expected ${tables}.`);
            return ms;
          },
        );
      } finally {
        await client.end();
        await session.close();
      }
      const ours = median(samples.ours);
      const baseline = median(samples.baseline);
      const ratio = round(ours / baseline, 3);
      const result: BenchResult = {
        name,
        ours: round(ours, 1),
        baseline: round(baseline, 1),
        unit: 'ms',
        ratio,
        target,
        pass: judge(ratio, target, false),
        higherIsBetter: false,
        ratioKind: 'ours/baseline',
        rounds: samples.ours.length,
        tables,
        coldWalkMs: round(coldWalkMs, 1),
        replyMb: round(replyBytes / 1024 / 1024, 2),
        fixtureSeconds: fixture.seconds === null ? null : round(fixture.seconds, 1),
        note: 'ours = schema/children of the Tables group with refresh (catalog query + tree nodes as columns + JSON over the WebSocket + decode); coldWalkMs = first open from the root down to that group.',
      };
      if (context.profileMisses && result.pass === false) {
        context.log(`  profiling ${name}…`);
        result.profile = await profileStrataPath(name, { kind: 'postgres', database: db }, async (s) => {
          for (let i = 0; i < 5; i++) {
            await s.receiver.call('schema/children', { connectionId: s.connectionId, path: tablesPath(db), refresh: true });
          }
        });
      }
      return [result];
    },
  };
}

export const pgSchema10k = schemaBenchmark(MANY_TABLES[0].db, MANY_TABLES[0].tables, 'pg_schema_10k', TARGET_10K);
export const pgSchema100k = schemaBenchmark(MANY_TABLES[1].db, MANY_TABLES[1].tables, 'pg_schema_100k', null);
