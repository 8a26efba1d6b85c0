/**
 * Installed into the page before any of its scripts (page.addInitScript): records long tasks, the
 * moment Ctrl+Enter is pressed, and the first frame painted after a grid cell appeared.
 * Runs in the browser, so it may only use what the page has.
 */
export function installBrowserProbes(): void {
  interface Probes {
    longTasks: { start: number; duration: number }[];
    runPressedAt: number | null;
    firstCellPaintedAt: number | null;
  }
  const probes: Probes = { longTasks: [], runPressedAt: null, firstCellPaintedAt: null };
  (window as unknown as { __benchProbes: Probes }).__benchProbes = probes;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) probes.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });

  window.addEventListener(
    'keydown',
    (event) => {
      if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
      probes.runPressedAt = performance.now();
      probes.firstCellPaintedAt = null;
      const watcher = new MutationObserver(() => {
        if (!document.querySelector('[role="gridcell"]')) return;
        watcher.disconnect();
        requestAnimationFrame(() => setTimeout(() => (probes.firstCellPaintedAt = performance.now()), 0));
      });
      watcher.observe(document.body, { childList: true, subtree: true });
    },
    true,
  );
}

export interface ProbeReadout {
  longTasks: { start: number; duration: number }[];
  runPressedAt: number | null;
  firstCellPaintedAt: number | null;
}

/** Reads the probes (evaluated in the page). */
export function readBrowserProbes(): ProbeReadout {
  return (window as unknown as { __benchProbes: ProbeReadout }).__benchProbes;
}
