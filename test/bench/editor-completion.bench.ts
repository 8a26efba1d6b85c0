import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ColumnInfo, PathSegment, SchemaChild } from '../../shared/model/schema';
import { catalogLayoutFor } from '../../renderer/features/editor/completion/catalog-layout';
import { completeAt } from '../../renderer/features/editor/completion/complete';
import { CompletionCatalog, type CatalogSource } from '../../renderer/features/editor/completion/completion-catalog';
import type { Benchmark, BenchContext } from './benchmark';
import { PROFILE_DIR, REPO_ROOT } from './config';
import { topSelfTime } from './cpu-profile';
import { InProcessProfiler } from './inspector-profiler';
import { judge, type BenchResult } from './report';
import { median, round } from './stats';

const TABLES = 10_000;
const COLUMNS = 10;
const KEYSTROKE_TARGET_MS = 16;
const DATABASE = 'bench';
/** Table names share a few stems, so prefixes match hundreds of tables as in real schemas. */
const STEMS = ['orders', 'customers', 'invoices', 'products', 'payments', 'shipments', 'events', 'users', 'audit_log', 'stock'];

const tableName = (index: number) => `${STEMS[index % STEMS.length]}_${String(Math.floor(index / STEMS.length)).padStart(4, '0')}`;
const columnNames = ['id', 'customer_id', 'status', 'total', 'created_at', 'updated_at', 'name', 'email', 'note', 'version'];

/** A PostgreSQL-shaped tree of 10,000 tables × 10 columns in memory, answering as `schema/children`, `schema/search-path` and `schema/table` do. */
function memorySource(): CatalogSource {
  const tables: SchemaChild[] = Array.from({ length: TABLES }, (_, index) => ({ kind: 'table', name: tableName(index), hasChildren: true }));
  const columns: ColumnInfo[] = columnNames.slice(0, COLUMNS).map((name) => ({ name, dataType: 'text', nullable: true, defaultValue: null, primaryKeyPosition: null }));
  const groups: SchemaChild[] = [
    { kind: 'group', name: 'tables', hasChildren: true, detail: String(TABLES) },
    { kind: 'group', name: 'views', hasChildren: false, detail: '0' },
    { kind: 'group', name: 'materialized-views', hasChildren: false, detail: '0' },
    { kind: 'group', name: 'functions', hasChildren: false, detail: '0' },
    { kind: 'group', name: 'sequences', hasChildren: false, detail: '0' },
  ];
  return {
    async children(path: PathSegment[]) {
      if (path.length === 0) return [{ kind: 'database', name: DATABASE, hasChildren: true }];
      if (path.length === 1) return [{ kind: 'schema', name: 'public', hasChildren: true }, { kind: 'schema', name: 'pg_catalog', hasChildren: true, detail: 'system' }];
      if (path.length === 2) return path[1].name === 'public' ? groups : [];
      return path[2].name === 'tables' && path[1].name === 'public' ? tables : [];
    },
    async searchPath() {
      return ['public'];
    },
    async columns() {
      return columns;
    },
  };
}

/** One edit: the text after it, and where the cursor is. */
interface Keystroke {
  text: string;
  offset: number;
}

/**
 * A user typing a join one key at a time, then going back to the select list to pick columns through
 * the aliases: table prefixes after FROM/JOIN, columns after ON/WHERE/AND, `o.`, keywords and functions.
 */
function typingSequence(): Keystroke[] {
  const keystrokes: Keystroke[] = [];
  const first = "select * from orders_0042 o join customers_0042 c on c.id = o.customer_id where o.status = 'paid' and c.";
  for (let length = 1; length <= first.length; length++) keystrokes.push({ text: first.slice(0, length), offset: length });
  const star = first.indexOf('*');
  const insertion = 'o.id, o.total, c.name, count(o.id)';
  for (let length = 1; length <= insertion.length; length++) {
    const typed = insertion.slice(0, length);
    keystrokes.push({ text: first.slice(0, star) + typed + first.slice(star + 1), offset: star + length });
  }
  return keystrokes;
}

async function buildCatalog(): Promise<{ catalog: CompletionCatalog; buildMs: number }> {
  const started = performance.now();
  const catalog = new CompletionCatalog(memorySource(), catalogLayoutFor({ engine: 'postgres', database: DATABASE }));
  await catalog.loadDefaults();
  return { catalog, buildMs: performance.now() - started };
}

/** Types the sequence on a fresh catalog; the first keystrokes also pay for loading the names. */
async function typeOnce(keystrokes: Keystroke[]): Promise<{ perKey: number[]; buildMs: number; suggestions: number }> {
  const { catalog, buildMs } = await buildCatalog();
  const perKey: number[] = [];
  let suggestions = 0;
  for (const keystroke of keystrokes) {
    const started = performance.now();
    const result = await completeAt(keystroke.text, keystroke.offset, 'postgres', catalog);
    perKey.push(performance.now() - started);
    suggestions += result.suggestions.length;
  }
  return { perKey, buildMs, suggestions };
}

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))];
}

export const editorCompletion: Benchmark = {
  names: ['editor_completion_10k'],
  async run(context: BenchContext): Promise<BenchResult[]> {
    const keystrokes = typingSequence();
    /** Each measured round's time per keystroke, in sequence order. */
    const rounds: number[][] = [];
    const builds: number[] = [];
    let suggestions = 0;
    for (let n = 0; n < context.warmups + context.rounds; n++) {
      const warmup = n < context.warmups;
      context.log(`  editor_completion_10k round ${n}${warmup ? ' (warm-up)' : ''}`);
      const round = await typeOnce(keystrokes);
      if (warmup) continue;
      rounds.push(round.perKey);
      builds.push(round.buildMs);
      suggestions = round.suggestions;
    }
    const perKey = rounds.flat();
    // A keystroke's time is its median over the rounds, so that a slow keystroke counts and a one-off
    // preemption of the process (the machine is shared) does not.
    const keystrokeMedians = keystrokes.map((_, index) => median(rounds.map((times) => times[index])));
    const worst = Math.max(...keystrokeMedians);
    const slowest = keystrokes[keystrokeMedians.indexOf(worst)];
    let profile: BenchResult['profile'];
    if (context.profileMisses && worst > KEYSTROKE_TARGET_MS) {
      context.log('  profiling one editor_completion_10k round…');
      const dir = path.join(PROFILE_DIR, 'editor_completion_10k');
      await mkdir(dir, { recursive: true });
      const file = path.join(dir, 'completion.cpuprofile');
      const profiler = new InProcessProfiler();
      await profiler.start();
      await typeOnce(keystrokes);
      const taken = await profiler.stop(file);
      profile = [{ process: 'Node (completion in this process)', file: path.relative(REPO_ROOT, file), top: topSelfTime(taken, 15) }];
    }
    return [
      {
        name: 'editor_completion_10k',
        ours: round(worst, 2),
        baseline: KEYSTROKE_TARGET_MS,
        unit: 'ms',
        ratio: round(worst, 2),
        target: KEYSTROKE_TARGET_MS,
        pass: judge(worst, KEYSTROKE_TARGET_MS, false),
        higherIsBetter: false,
        ratioKind: 'ours',
        rounds: context.rounds,
        keystrokesPerRound: keystrokes.length,
        medianMs: round(median(keystrokeMedians), 3),
        p95Ms: round(percentile(keystrokeMedians, 0.95), 3),
        worstMs: round(worst, 2),
        slowestKeystroke: slowest.text.slice(Math.max(0, slowest.offset - 24), slowest.offset),
        worstSingleSampleMs: round(Math.max(...perKey), 2),
        catalogBuildMs: round(median(builds), 1),
        suggestionsPerRound: suggestions,
        tables: TABLES,
        columnsPerTable: COLUMNS,
        note:
          `Worst keystroke (each keystroke's median over the rounds): completeAt (statement split, tokenize, context, catalog lookups, ranking, at most 200 items) over ${TABLES.toLocaleString('en')} tables × ${COLUMNS} columns, ` +
          `for each of ${keystrokes.length} keystrokes typing a join and then columns through aliases, on a fresh catalog each round (the first keystroke of a table reference also awaits its in-memory column read). ` +
          'worstSingleSampleMs is the slowest single sample, preemptions of the process included. ' +
          '"baseline" is the 16 ms budget itself; catalogBuildMs = reading and indexing the 10k names once. Monaco\'s own filtering and drawing of the list are not included.',
        profile,
      },
    ];
  },
};
