/**
 * Which rows of a fixed-row-height grid are on screen, worked out from the scroll position alone:
 * constant time however many rows the result holds.
 *
 * Browsers stop growing an element somewhere past 33 million pixels (Chromium), so a result taller
 * than `maxHeight` gets a sizer of `maxHeight` and the scroll position is scaled: the top of the
 * scroll range still shows the first row and the bottom the last.
 */

/** Tallest sizer the grid makes, safely under Chromium's limit on an element's height. */
export const MAX_SCROLL_HEIGHT = 30_000_000;

export interface RowLayout {
  rowCount: number;
  rowHeight: number;
  /** Space above the first row, i.e. the sticky header. */
  headerHeight: number;
  maxHeight: number;
}

export interface ScrollView {
  scrollTop: number;
  viewportHeight: number;
}

export interface RowWindow {
  /** First row to render. */
  start: number;
  /** One past the last row to render; equal to `start` when there is none. */
  end: number;
  /** Top of row `start` inside the sizer; each following row is one row height lower. */
  firstTop: number;
}

/** Height of the rows and header together, before any scaling. */
function contentHeight(layout: RowLayout): number {
  return layout.headerHeight + layout.rowCount * layout.rowHeight;
}

/** Height to give the element that makes the grid scroll. */
export function sizerHeight(layout: RowLayout): number {
  return Math.min(contentHeight(layout), layout.maxHeight);
}

/** Scroll range of the sizer and of the unscaled content. */
function scrollRanges(layout: RowLayout, viewportHeight: number): { sizer: number; content: number } {
  return {
    sizer: Math.max(0, sizerHeight(layout) - viewportHeight),
    content: Math.max(0, contentHeight(layout) - viewportHeight),
  };
}

function isScaled(layout: RowLayout): boolean {
  return contentHeight(layout) > layout.maxHeight;
}

/** The unscaled content offset that a sizer scroll position shows. */
function contentOffset(layout: RowLayout, view: ScrollView): number {
  const ranges = scrollRanges(layout, view.viewportHeight);
  const scrollTop = Math.min(Math.max(0, view.scrollTop), ranges.sizer);
  if (!isScaled(layout) || ranges.sizer === 0) return scrollTop;
  return (scrollTop * ranges.content) / ranges.sizer;
}

/** The rows covering the viewport, plus `overscan` rows either side. */
export function rowWindow(layout: RowLayout, view: ScrollView, overscan: number): RowWindow {
  const { rowCount, rowHeight, headerHeight } = layout;
  const offset = contentOffset(layout, view);
  // Where content offset 0 sits in the sizer: a row at content position y is drawn at y + shift.
  const shift = Math.min(Math.max(0, view.scrollTop), scrollRanges(layout, view.viewportHeight).sizer) - offset;
  const firstVisible = Math.floor(offset / rowHeight);
  const endVisible = Math.ceil((offset + Math.max(0, view.viewportHeight - headerHeight)) / rowHeight);
  const start = Math.min(rowCount, Math.max(0, firstVisible - overscan));
  const end = Math.max(start, Math.min(rowCount, endVisible + overscan));
  return { start, end, firstTop: headerHeight + start * rowHeight + shift };
}

/**
 * The sizer scroll position that brings `row` fully into view below the header, moving as little as
 * possible; null when it is already in view.
 */
export function scrollTopForRow(layout: RowLayout, view: ScrollView, row: number): number | null {
  const { rowHeight, headerHeight } = layout;
  const offset = contentOffset(layout, view);
  const rowTop = headerHeight + row * rowHeight;
  const rowBottom = rowTop + rowHeight;
  let target: number;
  if (rowTop < offset + headerHeight) target = rowTop - headerHeight;
  else if (rowBottom > offset + view.viewportHeight) target = rowBottom - view.viewportHeight;
  else return null;
  const ranges = scrollRanges(layout, view.viewportHeight);
  const clamped = Math.min(Math.max(0, target), ranges.content);
  if (!isScaled(layout) || ranges.content === 0) return clamped;
  const scaled = (clamped * ranges.sizer) / ranges.content;
  // Round towards the side that keeps the whole row in view.
  return target < offset ? Math.floor(scaled) : Math.min(ranges.sizer, Math.ceil(scaled));
}
