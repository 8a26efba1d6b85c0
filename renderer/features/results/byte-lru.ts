interface Entry {
  bytes: number;
  evict: () => void;
}

/**
 * Least-recently-used items bounded by their total bytes. Adding past the limit evicts the oldest
 * items (calling their `evict`), never the one just added, so one item bigger than the limit still fits.
 */
export class ByteLru<T> {
  private readonly entries = new Map<T, Entry>();
  private total = 0;

  constructor(readonly limitBytes: number) {}

  get bytes(): number {
    return this.total;
  }

  get size(): number {
    return this.entries.size;
  }

  has(item: T): boolean {
    return this.entries.has(item);
  }

  add(item: T, bytes: number, evict: () => void): void {
    this.remove(item);
    this.entries.set(item, { bytes, evict });
    this.total += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.total <= this.limitBytes || oldest === item) break;
      this.entries.delete(oldest);
      this.total -= entry.bytes;
      entry.evict();
    }
  }

  /** Marks the item as just used. */
  touch(item: T): void {
    const entry = this.entries.get(item);
    if (!entry) return;
    this.entries.delete(item);
    this.entries.set(item, entry);
  }

  /** Forgets the item without calling its `evict`. */
  remove(item: T): void {
    const entry = this.entries.get(item);
    if (!entry) return;
    this.entries.delete(item);
    this.total -= entry.bytes;
  }
}
