import { describe, expect, it } from 'vitest';
import { WindowSlots } from '../../../renderer/features/table-data/window-slots';

describe('window slots', () => {
  it('keeps the slot of every row that stays on screen and gives rows coming into view the slots of rows that left', () => {
    const slots = new WindowSlots();
    const first = slots.assign(0, 5);
    expect([...first.values()]).toEqual([0, 1, 2, 3, 4]);
    const scrolled = slots.assign(2, 7);
    for (const row of [2, 3, 4]) expect(scrolled.get(row)).toBe(first.get(row));
    expect(new Set([scrolled.get(5), scrolled.get(6)])).toEqual(new Set([0, 1]));
  });

  it('reuses every slot on a jump and makes new ones only when the window grows', () => {
    const slots = new WindowSlots();
    slots.assign(0, 40);
    const jumped = slots.assign(4000, 4040);
    expect(new Set(jumped.values())).toEqual(new Set(Array.from({ length: 40 }, (_, slot) => slot)));
    const grown = slots.assign(4000, 4045);
    expect(new Set(grown.values()).size).toBe(45);
    expect(Math.max(...grown.values())).toBe(44);
    const shrunk = slots.assign(4010, 4020);
    for (let row = 4010; row < 4020; row++) expect(shrunk.get(row)).toBe(grown.get(row));
  });

  it('never gives two rows on screen the same slot', () => {
    const slots = new WindowSlots();
    for (const [start, end] of [[0, 30], [3, 33], [100, 120], [110, 150], [0, 10], [5, 45]]) {
      const assigned = slots.assign(start, end);
      expect(assigned.size).toBe(end - start);
      expect(new Set(assigned.values()).size).toBe(end - start);
    }
  });
});
