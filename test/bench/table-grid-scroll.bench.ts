import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from '@playwright/test';
import { ensureRendererBuilt } from '../support/serve-process';
import { WIDE_EXTRA_COLUMNS, WIDE_TABLE, wideValue } from '../support/wide-table';
import type { Benchmark, BenchContext } from './benchmark';
import { traceMainThreadTasks } from './chromium-trace';
import { BENCH_OUT_DIR, GRID_SQLITE_FILE, PROFILE_DIR, REPO_ROOT } from './config';
import { topSelfTime, type CpuProfile } from './cpu-profile';
import { ensureWideSqliteFixture } from './fixtures/sqlite-wide';
import { judge, type BenchResult } from './report';
import { startServeHost } from './serve-host';
import { pick, round } from './stats';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];
const PAGE_SIZE = 5000;
const STEP_TIMEOUT_MS = 30_000;
/** Lets the page settle after the table opened and after each scroll went back to the top. */
const SETTLE_MS = 500;

interface ScrollKind {
  name: string;
  what: string;
  dx: number;
  dy: number;
  frames: number;
  /** Budget for the longest main-thread task, ms. */
  targetMs: number;
}

/** Each one puts rows or columns on screen that were not there in the frame before, in every frame. */
const SCROLLS: ScrollKind[] = [
  { name: 'table_grid_scroll_5k', what: 'as a fast mouse wheel: 120 px a frame down', dx: 0, dy: 120, frames: 240, targetMs: 50 },
  { name: 'table_grid_scroll_5k_across', what: 'across the 30 columns: 300 px a frame', dx: 300, dy: 0, frames: 12, targetMs: 50 },
  { name: 'table_grid_scroll_5k_drag', what: 'as a dragged scroll bar: 1,500 px a frame down', dx: 0, dy: 1500, frames: 80, targetMs: 150 },
];

interface ScrollRun {
  cpuMs: number;
  wallMs: number;
  tasks: number;
}

/** Where the grid is scrolled to, and the cell drawn at the middle of its viewport. */
interface GridSpot {
  top: number;
  left: number;
  maxTop: number;
  maxLeft: number;
  row: number;
  column: string;
  text: string;
}

/** Evaluated in the page. */
function gridSpot(element: Element): GridSpot {
  const box = element.getBoundingClientRect();
  const cell = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)?.closest('td[data-column]');
  const row = cell?.closest('tr');
  return {
    top: element.scrollTop,
    left: element.scrollLeft,
    maxTop: element.scrollHeight - element.clientHeight,
    maxLeft: element.scrollWidth - element.clientWidth,
    row: Number(row?.querySelector('th[role="rowheader"]')?.textContent ?? Number.NaN),
    column: cell?.getAttribute('data-column') ?? '',
    text: cell?.textContent ?? '',
  };
}

const columnIndex = (column: string) => (column === 'id' ? 0 : Number(column.slice(1)));
const expectedText = (row: number, column: string) => (column === 'id' ? String(row) : wideValue(row, columnIndex(column)));

/** Opens the app, then the `wide` table from the tree (which walks down to the tables by itself), and shows 5,000 rows a page. */
async function openWideTable(page: Page, url: string): Promise<Locator> {
  await page.goto(url);
  try {
    const item = page.getByRole('tree').getByRole('treeitem', { name: new RegExp(`^${WIDE_TABLE}`) }).first();
    await item.waitFor({ timeout: STEP_TIMEOUT_MS });
    await item.click();
    await item.press('Enter');
    const view = page.getByLabel(`Data of ${WIDE_TABLE}`);
    const grid = view.getByRole('grid', { name: 'Table rows' });
    await grid.waitFor({ timeout: STEP_TIMEOUT_MS });
    await view.getByLabel('Rows per page').selectOption(String(PAGE_SIZE));
    await view.getByText(`Rows 1–${PAGE_SIZE.toLocaleString('en')}`).waitFor({ timeout: STEP_TIMEOUT_MS });
    await grid.locator('tr[aria-rowindex="2"] td[data-column="c01"]').filter({ hasText: wideValue(1, 1) }).waitFor({ timeout: STEP_TIMEOUT_MS });
    return grid;
  } catch (error) {
    const shot = path.join(BENCH_OUT_DIR, 'table-grid-scroll-failure.png');
    await page.screenshot({ path: shot }).catch(() => undefined);
    throw new Error(`The page did not open ${WIDE_TABLE} at ${PAGE_SIZE} rows a page. Screenshot: ${shot}`, { cause: error });
  }
}

/** Scrolls the grid by (dx, dy) once a frame, then waits one more frame so the last position is drawn. */
function scrollFrames(grid: Locator, kind: ScrollKind): Promise<void> {
  return grid.evaluate(
    async (element, { dx, dy, frames }) => {
      for (let index = 0; index <= frames; index++) {
        if (index < frames) element.scrollBy(dx, dy);
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
    },
    { dx: kind.dx, dy: kind.dy, frames: kind.frames },
  );
}

/** A scroll that did not move the grid, or a grid that draws the wrong values afterwards, measured nothing. */
function checkScrolled(kind: ScrollKind, before: GridSpot, after: GridSpot, tasks: number): void {
  const fail = (what: string) => {
    throw new Error(`Scrolling ${kind.what}: ${what} (before ${JSON.stringify(before)}, after ${JSON.stringify(after)}).`);
  };
  if (tasks <= kind.frames) fail(`the trace holds ${tasks} main-thread tasks for ${kind.frames} frames`);
  if (kind.dy > 0 && after.top < Math.min(kind.dy * kind.frames, after.maxTop) - 1) fail('the grid did not scroll down as far as asked');
  if (kind.dx > 0 && after.left < Math.min(kind.dx * kind.frames, after.maxLeft) - 1) fail('the grid did not scroll across as far as asked');
  if (kind.dy > 0 && !(after.row > before.row)) fail('the row at the middle of the grid did not change');
  if (kind.dx > 0 && !(columnIndex(after.column) > columnIndex(before.column))) fail('the column at the middle of the grid did not change');
  if (after.text !== expectedText(after.row, after.column)) fail(`the cell at the middle shows "${after.text}", not ${after.column} of row ${after.row}`);
}

/** One freshly opened page: each kind of scroll once, from the top left. */
async function measureRound(browser: Browser, url: string, profileKind?: ScrollKind): Promise<{ runs: ScrollRun[]; profile?: CpuProfile }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  try {
    const grid = await openWideTable(page, url);
    const runs: ScrollRun[] = [];
    let profile: CpuProfile | undefined;
    for (const kind of profileKind ? [profileKind] : SCROLLS) {
      await page.waitForTimeout(SETTLE_MS);
      const before = await grid.evaluate(gridSpot);
      if (kind === profileKind) {
        profile = await profileScroll(page, grid, kind);
      } else {
        const traced = await traceMainThreadTasks(browser, page, () => scrollFrames(grid, kind));
        checkScrolled(kind, before, await grid.evaluate(gridSpot), traced.tasks);
        runs.push({ cpuMs: traced.longestCpuMs, wallMs: traced.longestWallMs, tasks: traced.tasks });
      }
      await grid.evaluate((element) => element.scrollTo(0, 0));
    }
    if (errors.length > 0) throw new Error(`The page threw: ${errors.join('; ')}`);
    return { runs, profile };
  } finally {
    await page.close();
  }
}

/** The scroll with Chromium's sampling profiler on the page's main thread. */
async function profileScroll(page: Page, grid: Locator, kind: ScrollKind): Promise<CpuProfile> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await cdp.send('Profiler.start');
    await scrollFrames(grid, kind);
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    return profile;
  } finally {
    await cdp.detach();
  }
}

async function profileMiss(browser: Browser, url: string, kind: ScrollKind): Promise<NonNullable<BenchResult['profile']>> {
  const { profile } = await measureRound(browser, url, kind);
  if (!profile) return [];
  const dir = path.join(PROFILE_DIR, kind.name);
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, 'renderer.cpuprofile');
  await writeFile(file, JSON.stringify(profile));
  return [{ process: `Chromium renderer (page main thread), scrolling ${kind.what}`, file: path.relative(REPO_ROOT, file), top: topSelfTime(profile, 15) }];
}

export const tableGridScroll: Benchmark = {
  names: SCROLLS.map((kind) => kind.name),
  async run(context: BenchContext): Promise<BenchResult[]> {
    const fixtureSeconds = await ensureWideSqliteFixture(context.log);
    ensureRendererBuilt();
    const host = await startServeHost({ file: GRID_SQLITE_FILE });
    let browser: Browser | null = null;
    /** Per kind, one run a measured round. */
    const samples: ScrollRun[][] = SCROLLS.map(() => []);
    const profiles = new Map<string, NonNullable<BenchResult['profile']>>();
    try {
      browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
      for (let n = 0; n < context.warmups + context.rounds; n++) {
        const warmup = n < context.warmups;
        context.log(`  table_grid_scroll_5k round ${n}${warmup ? ' (warm-up)' : ''}`);
        const { runs } = await measureRound(browser, host.url);
        if (!warmup) runs.forEach((run, index) => samples[index].push(run));
      }
      for (const [index, kind] of SCROLLS.entries()) {
        if (!context.profileMisses || pick(samples[index], (run) => run.cpuMs) <= kind.targetMs) continue;
        context.log(`  profiling ${kind.name} in Chromium…`);
        profiles.set(kind.name, await profileMiss(browser, host.url, kind));
      }
    } finally {
      await browser?.close();
      await host.stop();
    }

    return SCROLLS.map((kind, index): BenchResult => {
      const runs = samples[index];
      const longest = pick(runs, (run) => run.cpuMs);
      return {
        name: kind.name,
        ours: round(longest, 1),
        baseline: kind.targetMs,
        unit: 'ms',
        ratio: round(longest, 1),
        target: kind.targetMs,
        pass: judge(longest, kind.targetMs, false),
        higherIsBetter: false,
        ratioKind: 'ours',
        rounds: runs.length,
        maxMs: round(Math.max(...runs.map((run) => run.cpuMs)), 1),
        wallMs: round(pick(runs, (run) => run.wallMs), 1),
        wallMaxMs: round(Math.max(...runs.map((run) => run.wallMs)), 1),
        tasksPerRound: pick(runs, (run) => run.tasks),
        frames: kind.frames,
        pxPerFrame: Math.hypot(kind.dx, kind.dy),
        rows: PAGE_SIZE,
        columns: WIDE_EXTRA_COLUMNS + 1,
        fixtureSeconds: fixtureSeconds === null ? null : round(fixtureSeconds, 1),
        note:
          `Longest task of the page's main thread (Chromium trace: RunTask on CrRendererMain, by the time the thread ran) while a ${PAGE_SIZE.toLocaleString('en')}-row × ${WIDE_EXTRA_COLUMNS + 1}-column page of a SQLite table ` +
          `scrolls ${kind.what} for ${kind.frames} frames; median over the rounds, each a freshly opened page, maxMs the worst round. ` +
          `wallMs is the same task by the wall clock, which also counts time the thread waited for a CPU. "baseline" is the ${kind.targetMs} ms budget itself, so ratio = the longest task.`,
        profile: profiles.get(kind.name),
      };
    });
  },
};
