import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { createSerializer } from '../../../shared/export/create-serializer';
import type { RowSource } from '../../../shared/export/row-source';
import type { ColumnMeta } from '../../../shared/model/query';
import { encodeResultBatch } from '../../../shared/result-batch/encode';
import type { ResultBatch } from '../../../shared/result-batch/format';
import { ResultStore, type PageRequest } from '../../../renderer/features/results/result-store';
import { copyAsText } from '../../../renderer/features/export/copy-as';
import { exportFileName } from '../../../renderer/features/export/download';
import { ExportCancelled, writeExport, type ExportProgress } from '../../../renderer/features/export/export-writer';
import { resultBlocks } from '../../../renderer/features/export/result-blocks';

const COLUMNS: ColumnMeta[] = [
  { name: 'id', dataType: 'int8', category: 'number' },
  { name: 'label', dataType: 'text', category: 'text' },
  { name: 'raw', dataType: 'bytea', category: 'binary' },
];

function batch(from: number, count: number): ResultBatch {
  return encodeResultBatch(
    [
      { kind: 'int64', values: Array.from({ length: count }, (_, i) => BigInt(from + i)) },
      { kind: 'text', values: Array.from({ length: count }, (_, i) => ((from + i) % 5 === 0 ? null : `row, "${from + i}"`)) },
      { kind: 'bytes', values: Array.from({ length: count }, (_, i) => Uint8Array.of((from + i) & 0xff, 0)) },
    ],
    count,
  );
}

/** A result of `total` rows: the first `inMemory` arrived as batches, the rest live in a fake spool that counts its page requests. */
function spooledResult(total: number, inMemory: number) {
  const requests: PageRequest[] = [];
  const store = new ResultStore({
    pageCacheBytes: 64 * 1024,
    loadPage: (request) => {
      requests.push(request);
      const batches = [];
      for (let from = request.fromRow; from < Math.min(total, request.fromRow + request.rowCount); from += 1000) {
        batches.push({ firstRow: from, batch: batch(from, Math.min(1000, total - from)) });
      }
      return Promise.resolve({ batches });
    },
  });
  store.setColumns('run', 0, COLUMNS);
  for (let from = 0; from < inMemory; from += 1000) store.appendBatch('run', 0, from, batch(from, Math.min(1000, inMemory - from)));
  store.markSpooled('run', 0, inMemory, total);
  return { result: store.get('run', 0)!, requests };
}

async function* blocksOf(sources: RowSource[]): AsyncGenerator<RowSource> {
  yield* sources;
}

describe('exporting a result', () => {
  it('writes rows held in memory and rows read back from the spool, in order, a page at a time', async () => {
    const { result, requests } = spooledResult(23_000, 4_000);
    const progress: ExportProgress[] = [];
    const blob = await writeExport({
      serializer: createSerializer('csv', result.columns),
      blocks: resultBlocks(result),
      mimeType: 'text/csv',
      total: () => result.rowCount,
      onProgress: (p) => progress.push(p),
    });
    expect(blob.type).toBe('text/csv');
    const rows = Papa.parse<string[]>(await blob.text()).data.filter((row) => row.length > 1);
    expect(rows).toHaveLength(23_001);
    expect(rows.slice(1).map((row) => Number(row[0]))).toEqual(Array.from({ length: 23_000 }, (_, i) => i));
    expect(rows[4_002]).toEqual(['4001', 'row, "4001"', '\\xa100']);
    expect(rows[6]).toEqual(['5', '', '\\x0500']);
    expect(progress.at(-1)).toEqual({ rowsDone: 23_000, total: 23_000 });
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.every((request) => request.rowCount <= 5_000)).toBe(true);
  });

  it('stops with ExportCancelled when the signal is aborted, and reports progress on the way', async () => {
    const { result } = spooledResult(50_000, 50_000);
    const controller = new AbortController();
    const progress: ExportProgress[] = [];
    const writing = writeExport({
      serializer: createSerializer('json', result.columns),
      blocks: resultBlocks(result, 500),
      mimeType: 'application/json',
      total: () => result.rowCount,
      onProgress: (p) => {
        progress.push(p);
        controller.abort();
      },
      signal: controller.signal,
    });
    await expect(writing).rejects.toBeInstanceOf(ExportCancelled);
    expect(progress[0].rowsDone).toBeLessThan(50_000);
  });

  it('gives the event loop a turn while writing a large export', async () => {
    const sources: RowSource[] = [];
    const { result } = spooledResult(60_000, 60_000);
    for await (const block of resultBlocks(result)) sources.push(block);
    let timerRan = false;
    setTimeout(() => (timerRan = true), 0);
    const blob = await writeExport({ serializer: createSerializer('sql', COLUMNS, { dialect: 'mysql', table: ['t'] }), blocks: blocksOf(sources), mimeType: 'application/sql', total: () => null });
    expect(timerRan).toBe(true);
    expect((await blob.text()).split('\n')).toHaveLength(60_001);
  });
});

describe('copy as', () => {
  const rows = [
    ['1', 'a|b', '\\x00ff'],
    ['2', null, null],
  ];

  it('copies only the selected columns, with their names', () => {
    const selection = { rows, columns: COLUMNS, fromCol: 1, toCol: 2 };
    expect(copyAsText('csv', selection, null)).toBe('label,raw\r\na|b,\\x00ff\r\n,');
    expect(copyAsText('markdown', selection, null)).toBe('| label | raw |\n| --- | --- |\n| a\\|b | \\\\x00ff |\n| NULL | NULL |');
    expect(JSON.parse(copyAsText('json', selection, null))).toEqual([
      { label: 'a|b', raw: '\\x00ff' },
      { label: null, raw: null },
    ]);
  });

  it('copies SQL INSERTs with binary as a literal of the dialect, and refuses without a SQL target', () => {
    const selection = { rows, columns: COLUMNS, fromCol: 0, toCol: 2 };
    expect(copyAsText('sql', selection, { dialect: 'postgres', table: ['public', 'T'] })).toBe(
      `INSERT INTO "public"."T" ("id", "label", "raw") VALUES (1, 'a|b', '\\x00ff'::bytea);\nINSERT INTO "public"."T" ("id", "label", "raw") VALUES (2, NULL, NULL);`,
    );
    expect(copyAsText('sql', selection, { dialect: 'sqlite', table: ['T'] })).toContain(`VALUES (1, 'a|b', X'00ff');`);
    expect(() => copyAsText('sql', selection, null)).toThrow(/SQL connection/);
  });
});

describe('export file names', () => {
  it('replaces characters file systems refuse', () => {
    expect(exportFileName('a/b:c*?"<>|\n', 'csv')).toBe('a_b_c_______.csv');
    expect(exportFileName('   ', 'md')).toBe('export.md');
    expect(exportFileName('orders', 'ndjson')).toBe('orders.ndjson');
  });
});
