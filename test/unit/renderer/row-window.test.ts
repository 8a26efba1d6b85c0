import { describe, expect, it } from 'vitest';
import { rowWindow, scrollTopForRow, sizerHeight, type RowLayout, type RowWindow } from '../../../renderer/features/results/row-window';

const ROW = 24;
const HEADER = 30;
const VIEWPORT = 300;

function layout(rowCount: number, maxHeight = 30_000_000): RowLayout {
  return { rowCount, rowHeight: ROW, headerHeight: HEADER, maxHeight };
}

/** Rows whose whole height shows between the bottom of the header and the bottom of the viewport. */
function fullyVisibleRows(w: RowWindow, scrollTop: number, viewportHeight = VIEWPORT): number[] {
  const rows: number[] = [];
  for (let row = w.start; row < w.end; row++) {
    const top = w.firstTop + (row - w.start) * ROW - scrollTop;
    if (top >= HEADER && top + ROW <= viewportHeight) rows.push(row);
  }
  return rows;
}

describe('rowWindow', () => {
  it('renders the first screenful and the overscan below it at the top', () => {
    const w = rowWindow(layout(1_000_000), { scrollTop: 0, viewportHeight: VIEWPORT }, 6);
    // (300 - 30) / 24 = 11.25 rows on screen, so rows 0..11, plus 6 below.
    expect(w).toEqual({ start: 0, end: 18, firstTop: HEADER });
  });

  it('places each row at its natural position when the result fits the height limit', () => {
    const scrollTop = 240_000;
    const w = rowWindow(layout(1_000_000), { scrollTop, viewportHeight: VIEWPORT }, 6);
    expect(w.start).toBe(10_000 - 6);
    expect(w.firstTop).toBe(HEADER + w.start * ROW);
    expect(fullyVisibleRows(w, scrollTop)).toEqual([10_000, 10_001, 10_002, 10_003, 10_004, 10_005, 10_006, 10_007, 10_008, 10_009, 10_010]);
  });

  it('renders the same number of rows at row 10 as at row 999,000', () => {
    const near = rowWindow(layout(1_000_000), { scrollTop: 240, viewportHeight: VIEWPORT }, 6);
    const far = rowWindow(layout(1_000_000), { scrollTop: 999_000 * ROW, viewportHeight: VIEWPORT }, 6);
    expect(near.end - near.start).toBe(far.end - far.start);
  });

  it('ends at the last row when scrolled to the bottom', () => {
    const l = layout(1000);
    const bottom = sizerHeight(l) - VIEWPORT;
    const w = rowWindow(l, { scrollTop: bottom, viewportHeight: VIEWPORT }, 6);
    expect(w.end).toBe(1000);
    expect(fullyVisibleRows(w, bottom)).toContain(999);
  });

  it('renders nothing for an empty result and never more rows than exist', () => {
    expect(rowWindow(layout(0), { scrollTop: 0, viewportHeight: VIEWPORT }, 6)).toEqual({ start: 0, end: 0, firstTop: HEADER });
    expect(rowWindow(layout(3), { scrollTop: 0, viewportHeight: VIEWPORT }, 6)).toMatchObject({ start: 0, end: 3 });
  });

  it('treats a scroll position past the end, left from a taller layout, as the end', () => {
    const l = layout(100);
    const w = rowWindow(l, { scrollTop: 1_000_000, viewportHeight: VIEWPORT }, 0);
    expect(w.end).toBe(100);
    expect(fullyVisibleRows(w, sizerHeight(l) - VIEWPORT)).toContain(99);
  });

  it('renders nothing before the viewport has a height, apart from overscan', () => {
    expect(rowWindow(layout(1000), { scrollTop: 0, viewportHeight: 0 }, 2)).toMatchObject({ start: 0, end: 2 });
  });
});

describe('rowWindow beyond the height limit', () => {
  const huge = layout(5_000_000, 30_000_000);

  it('caps the sizer at the limit', () => {
    expect(sizerHeight(huge)).toBe(30_000_000);
    expect(sizerHeight(layout(1000))).toBe(HEADER + 1000 * ROW);
  });

  it('shows the first row at the top and the last row at the bottom', () => {
    const top = rowWindow(huge, { scrollTop: 0, viewportHeight: VIEWPORT }, 0);
    expect(fullyVisibleRows(top, 0)[0]).toBe(0);
    const bottom = sizerHeight(huge) - VIEWPORT;
    const end = rowWindow(huge, { scrollTop: bottom, viewportHeight: VIEWPORT }, 0);
    expect(end.end).toBe(5_000_000);
    expect(fullyVisibleRows(end, bottom)).toContain(4_999_999);
  });

  it('covers the whole viewport with rows in the middle, inside the sizer', () => {
    for (const scrollTop of [1, 7_777_777, 15_000_000, 29_999_000]) {
      const w = rowWindow(huge, { scrollTop, viewportHeight: VIEWPORT }, 0);
      expect(w.end).toBeGreaterThan(w.start);
      expect(w.firstTop).toBeLessThanOrEqual(scrollTop + HEADER);
      expect(w.firstTop + (w.end - w.start) * ROW).toBeGreaterThanOrEqual(scrollTop + VIEWPORT);
      expect(w.firstTop + (w.end - w.start) * ROW).toBeLessThanOrEqual(30_000_000 + ROW);
    }
  });
});

describe('scrollTopForRow', () => {
  const view = { scrollTop: 240, viewportHeight: VIEWPORT };

  it('does not scroll for a row already in view', () => {
    expect(scrollTopForRow(layout(1000), view, 12)).toBeNull();
  });

  it('scrolls up so a row above sits just under the header', () => {
    expect(scrollTopForRow(layout(1000), view, 3)).toBe(3 * ROW);
  });

  it('scrolls down so a row below sits at the bottom edge', () => {
    const target = scrollTopForRow(layout(1000), view, 40);
    expect(target).toBe(HEADER + 41 * ROW - VIEWPORT);
  });

  it('scrolls to the top for the first row, hidden behind nothing', () => {
    expect(scrollTopForRow(layout(1000), { scrollTop: 5000, viewportHeight: VIEWPORT }, 0)).toBe(0);
  });

  it('brings any row fully into view when the sizer is scaled', () => {
    const huge = layout(5_000_000, 30_000_000);
    for (const row of [0, 1, 1_234_567, 2_500_000, 4_999_998, 4_999_999]) {
      for (const from of [0, 15_000_000, sizerHeight(huge) - VIEWPORT]) {
        const current = { scrollTop: from, viewportHeight: VIEWPORT };
        const scrollTop = scrollTopForRow(huge, current, row) ?? from;
        const w = rowWindow(huge, { scrollTop, viewportHeight: VIEWPORT }, 0);
        expect(fullyVisibleRows(w, scrollTop), `row ${row} from ${from}`).toContain(row);
      }
    }
  });
});
