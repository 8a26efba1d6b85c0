import type { Cell, ResultPage } from '../../../shared/model/query';
import { batchByteLength } from '../../../shared/result-batch/format';
import { BatchReader } from '../../../shared/result-batch/read';
import type { ByteLru } from './byte-lru';

/** Rows the grid asks main for at a time; the reply brings the stored batches that cover them. */
export const PAGE_ROWS = 5_000;
/** Most rows one query/page request covers when requests for neighbouring pages are merged. */
export const MAX_REQUEST_ROWS = 50_000;
/** How long a page that failed to load is left alone before it is asked for again. */
const RETRY_AFTER_MS = 2_000;

/** A stored batch of spooled rows held in the page cache: rows [firstRow, end). */
export interface CachedBatch {
  firstRow: number;
  end: number;
  reader: BatchReader;
}

/** Reads rows [fromRow, fromRow + rowCount) of this statement's spool (query/page). */
export type LoadPage = (fromRow: number, rowCount: number) => Promise<ResultPage>;

export interface SpoolAccess {
  loadPage: LoadPage;
  /** Shared by every result of the store, so all loaded pages together stay within its limit. */
  cache: ByteLru<CachedBatch>;
  /** A page arrived or failed: the grid should draw again. */
  onChange: () => void;
}

/**
 * The rows of a result that main keeps in its spool file, from `spooledFrom` on. Rows are fetched a
 * page at a time when first asked for: requests made in the same task for neighbouring pages become
 * one query/page call, and the stored batches of each reply go into the byte-bounded cache.
 */
export class SpooledRows {
  /** Rows known to be in the spool: [spooledFrom, rowCount). */
  rowCount: number;
  /** Why the last page could not be loaded, until one loads again. */
  error: string | null = null;
  /** Batches in the cache for this result, sorted by firstRow. */
  private readonly loaded: CachedBatch[] = [];
  private readonly wanted = new Set<number>();
  private readonly inFlight = new Set<number>();
  private readonly failedAt = new Map<number, number>();
  private flushScheduled = false;
  private lastHit: CachedBatch | null = null;
  private disposed = false;

  constructor(
    readonly spooledFrom: number,
    rowCount: number,
    private readonly access: SpoolAccess,
  ) {
    this.rowCount = rowCount;
  }

  /** The row when its page is loaded; otherwise undefined, and its page is requested. */
  row(index: number): Cell[] | undefined {
    const batch = this.peek(index);
    if (batch) return batch.reader.row(index - batch.firstRow);
    this.want(this.pageOf(index));
    return undefined;
  }

  /** The loaded batch holding the row, without requesting anything. */
  peek(index: number): CachedBatch | undefined {
    const last = this.lastHit;
    const batch = last && index >= last.firstRow && index < last.end ? last : this.find(index);
    if (batch) {
      this.lastHit = batch;
      this.access.cache.touch(batch);
    }
    return batch;
  }

  /** Rows [from, to), loading whatever is not in the cache first; rejects when main cannot provide them. */
  async read(from: number, to: number): Promise<Cell[][]> {
    const rows: Cell[][] = [];
    let next = Math.max(from, this.spooledFrom);
    const end = Math.min(to, this.rowCount);
    while (next < end) {
      const cached = this.peek(next);
      if (cached) {
        next = pushRows(rows, cached, next, end);
        continue;
      }
      // Read from the reply itself: the cache may evict part of a large copy before it is read.
      const { batches } = this.store(await this.access.loadPage(next, Math.min(end - next, MAX_REQUEST_ROWS)));
      const before = next;
      for (const batch of batches) if (batch.firstRow <= next && next < batch.end) next = pushRows(rows, batch, next, end);
      if (next === before) throw new Error(`Row ${before + 1} could not be read back from the spool file.`);
    }
    return rows;
  }

  /** Drops this result's pages from the cache; replies still on their way are ignored. */
  dispose(): void {
    this.disposed = true;
    for (const batch of this.loaded) this.access.cache.remove(batch);
    this.loaded.length = 0;
    this.lastHit = null;
  }

  get loadedBatchCount(): number {
    return this.loaded.length;
  }

  private pageOf(index: number): number {
    return Math.floor((index - this.spooledFrom) / PAGE_ROWS);
  }

  private want(page: number): void {
    if (this.disposed || this.inFlight.has(page)) return;
    const failed = this.failedAt.get(page);
    if (failed !== undefined && Date.now() - failed < RETRY_AFTER_MS) return;
    this.wanted.add(page);
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    queueMicrotask(() => this.flush());
  }

  /** Asks for the wanted pages, neighbouring pages merged into one request of at most MAX_REQUEST_ROWS. */
  private flush(): void {
    this.flushScheduled = false;
    const pages = [...this.wanted].sort((a, b) => a - b);
    this.wanted.clear();
    const maxPages = Math.max(1, Math.floor(MAX_REQUEST_ROWS / PAGE_ROWS));
    let first = 0;
    for (let i = 1; i <= pages.length; i++) {
      if (i < pages.length && pages[i] === pages[i - 1] + 1 && i - first < maxPages) continue;
      this.request(pages.slice(first, i));
      first = i;
    }
  }

  private request(pages: number[]): void {
    const fromRow = this.spooledFrom + pages[0] * PAGE_ROWS;
    const endRow = Math.min(this.rowCount, this.spooledFrom + (pages[pages.length - 1] + 1) * PAGE_ROWS);
    if (endRow <= fromRow) return;
    for (const page of pages) this.inFlight.add(page);
    this.access.loadPage(fromRow, endRow - fromRow).then(
      (reply) => {
        if (this.disposed) return;
        const { added } = this.store(reply);
        for (const page of pages) {
          this.inFlight.delete(page);
          // A reply that misses the page is treated as a failure, so the grid does not ask again each frame.
          if (!this.peek(this.spooledFrom + page * PAGE_ROWS)) this.failedAt.set(page, Date.now());
          else this.failedAt.delete(page);
        }
        if (added > 0 || this.error !== null) {
          this.error = null;
          this.access.onChange();
        }
      },
      (error: unknown) => {
        if (this.disposed) return;
        const now = Date.now();
        for (const page of pages) {
          this.inFlight.delete(page);
          this.failedAt.set(page, now);
        }
        this.error = error instanceof Error ? error.message : String(error);
        this.access.onChange();
      },
    );
  }

  /** Puts the reply's batches into the cache (those not there yet); returns them all, in row order, and how many were new. */
  private store(page: ResultPage): { batches: CachedBatch[]; added: number } {
    const batches: CachedBatch[] = [];
    let added = 0;
    const sorted = [...page.batches].sort((a, b) => a.firstRow - b.firstRow);
    for (const { firstRow, batch } of sorted) {
      if (batch.rowCount === 0) continue;
      const existing = this.find(firstRow);
      if (existing) {
        batches.push(existing);
        continue;
      }
      const cached: CachedBatch = { firstRow, end: firstRow + batch.rowCount, reader: new BatchReader(batch) };
      if (!this.disposed) {
        this.insert(cached);
        this.access.cache.add(cached, batchByteLength(batch), () => this.evicted(cached));
        added++;
      }
      batches.push(cached);
    }
    return { batches, added };
  }

  private insert(batch: CachedBatch): void {
    let low = 0;
    let high = this.loaded.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.loaded[mid].firstRow < batch.firstRow) low = mid + 1;
      else high = mid;
    }
    this.loaded.splice(low, 0, batch);
  }

  private evicted(batch: CachedBatch): void {
    const position = this.loaded.indexOf(batch);
    if (position !== -1) this.loaded.splice(position, 1);
    if (this.lastHit === batch) this.lastHit = null;
  }

  /** The loaded batch whose rows include `index`: binary search for the last firstRow at or before it. */
  private find(index: number): CachedBatch | undefined {
    let low = 0;
    let high = this.loaded.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      if (this.loaded[mid].firstRow <= index) {
        found = mid;
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    const batch = found === -1 ? undefined : this.loaded[found];
    return batch && index < batch.end ? batch : undefined;
  }
}

/** Appends rows [from, min(to, batch.end)) of a batch and returns the row after the last one. */
function pushRows(rows: Cell[][], batch: CachedBatch, from: number, to: number): number {
  const stop = Math.min(to, batch.end);
  for (let row = from; row < stop; row++) rows.push(batch.reader.row(row - batch.firstRow));
  return stop;
}
