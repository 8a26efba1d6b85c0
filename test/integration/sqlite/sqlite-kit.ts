import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { emptyDraft } from '../../../shared/model/connection';
import type { Cell, ColumnMeta } from '../../../shared/model/query';
import type { ResultBatch } from '../../../shared/result-batch/format';
import { batchRows } from '../../../shared/result-batch/read';
import { createSqliteDialect } from '../../../electron/core/drivers/sqlite/dialect';
import type { ResultSink, SqlConnection, SqlDriver, StatementSummary } from '../../../electron/core/drivers/types';

export const REPO = fileURLToPath(new URL('../../..', import.meta.url));
export const WORKER_PATH = join(REPO, 'out', 'main', 'sqlite-worker.cjs');

export interface DriverOptions {
  readOnly?: boolean;
  workerPath?: string;
}

export function sqliteDriver(filePath: string, options: DriverOptions = {}): SqlDriver {
  const dialect = createSqliteDialect({ workerPath: options.workerPath ?? WORKER_PATH });
  const driver = dialect.createDriver({
    profile: { ...emptyDraft('sqlite'), id: 'strata_test_sqlite', name: 'test', filePath, readOnly: options.readOnly ?? false },
    password: null,
  });
  if (driver.kind !== 'sql') throw new Error('The SQLite dialect must make SQL drivers.');
  return driver;
}

/** A sink that keeps everything, with an optional delay per batch to play a slow consumer. */
export class CollectingSink implements ResultSink {
  columnMeta: ColumnMeta[] | null = null;
  /** Every row as display text, decoded from the batches. */
  rowsReceived: Cell[][] = [];
  batchSizes: number[] = [];
  batches: ResultBatch[] = [];
  private readonly delayMs: number;
  private delivering = false;
  overlapped = false;

  constructor(delayMs = 0) {
    this.delayMs = delayMs;
  }

  columns(columns: ColumnMeta[]): void {
    this.columnMeta = columns;
  }

  async batch(batch: ResultBatch): Promise<void> {
    if (this.delivering) this.overlapped = true;
    this.delivering = true;
    for (const row of batchRows(batch)) this.rowsReceived.push(row);
    this.batchSizes.push(batch.rowCount);
    this.batches.push(batch);
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    this.delivering = false;
  }

  notice(): void {}
}

export async function run(connection: SqlConnection, sql: string, signal = new AbortController().signal): Promise<{ summary: StatementSummary; sink: CollectingSink }> {
  const sink = new CollectingSink();
  const summary = await connection.execute(sql, sink, signal);
  return { summary, sink };
}

export async function makeTempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'strata_test_sqlite_'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Builds the sample database with the real generator, as `npm run build:sample` does. Returns its one-line report. */
export function buildSample(outFile: string): string {
  return execFileSync(process.execPath, ['--import', 'tsx', join(REPO, 'resources', 'sample', 'generate.ts'), outFile], {
    cwd: REPO,
    encoding: 'utf8',
  });
}

export function caught(promise: Promise<unknown>): Promise<{ code?: string; message: string; detail?: { sqlState?: string; hint?: string } }> {
  return promise.then(
    () => {
      throw new Error('Expected the promise to reject.');
    },
    (error: { code?: string; message: string; detail?: { sqlState?: string; hint?: string } }) => error,
  );
}
