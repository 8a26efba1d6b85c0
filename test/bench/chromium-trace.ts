import type { Browser, Page } from '@playwright/test';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  /** Wall-clock duration, microseconds. */
  dur?: number;
  /** Time the thread ran, microseconds: the wall clock less the time other processes had the CPU. */
  tdur?: number;
  args?: { name?: string };
}

export interface MainThreadTasks {
  /** The longest task by the time the thread ran (what the page's code costs), ms. */
  longestCpuMs: number;
  /** The longest task by the wall clock (on a busy machine also the time the thread waited for a CPU), ms. */
  longestWallMs: number;
  tasks: number;
}

/** The tasks of the page's main thread (RunTask on CrRendererMain) while `work` runs, from a Chromium trace. */
export async function traceMainThreadTasks<T>(browser: Browser, page: Page, work: () => Promise<T>): Promise<MainThreadTasks & { outcome: T }> {
  await browser.startTracing(page, { categories: ['toplevel', 'disabled-by-default-devtools.timeline'] });
  let outcome: T;
  try {
    outcome = await work();
  } catch (error) {
    await browser.stopTracing().catch(() => undefined);
    throw error;
  }
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
  const main = trace.traceEvents.find((event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain');
  if (!main) throw new Error('The Chromium trace has no CrRendererMain thread.');
  const tasks = trace.traceEvents.filter((event) => event.ph === 'X' && event.name === 'RunTask' && event.pid === main.pid && event.tid === main.tid);
  const longest = (duration: (task: TraceEvent) => number | undefined) => Math.max(0, ...tasks.map((task) => (duration(task) ?? 0) / 1000));
  return { longestCpuMs: longest((task) => task.tdur), longestWallMs: longest((task) => task.dur), tasks: tasks.length, outcome };
}
