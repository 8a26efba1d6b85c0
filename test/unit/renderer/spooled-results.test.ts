import { describe, expect, it } from 'vitest';
import { ResultStore, type PageRequest } from '../../../renderer/features/results/result-store';
import { MAX_REQUEST_ROWS, PAGE_ROWS } from '../../../renderer/features/results/spooled-rows';
import type { ResultPage } from '../../../shared/model/query';
import { encodeResultBatch } from '../../../shared/result-batch/encode';
import type { ResultBatch } from '../../../shared/result-batch/format';

const RUN = 'run-1';
/** Rows main kept in memory (sent as batch events) before it started spooling. */
const SPOOLED_FROM = 1_000;
const TOTAL_ROWS = 60_000;
/** Stored batches in the spool are not aligned with the client's pages. */
const STORED_ROWS = 1_500;

/** Rows [from, from + count): n (int32) and a text label. */
function batch(from: number, count: number): ResultBatch {
  return encodeResultBatch(
    [
      { kind: 'int32', values: Array.from({ length: count }, (_, i) => from + i) },
      { kind: 'text', values: Array.from({ length: count }, (_, i) => `label ${from + i}`) },
    ],
    count,
  );
}
const expected = (i: number) => [String(i), `label ${i}`];

/** Main's spool file as a plain array of stored batches, and query/page as a function over it. */
function spool(total = TOTAL_ROWS) {
  const stored: { firstRow: number; batch: ResultBatch }[] = [];
  for (let from = SPOOLED_FROM; from < total; from += STORED_ROWS) stored.push({ firstRow: from, batch: batch(from, Math.min(STORED_ROWS, total - from)) });
  const requests: PageRequest[] = [];
  let failing: string | null = null;
  const loadPage = async (request: PageRequest): Promise<ResultPage> => {
    requests.push(request);
    if (failing) throw new Error(failing);
    const end = request.fromRow + request.rowCount;
    return { batches: stored.filter((s) => s.firstRow < end && s.firstRow + s.batch.rowCount > request.fromRow) };
  };
  return { stored, requests, loadPage, fail: (message: string | null) => (failing = message), storedBytes: stored[0].batch.bytes.byteLength };
}

/** A store holding a statement whose first SPOOLED_FROM rows arrived and whose other rows are spooled. */
function spooledStore(main: ReturnType<typeof spool>, pageCacheBytes?: number) {
  const store = new ResultStore({ loadPage: main.loadPage, pageCacheBytes });
  store.setColumns(RUN, 0, [
    { name: 'n', dataType: 'int4', category: 'number' },
    { name: 'label', dataType: 'text', category: 'text' },
  ]);
  for (let from = 0; from < SPOOLED_FROM; from += 250) store.appendBatch(RUN, 0, from, batch(from, 250));
  store.markSpooled(RUN, 0, SPOOLED_FROM, TOTAL_ROWS);
  return store;
}

/** Lets queued page requests go out and their replies land. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('a spooled result', () => {
  it('knows which rows are in memory and which in the spool file', () => {
    const result = spooledStore(spool()).get(RUN, 0)!;
    expect(result.rowCount).toBe(TOTAL_ROWS);
    expect(result.memoryRowCount).toBe(SPOOLED_FROM);
    expect(result.spooledFrom).toBe(SPOOLED_FROM);
    expect(result.spooledRowCount).toBe(TOTAL_ROWS - SPOOLED_FROM);
    expect(result.getRow(SPOOLED_FROM - 1)).toEqual(expected(SPOOLED_FROM - 1));
  });

  it('fetches the page of a spooled row when it is asked for, then returns the exact row and tells listeners', async () => {
    const main = spool();
    const store = spooledStore(main);
    const result = store.get(RUN, 0)!;
    let told = 0;
    store.subscribe(RUN, 0, () => told++);

    const row = SPOOLED_FROM + 7_777;
    expect(result.getRow(row)).toBeUndefined();
    expect(main.requests).toEqual([]);
    await settle();
    const page = Math.floor(7_777 / PAGE_ROWS);
    expect(main.requests).toEqual([{ runId: RUN, index: 0, fromRow: SPOOLED_FROM + page * PAGE_ROWS, rowCount: PAGE_ROWS }]);
    expect(told).toBe(1);
    expect(result.getRow(row)).toEqual(expected(row));
    // The whole page is there now, including the stored batches at its edges.
    for (let i = SPOOLED_FROM + page * PAGE_ROWS; i < SPOOLED_FROM + (page + 1) * PAGE_ROWS; i++) expect(result.getRow(i)).toEqual(expected(i));
    expect(main.requests).toHaveLength(1);
  });

  it('merges requests for neighbouring pages made in one task and never asks twice for a page on its way', async () => {
    const main = spool();
    const result = spooledStore(main).get(RUN, 0)!;
    const rowOfPage = (page: number, offset = 0) => SPOOLED_FROM + page * PAGE_ROWS + offset;
    for (const row of [rowOfPage(0, 10), rowOfPage(0, 4_000), rowOfPage(1, 3), rowOfPage(2, 0), rowOfPage(5, 99)]) expect(result.getRow(row)).toBeUndefined();
    await Promise.resolve();
    // In flight: asking again must not add requests.
    result.getRow(rowOfPage(1, 50));
    result.getRow(rowOfPage(5, 1));
    await settle();
    expect(main.requests).toEqual([
      { runId: RUN, index: 0, fromRow: rowOfPage(0), rowCount: 3 * PAGE_ROWS },
      { runId: RUN, index: 0, fromRow: rowOfPage(5), rowCount: PAGE_ROWS },
    ]);
    expect(result.getRow(rowOfPage(2, 4_999))).toEqual(expected(rowOfPage(2, 4_999)));
    expect(result.getRow(rowOfPage(5, 99))).toEqual(expected(rowOfPage(5, 99)));
  });

  it('splits a long run of wanted pages into requests of at most MAX_REQUEST_ROWS', async () => {
    const main = spool();
    const result = spooledStore(main).get(RUN, 0)!;
    for (let row = SPOOLED_FROM; row < TOTAL_ROWS; row += PAGE_ROWS) result.getRow(row);
    await settle();
    expect(main.requests.every((r) => r.rowCount <= MAX_REQUEST_ROWS)).toBe(true);
    expect(main.requests.reduce((sum, r) => sum + r.rowCount, 0)).toBe(TOTAL_ROWS - SPOOLED_FROM);
    expect(result.getRow(TOTAL_ROWS - 1)).toEqual(expected(TOTAL_ROWS - 1));
  });

  it('keeps loaded pages within the cache limit, evicting the least recently used and fetching them again', async () => {
    const main = spool();
    const limit = main.storedBytes * 8;
    const store = spooledStore(main, limit);
    const result = store.get(RUN, 0)!;
    for (let row = SPOOLED_FROM; row < TOTAL_ROWS; row += 997) {
      if (!result.getRow(row)) {
        await settle();
        expect(result.getRow(row)).toEqual(expected(row));
      }
      expect(store.pageCacheBytes).toBeLessThanOrEqual(limit);
    }
    expect(store.pageCacheBytes).toBeGreaterThan(0);
    const before = main.requests.length;
    // The first page was evicted long ago: reading it again goes back to main, and is still exact.
    expect(result.getRow(SPOOLED_FROM)).toBeUndefined();
    await settle();
    expect(main.requests.length).toBe(before + 1);
    expect(result.getRow(SPOOLED_FROM)).toEqual(expected(SPOOLED_FROM));
  });

  it('keeps a page that is in use when newer pages arrive (least recently used, not first loaded)', async () => {
    const main = spool();
    const store = spooledStore(main, main.storedBytes * 8);
    const result = store.get(RUN, 0)!;
    const kept = SPOOLED_FROM + 10;
    result.getRow(kept);
    await settle();
    for (let page = 1; page < 9; page++) {
      expect(result.getRow(kept)).toEqual(expected(kept));
      result.getRow(SPOOLED_FROM + page * PAGE_ROWS);
      await settle();
    }
    expect(result.getRow(kept)).toEqual(expected(kept));
  });

  it('copies a range through memory and spool whole and in order, even when it is larger than the cache', async () => {
    const main = spool();
    const store = spooledStore(main, main.storedBytes * 2);
    const result = store.get(RUN, 0)!;
    expect(result.getRows(500, 30_000)).toBeNull();
    const rows = await result.readRows(500, 30_000);
    expect(rows).toHaveLength(29_500);
    rows.forEach((row, i) => expect(row).toEqual(expected(500 + i)));
    expect(main.requests.every((r) => r.rowCount <= MAX_REQUEST_ROWS)).toBe(true);
    expect(store.pageCacheBytes).toBeLessThanOrEqual(main.storedBytes * 2);
  });

  it('reports a page that cannot be loaded, without asking again at once', async () => {
    const main = spool();
    const store = spooledStore(main);
    const result = store.get(RUN, 0)!;
    let told = 0;
    store.subscribe(RUN, 0, () => told++);
    main.fail('The spool file of this run was deleted.');
    result.getRow(SPOOLED_FROM);
    await settle();
    expect(result.pageError).toBe('The spool file of this run was deleted.');
    expect(told).toBe(1);
    result.getRow(SPOOLED_FROM + 1);
    await settle();
    expect(main.requests).toHaveLength(1);
    await expect(result.readRows(SPOOLED_FROM, SPOOLED_FROM + 10)).rejects.toThrow('The spool file of this run was deleted.');
  });

  it('takes the final row count from the end of the statement', () => {
    const store = spooledStore(spool());
    store.finishStatement(RUN, 0, TOTAL_ROWS + 500);
    expect(store.get(RUN, 0)!.rowCount).toBe(TOTAL_ROWS + 500);
    store.finishStatement(RUN, 0, 10);
    expect(store.get(RUN, 0)!.rowCount).toBe(TOTAL_ROWS + 500);
  });

  it('lets go of its pages when the run is freed, and ignores replies that arrive after', async () => {
    const main = spool();
    const store = spooledStore(main);
    const result = store.get(RUN, 0)!;
    result.getRow(SPOOLED_FROM);
    await settle();
    expect(store.pageCacheBytes).toBeGreaterThan(0);
    result.getRow(SPOOLED_FROM + 20_000);
    await Promise.resolve();
    store.freeRun(RUN);
    expect(store.pageCacheBytes).toBe(0);
    await settle();
    expect(main.requests).toHaveLength(2);
    expect(store.pageCacheBytes).toBe(0);
  });
});
