import { useCallback, useLayoutEffect, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { rowWindow, scrollTopForRow, sizerHeight, type RowLayout, type RowWindow } from './row-window';

export interface RowWindowState {
  window: RowWindow;
  /** Height to give the element inside the scroller. */
  height: number;
  /** Scrolls as little as possible to show `row` whole below the header. */
  scrollToRow: (row: number) => void;
}

/**
 * Tracks the scroller's position and height and returns the rows to render. Work per update is
 * independent of the row count, so streaming rows in costs the same at row 10 as at row 1,000,000.
 */
export function useRowWindow(scrollRef: RefObject<HTMLElement | null>, layout: RowLayout, overscan: number): RowWindowState {
  const [scrollTop, setScrollTop] = useState(0);
  const [viewportHeight, setViewportHeight] = useState(0);

  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    const read = () => {
      setScrollTop(element.scrollTop);
      setViewportHeight(element.clientHeight);
    };
    // Synchronous, so the new rows are in place before the frame that shows the scroll is painted.
    const onScroll = () => flushSync(read);
    read();
    element.addEventListener('scroll', onScroll, { passive: true });
    const resizes = new ResizeObserver(read);
    resizes.observe(element);
    return () => {
      element.removeEventListener('scroll', onScroll);
      resizes.disconnect();
    };
  }, [scrollRef]);

  const { rowCount, rowHeight, headerHeight, maxHeight } = layout;
  const scrollToRow = useCallback(
    (row: number) => {
      const element = scrollRef.current;
      if (!element) return;
      const view = { scrollTop: element.scrollTop, viewportHeight: element.clientHeight };
      const target = scrollTopForRow({ rowCount, rowHeight, headerHeight, maxHeight }, view, row);
      if (target !== null) element.scrollTop = target;
    },
    [scrollRef, rowCount, rowHeight, headerHeight, maxHeight],
  );

  return {
    window: rowWindow(layout, { scrollTop, viewportHeight }, overscan),
    height: sizerHeight(layout),
    scrollToRow,
  };
}
