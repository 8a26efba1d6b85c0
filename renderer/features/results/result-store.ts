import type { Cell, ColumnMeta } from '../../../shared/model/query';

/**
 * The rows of one statement's result, kept as the batches they arrived in: appending never copies
 * earlier rows, and a row is found by binary search over the cumulative batch ends.
 */
export class StatementResult {
  columns: ColumnMeta[] = [];
  rowCount = 0;
  /** Bumped on every change, so React can tell that something new arrived. */
  version = 0;
  private readonly batches: Cell[][][] = [];
  /** ends[i] = number of rows in batches[0..i]. */
  private readonly ends: number[] = [];
  private lastBatch = 0;

  setColumns(columns: ColumnMeta[]): void {
    this.columns = columns;
    this.version++;
  }

  append(rows: Cell[][]): void {
    if (rows.length === 0) return;
    this.batches.push(rows);
    this.rowCount += rows.length;
    this.ends.push(this.rowCount);
    this.version++;
  }

  get batchCount(): number {
    return this.batches.length;
  }

  getRow(index: number): Cell[] | undefined {
    if (!Number.isInteger(index) || index < 0 || index >= this.rowCount) return undefined;
    const batch = this.findBatch(index);
    const start = batch === 0 ? 0 : this.ends[batch - 1];
    return this.batches[batch][index - start];
  }

  /** Rows [from, to) as one array, for copying a selection. */
  getRows(from: number, to: number): Cell[][] {
    const rows: Cell[][] = [];
    const end = Math.min(to, this.rowCount);
    for (let i = Math.max(0, from); i < end; i++) rows.push(this.getRow(i) as Cell[]);
    return rows;
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

const keyOf = (runId: string, index: number) => `${runId}#${index}`;

/** Results by run and statement, outside React state so that big results never pass through the store. */
export class ResultStore {
  private readonly results = new Map<string, StatementResult>();
  private readonly listeners = new Map<string, Set<Listener>>();

  get(runId: string, index: number): StatementResult | undefined {
    return this.results.get(keyOf(runId, index));
  }

  setColumns(runId: string, index: number, columns: ColumnMeta[]): void {
    this.ensure(runId, index).setColumns(columns);
    this.emit(runId, index);
  }

  appendRows(runId: string, index: number, rows: Cell[][]): void {
    this.ensure(runId, index).append(rows);
    this.emit(runId, index);
  }

  /** The version of one result, 0 when it does not exist: a snapshot for useSyncExternalStore. */
  version(runId: string, index: number): number {
    return this.get(runId, index)?.version ?? 0;
  }

  /** Drops every result of a run, so its rows can be garbage-collected. */
  freeRun(runId: string): void {
    const prefix = `${runId}#`;
    for (const key of [...this.results.keys()]) {
      if (!key.startsWith(prefix)) continue;
      this.results.delete(key);
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

  private ensure(runId: string, index: number): StatementResult {
    const key = keyOf(runId, index);
    let result = this.results.get(key);
    if (!result) this.results.set(key, (result = new StatementResult()));
    return result;
  }

  private emit(runId: string, index: number): void {
    for (const listener of this.listeners.get(keyOf(runId, index)) ?? []) listener();
  }
}

export const resultStore = new ResultStore();
