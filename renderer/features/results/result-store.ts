import type { Cell, ColumnMeta, ResultPage } from '../../../shared/model/query';
import { batchByteLength, type ResultBatch } from '../../../shared/result-batch/format';
import { BatchReader } from '../../../shared/result-batch/read';
import { ByteLru } from './byte-lru';
import { SpooledRows, type CachedBatch, type SpoolAccess } from './spooled-rows';

/** Bytes of spooled pages all results together keep loaded. */
export const PAGE_CACHE_BYTES = 64 * 1024 * 1024;

const noPages = () => Promise.reject(new Error('This result cannot read spooled rows.'));

const noSpool: SpoolAccess = {
  loadPage: noPages,
  cache: new ByteLru<CachedBatch>(0),
  onChange: () => {},
};

/**
 * The rows of one statement's result. Rows that arrived are kept as the batches they came in, each
 * with a BatchReader, so nothing is created per value on arrival and a row becomes text only when it
 * is drawn or copied; a row is found by binary search over the batch ends. Rows main spooled to disk
 * are read a page at a time (SpooledRows).
 */
export class StatementResult {
  columns: ColumnMeta[] = [];
  /** Every row of the statement so far, in memory or spooled. */
  rowCount = 0;
  /** Rows [0, memoryRowCount) are held here. */
  memoryRowCount = 0;
  memoryBytes = 0;
  /** Bumped on every change, so React can tell that something new arrived. */
  version = 0;
  private readonly readers: BatchReader[] = [];
  private readonly starts: number[] = [];
  /** ends[i] = the row after batch i's last. */
  private readonly ends: number[] = [];
  private lastBatch = 0;
  private spool: SpooledRows | null = null;

  constructor(private readonly spoolAccess: SpoolAccess = noSpool) {}

  setColumns(columns: ColumnMeta[]): void {
    this.columns = columns;
    this.version++;
  }

  /** Rows [firstRow, firstRow + batch.rowCount), following the rows already held. */
  append(firstRow: number, batch: ResultBatch): void {
    if (batch.rowCount === 0) return;
    this.readers.push(new BatchReader(batch));
    this.starts.push(firstRow);
    const end = firstRow + batch.rowCount;
    this.ends.push(end);
    this.memoryRowCount = end;
    this.memoryBytes += batchByteLength(batch);
    this.rowCount = Math.max(this.rowCount, end);
    this.version++;
  }

  /** Rows [spooledFrom, rowCount) stay in main's spool file. */
  markSpooled(spooledFrom: number, rowCount: number): void {
    this.spool ??= new SpooledRows(spooledFrom, rowCount, this.spoolAccess);
    this.spool.rowCount = Math.max(this.spool.rowCount, rowCount);
    this.rowCount = Math.max(this.rowCount, rowCount);
    this.version++;
  }

  /** The final count from statement-end, which may be ahead of the last spool progress event. */
  finish(rowCount: number): void {
    if (!this.spool || rowCount <= this.rowCount) return;
    this.markSpooled(this.spool.spooledFrom, rowCount);
  }

  /** Where spooling started, or null while every row is in memory. */
  get spooledFrom(): number | null {
    return this.spool?.spooledFrom ?? null;
  }

  /** Rows that live in main's spool file. */
  get spooledRowCount(): number {
    return this.spool ? this.rowCount - this.spool.spooledFrom : 0;
  }

  /** Why spooled rows could not be loaded, until a page loads again. */
  get pageError(): string | null {
    return this.spool?.error ?? null;
  }

  get batchCount(): number {
    return this.readers.length;
  }

  /** The row as text cells; undefined outside the result, or while its spooled page is being fetched. */
  getRow(index: number): Cell[] | undefined {
    if (!Number.isInteger(index) || index < 0 || index >= this.rowCount) return undefined;
    if (index < this.memoryRowCount) return this.memoryRow(index);
    return this.spool && index >= this.spool.spooledFrom ? this.spool.row(index) : undefined;
  }

  /** Rows [from, to) when every one of them is at hand, else null (readRows loads them). */
  getRows(from: number, to: number): Cell[][] | null {
    const rows: Cell[][] = [];
    const end = Math.min(to, this.rowCount);
    for (let i = Math.max(0, from); i < end; i++) {
      const row = i < this.memoryRowCount ? this.memoryRow(i) : this.peekSpooled(i);
      if (!row) return null;
      rows.push(row);
    }
    return rows;
  }

  /** Rows [from, to), fetching spooled pages that are not loaded; for copying a selection. */
  async readRows(from: number, to: number): Promise<Cell[][]> {
    const end = Math.min(to, this.rowCount);
    const start = Math.max(0, from);
    const memoryEnd = Math.min(end, this.memoryRowCount);
    const rows: Cell[][] = [];
    for (let i = start; i < memoryEnd; i++) rows.push(this.memoryRow(i) as Cell[]);
    if (end > memoryEnd) {
      if (!this.spool || this.spool.spooledFrom > Math.max(start, memoryEnd)) throw new Error('Some of these rows are no longer available.');
      for (const row of await this.spool.read(Math.max(start, memoryEnd), end)) rows.push(row);
    }
    return rows;
  }

  /** Lets go of loaded spool pages; the result is not used after this. */
  dispose(): void {
    this.spool?.dispose();
  }

  private peekSpooled(index: number): Cell[] | undefined {
    const batch = this.spool?.peek(index);
    return batch ? batch.reader.row(index - batch.firstRow) : undefined;
  }

  private memoryRow(index: number): Cell[] | undefined {
    const batch = this.findBatch(index);
    const start = this.starts[batch];
    return index >= start ? this.readers[batch].row(index - start) : undefined;
  }

  private findBatch(index: number): number {
    // Rows are mostly read in order (scrolling, copying), so try the last batch first.
    const last = this.lastBatch;
    if (last < this.ends.length && index < this.ends[last] && (last === 0 || index >= this.ends[last - 1])) return last;
    let low = 0;
    let high = this.ends.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.ends[mid] > index) high = mid;
      else low = mid + 1;
    }
    this.lastBatch = low;
    return low;
  }
}

type Listener = () => void;

/** What query/page is asked: rows of one statement of one run. */
export interface PageRequest {
  runId: string;
  index: number;
  fromRow: number;
  rowCount: number;
}

export interface ResultStoreOptions {
  /** Fetches stored batches of a spooled result (query/page in the app, a plain function in tests). */
  loadPage?: (request: PageRequest) => Promise<ResultPage>;
  /** Bytes of loaded spool pages kept across all results; PAGE_CACHE_BYTES when absent. */
  pageCacheBytes?: number;
}

const keyOf = (runId: string, index: number) => `${runId}#${index}`;

/** Results by run and statement, outside React state so that big results never pass through the store. */
export class ResultStore {
  private readonly results = new Map<string, StatementResult>();
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly pageCache: ByteLru<CachedBatch>;
  private readonly loadPage: (request: PageRequest) => Promise<ResultPage>;

  constructor(options: ResultStoreOptions = {}) {
    this.pageCache = new ByteLru(options.pageCacheBytes ?? PAGE_CACHE_BYTES);
    this.loadPage = options.loadPage ?? noPages;
  }

  get(runId: string, index: number): StatementResult | undefined {
    return this.results.get(keyOf(runId, index));
  }

  setColumns(runId: string, index: number, columns: ColumnMeta[]): void {
    this.ensure(runId, index).setColumns(columns);
    this.emit(runId, index);
  }

  appendBatch(runId: string, index: number, firstRow: number, batch: ResultBatch): void {
    this.ensure(runId, index).append(firstRow, batch);
    this.emit(runId, index);
  }

  markSpooled(runId: string, index: number, spooledFrom: number, rowCount: number): void {
    this.ensure(runId, index).markSpooled(spooledFrom, rowCount);
    this.emit(runId, index);
  }

  /** The statement ended with `rowCount` rows. */
  finishStatement(runId: string, index: number, rowCount: number): void {
    const result = this.get(runId, index);
    if (!result) return;
    const before = result.rowCount;
    result.finish(rowCount);
    if (result.rowCount !== before) this.emit(runId, index);
  }

  /** The version of one result, 0 when it does not exist: a snapshot for useSyncExternalStore. */
  version(runId: string, index: number): number {
    return this.get(runId, index)?.version ?? 0;
  }

  /** Drops every result of a run, so its rows and loaded pages can be garbage-collected. */
  freeRun(runId: string): void {
    const prefix = `${runId}#`;
    for (const [key, result] of [...this.results]) {
      if (!key.startsWith(prefix)) continue;
      this.results.delete(key);
      result.dispose();
      for (const listener of this.listeners.get(key) ?? []) listener();
    }
  }

  subscribe(runId: string, index: number, listener: Listener): () => void {
    const key = keyOf(runId, index);
    let set = this.listeners.get(key);
    if (!set) this.listeners.set(key, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(key) === set) this.listeners.delete(key);
    };
  }

  /** How many results are held, for tests and diagnostics. */
  get size(): number {
    return this.results.size;
  }

  /** Bytes of spooled pages loaded now, across all results. */
  get pageCacheBytes(): number {
    return this.pageCache.bytes;
  }

  private ensure(runId: string, index: number): StatementResult {
    const key = keyOf(runId, index);
    let result = this.results.get(key);
    if (!result) {
      result = new StatementResult({
        loadPage: (fromRow, rowCount) => this.loadPage({ runId, index, fromRow, rowCount }),
        cache: this.pageCache,
        onChange: () => {
          const current = this.results.get(key);
          if (!current) return;
          current.version++;
          this.emit(runId, index);
        },
      });
      this.results.set(key, result);
    }
    return result;
  }

  private emit(runId: string, index: number): void {
    for (const listener of this.listeners.get(keyOf(runId, index)) ?? []) listener();
  }
}
