import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import type pg from 'pg';
import Cursor from 'pg-cursor';
import { BASELINE_BATCH_ROWS } from './config';

const RAW_TEXT = { getTypeParser: () => (value: string) => value };

export interface StreamOutcome {
  rows: number;
  firstBatchMs: number;
  totalMs: number;
}

/** The bare driver: pg-cursor, array rows, no type parsing, 10k rows a read. */
export async function bareCursor(client: pg.Client, sql: string): Promise<StreamOutcome> {
  const started = performance.now();
  const cursor = client.query(new Cursor<unknown[]>(sql, undefined, { rowMode: 'array', types: RAW_TEXT }));
  let rows = 0;
  let firstBatchMs = Number.NaN;
  for (;;) {
    const batch = await cursor.read(BASELINE_BATCH_ROWS);
    if (rows === 0) firstBatchMs = performance.now() - started;
    rows += batch.length;
    if (batch.length < BASELINE_BATCH_ROWS) break;
  }
  await cursor.close();
  return { rows, firstBatchMs, totalMs: performance.now() - started };
}

/** better-sqlite3 at its fastest: raw arrays from iterate(), gathered in 10k-row batches as a consumer would. */
export function bareSqliteIterate(file: string, sql: string): StreamOutcome {
  const started = performance.now();
  const db = new Database(file, { readonly: true, fileMustExist: true });
  let rows = 0;
  let firstBatchMs = Number.NaN;
  try {
    let batch: unknown[][] = [];
    for (const row of db.prepare(sql).raw(true).iterate() as IterableIterator<unknown[]>) {
      batch.push(row);
      if (batch.length === BASELINE_BATCH_ROWS) {
        if (rows === 0) firstBatchMs = performance.now() - started;
        rows += batch.length;
        batch = [];
      }
    }
    if (rows === 0) firstBatchMs = performance.now() - started;
    rows += batch.length;
  } finally {
    db.close();
  }
  return { rows, firstBatchMs, totalMs: performance.now() - started };
}
