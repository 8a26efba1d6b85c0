import { describe, expect, it } from 'vitest';
import { initialsOf, startsWord, tierOf, tiersFor } from '../../../renderer/features/editor/completion/name-match';

describe('word starts and initials', () => {
  it('starts words after separators, at lower-to-upper changes and between letters and digits', () => {
    const starts = (name: string) => [...name].flatMap((_, index) => (startsWord(name, index) ? [index] : []));
    expect(starts('customer_orders')).toEqual([0, 9]);
    expect(starts('CargoOrders')).toEqual([0, 5]);
    expect(starts('HTTPLog')).toEqual([0]);
    expect(starts('order items')).toEqual([0, 6]);
    expect(starts('t2024_q1')).toEqual([0, 1, 6, 7]);
    expect(starts('_tmp')).toEqual([1]);
    expect(starts('größe_Übersicht')).toEqual([0, 6]);
  });

  it('reads the initials of the words in lower case', () => {
    expect(initialsOf('customer_orders')).toBe('co');
    expect(initialsOf('OrderItems')).toBe('oi');
    expect(initialsOf('order items')).toBe('oi');
    expect(initialsOf('x')).toBe('x');
    expect(initialsOf('größe_Übersicht')).toBe('gü');
  });
});

describe('match tiers', () => {
  it('sorts a name into prefix, word or inside, ignoring case, or no match', () => {
    expect(tierOf('orders', 'ord')).toBe('prefix');
    expect(tierOf('Orders', 'ord')).toBe('prefix');
    expect(tierOf('customer_orders', 'ord')).toBe('word');
    expect(tierOf('CargoOrders', 'ord')).toBe('word');
    expect(tierOf('recorder', 'ord')).toBe('inside');
    expect(tierOf('customers', 'ord')).toBeNull();
    expect(tierOf('customer_orders', 'co')).toBe('word');
    expect(tierOf('customer_orders', 'cuo')).toBeNull();
  });

  it('takes a later occurrence at a word start over an earlier one inside a word', () => {
    expect(tierOf('recorded_orders', 'ord')).toBe('word');
  });

  it('searches every tier once something is typed, and only prefixes before', () => {
    expect(tiersFor('')).toEqual(['prefix']);
    expect(tiersFor('o')).toEqual(['prefix', 'word', 'inside']);
  });
});
