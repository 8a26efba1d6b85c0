import { describe, expect, it } from 'vitest';
import { ByteLru } from '../../../renderer/features/results/byte-lru';
import { describeStorage, formatRate } from '../../../renderer/features/results/format-figures';
import { RowRate } from '../../../renderer/features/results/row-rate';

describe('row rate', () => {
  it('says nothing until the samples span long enough, then rows per second over about the last second', () => {
    const rate = new RowRate();
    rate.add(1_000, 0);
    expect(rate.perSecond()).toBeNull();
    rate.add(1_100, 5_000);
    expect(rate.perSecond()).toBeNull();
    rate.add(1_250, 10_000);
    expect(rate.perSecond()).toBe(40_000);
    // A slower second follows: the rate follows it instead of averaging since the start.
    for (let at = 1_500; at <= 3_250; at += 250) rate.add(at, 10_000 + (at - 1_250) * 2);
    expect(rate.perSecond()).toBe(2_000);
  });

  it('is shown as whole rows per second, and storage as in memory or spooled with its rows', () => {
    expect(formatRate(12_345.6)).toBe('12,346 rows/s');
    expect(describeStorage(null)).toBe('in memory');
    expect(describeStorage(280_000)).toBe('spooled to disk (280,000 rows)');
  });
});

describe('byte-bounded LRU', () => {
  it('evicts the least recently used items past the limit, but never the one just added', () => {
    const lru = new ByteLru<string>(100);
    const evicted: string[] = [];
    const add = (item: string, bytes: number) => lru.add(item, bytes, () => evicted.push(item));
    add('a', 40);
    add('b', 40);
    lru.touch('a');
    add('c', 40);
    expect(evicted).toEqual(['b']);
    expect(lru.bytes).toBe(80);
    add('huge', 500);
    expect(evicted).toEqual(['b', 'a', 'c']);
    expect([lru.size, lru.bytes, lru.has('huge')]).toEqual([1, 500, true]);
    lru.remove('huge');
    expect([lru.size, lru.bytes, evicted.length]).toEqual([0, 0, 3]);
  });
});
