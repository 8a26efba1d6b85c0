/**
 * React keys for the rows (or columns) a virtualized grid draws. An index keeps its slot while it stays
 * on screen (so its DOM nodes, an open editor among them, stay its own), and one that scrolls into view
 * takes the slot of one that left, so the browser updates existing nodes instead of building new ones,
 * which costs several times more.
 */
export class WindowSlots {
  private bySlotOwner = new Map<number, number>();
  private count = 0;

  /** The slot of every index from `start` up to (not including) `end`: index → slot. */
  assign(start: number, end: number): ReadonlyMap<number, number> {
    const next = new Map<number, number>();
    const free: number[] = [];
    for (const [index, slot] of this.bySlotOwner) {
      if (index >= start && index < end) next.set(index, slot);
      else free.push(slot);
    }
    free.sort((a, b) => b - a);
    for (let index = start; index < end; index++) {
      if (!next.has(index)) next.set(index, free.pop() ?? this.count++);
    }
    this.bySlotOwner = next;
    return next;
  }
}
