import { initialsOf, matchTier, type MatchTier } from './name-match';

/** What a search returns: the first matches in order, and whether more matched than were taken. */
export interface NameMatches<T> {
  entries: T[];
  more: boolean;
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Names sorted once by their lower-cased form, so that a prefix search is a binary search plus a walk
 * over the matches it returns: typing in a schema of 10k tables never scans or sorts the whole list.
 * Word and inside matches (see name-match.ts) scan the names once, in name order.
 */
export class NameIndex<T extends { name: string }> {
  private readonly keys: string[];
  private readonly items: T[];
  /** Each name's initials, computed on the first search that needs them. */
  private initials: string[] | null = null;

  constructor(items: Iterable<T>) {
    const keyed = [...items].map((item) => ({ key: item.name.toLowerCase(), item }));
    keyed.sort((a, b) => compareKeys(a.key, b.key) || compareKeys(a.item.name, b.item.name));
    this.keys = keyed.map((entry) => entry.key);
    this.items = keyed.map((entry) => entry.item);
  }

  get size(): number {
    return this.items.length;
  }

  /** Up to `limit` entries whose name starts with `prefix`, ignoring case, in name order. */
  withPrefix(prefix: string, limit: number): NameMatches<T> {
    const key = prefix.toLowerCase();
    const entries: T[] = [];
    let index = this.lowerBound(key);
    while (index < this.keys.length && this.keys[index].startsWith(key)) {
      if (entries.length === limit) return { entries, more: true };
      entries.push(this.items[index++]);
    }
    return { entries, more: false };
  }

  /** Up to `limit` entries that match `text` in `tier`, ignoring case, in name order. */
  matching(text: string, tier: MatchTier, limit: number): NameMatches<T> {
    if (tier === 'prefix') return this.withPrefix(text, limit);
    const query = text.toLowerCase();
    const initials = (this.initials ??= this.items.map((item) => initialsOf(item.name)));
    const entries: T[] = [];
    for (let index = 0; index < this.keys.length; index++) {
      if (matchTier(this.items[index].name, this.keys[index], query, initials[index]) !== tier) continue;
      if (entries.length === limit) return { entries, more: true };
      entries.push(this.items[index]);
    }
    return { entries, more: false };
  }

  /** The entry named exactly `name`, else one whose name equals it ignoring case, else null. */
  find(name: string): T | null {
    const key = name.toLowerCase();
    let fallback: T | null = null;
    for (let index = this.lowerBound(key); index < this.keys.length && this.keys[index] === key; index++) {
      if (this.items[index].name === name) return this.items[index];
      fallback ??= this.items[index];
    }
    return fallback;
  }

  private lowerBound(key: string): number {
    let low = 0;
    let high = this.keys.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.keys[middle] < key) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
