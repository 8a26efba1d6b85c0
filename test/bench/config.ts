import path from 'node:path';
import { REPO_ROOT } from '../support/serve-process';

export { REPO_ROOT };

/** Every connection the benchmarks make goes to this machine. */
export const PG = { host: '127.0.0.1', port: 5432, user: 'postgres' } as const;

export const ROWS_DB = 'strata_bench';
export const ROWS_TABLE = 'bench_1m';
export const ROW_COUNT = 1_000_000;
export const STREAM_SQL = `select * from ${ROWS_TABLE}`;

export const BENCH_OUT_DIR = path.join(REPO_ROOT, 'out', 'bench');
export const SQLITE_FILE = path.join(BENCH_OUT_DIR, 'bench_1m.sqlite');
/** The table grid scroll benchmark's 5,200-row × 30-column table. */
export const GRID_SQLITE_FILE = path.join(BENCH_OUT_DIR, 'table_grid_5k.sqlite');
export const PROFILE_DIR = path.join(BENCH_OUT_DIR, 'profiles');
export const RESULTS_FILE = path.join(REPO_ROOT, 'bench-results.json');

/** Databases of many tables, by table count. */
export const MANY_TABLES = [
  { db: 'strata_bench_10k', tables: 10_000 },
  { db: 'strata_bench_100k', tables: 100_000 },
] as const;

/** Free space under the repository needed before the 100k-table database is made. */
export const MIN_FREE_BYTES_FOR_100K = 4 * 1024 ** 3;

/** The bare cursor baseline reads this many rows per call, as performance.md measured. */
export const BASELINE_BATCH_ROWS = 10_000;
