import { describe, expect, it } from 'vitest';
import { NameIndex } from '../../../renderer/features/editor/completion/name-index';

/** 10,000 table names in a scrambled order, some in mixed case. */
function tenThousandNames(): { name: string }[] {
  const names: { name: string }[] = [];
  for (let i = 0; i < 10_000; i++) {
    const scrambled = (i * 7919) % 10_000;
    const base = `t${String(scrambled).padStart(5, '0')}`;
    names.push({ name: scrambled % 10 === 3 ? base.toUpperCase() : base });
  }
  return names;
}

/** The obvious, slow answer: filter everything, sort everything. */
function bruteForce(names: { name: string }[], prefix: string, limit: number): string[] {
  return names
    .map((entry) => entry.name)
    .filter((name) => name.toLowerCase().startsWith(prefix.toLowerCase()))
    .sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0))
    .slice(0, limit);
}

describe('NameIndex over 10,000 names', () => {
  const names = tenThousandNames();
  const index = new NameIndex(names);

  it('finds exactly the names that start with a prefix, in name order, ignoring case', () => {
    const { entries, more } = index.withPrefix('t0999', 200);
    expect(entries.map((entry) => entry.name)).toEqual([
      't09990', 't09991', 't09992', 'T09993', 't09994', 't09995', 't09996', 't09997', 't09998', 't09999',
    ]);
    expect(more).toBe(false);
    expect(index.withPrefix('T0999', 200).entries).toHaveLength(10);
  });

  it('takes at most the limit and says that more matched', () => {
    const { entries, more } = index.withPrefix('t0', 200);
    expect(entries).toHaveLength(200);
    expect(entries[0].name).toBe('t00000');
    expect(entries[199].name).toBe('t00199');
    expect(more).toBe(true);
    expect(index.withPrefix('', 5).entries.map((entry) => entry.name)).toEqual(['t00000', 't00001', 't00002', 'T00003', 't00004']);
  });

  it('agrees with filtering and sorting the whole list for many prefixes', () => {
    for (const prefix of ['', 't', 't1', 't12', 't123', 't1234', 't12345', 'T5', 't99', 'x', 't0000', 't100000']) {
      expect(index.withPrefix(prefix, 200).entries.map((entry) => entry.name), prefix).toEqual(bruteForce(names, prefix, 200));
    }
  });

  it('finds a name exactly, else ignoring case, else not at all', () => {
    const mixed = new NameIndex([{ name: 'Orders' }, { name: 'orders' }, { name: 'ORDER_ITEMS' }]);
    expect(mixed.find('Orders')?.name).toBe('Orders');
    expect(mixed.find('orders')?.name).toBe('orders');
    expect(mixed.find('OrDeRs')?.name).toBeDefined();
    expect(mixed.find('order_items')?.name).toBe('ORDER_ITEMS');
    expect(mixed.find('order')).toBeNull();
    expect(index.find('t04242')?.name).toBe('t04242');
  });

  it('finds word and inside matches in name order, as filtering the whole list would', () => {
    const words = new NameIndex([{ name: 'customer_orders' }, { name: 'orders' }, { name: 'recorder' }, { name: 'CargoOrders' }, { name: 'audit_log' }]);
    expect(words.matching('ord', 'prefix', 10).entries.map((entry) => entry.name)).toEqual(['orders']);
    expect(words.matching('ord', 'word', 10).entries.map((entry) => entry.name)).toEqual(['CargoOrders', 'customer_orders']);
    expect(words.matching('ORD', 'inside', 10).entries.map((entry) => entry.name)).toEqual(['recorder']);
    expect(words.matching('ord', 'word', 1)).toEqual({ entries: [{ name: 'CargoOrders' }], more: true });
    // The digits of t00000…t09999 start a word at index 1 only, where there is always a 0.
    expect(index.matching('0999', 'word', 100).entries.map((entry) => entry.name)).toEqual(bruteForce(names, 't0999', 100));
    for (const query of ['9', '99', '999', '123']) {
      const inside = index.matching(query, 'inside', 10_000).entries.map((entry) => entry.name);
      const expected = bruteForce(names, '', 10_000).filter((name) => !name.toLowerCase().startsWith(query) && name.toLowerCase().includes(query));
      expect(inside, query).toEqual(expected);
    }
  });
});
