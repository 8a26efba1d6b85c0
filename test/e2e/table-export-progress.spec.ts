import Database from 'better-sqlite3';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { revealTreeItem } from './app-ui';
import { expect, test } from './fixtures';

const ROWS = 300_000;
/** What the planted statistics claim: half the real rows, as stale statistics would. */
const STALE_ESTIMATE = 150_000;

test.use({
  // A table whose statistics under-count its rows by half, so the export outruns the estimate.
  // eslint-disable-next-line no-empty-pattern
  serveArgs: async ({}, use) => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'strata-e2e-export-progress-'));
    const file = path.join(dir, 'strata_e2e_export_progress.sqlite');
    const db = new Database(file);
    db.exec(`CREATE TABLE readings (id INTEGER PRIMARY KEY, sensor TEXT NOT NULL, value REAL NOT NULL);
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${ROWS})
      INSERT INTO readings (id, sensor, value) SELECT i, 'sensor-' || (i % 97), i * 0.5 FROM n;
      ANALYZE;
      UPDATE sqlite_stat1 SET stat = '${STALE_ESTIMATE}' WHERE tbl = 'readings';`);
    db.close();
    await use([file]);
    await fs.rm(dir, { recursive: true, force: true });
  },
});

test('a whole-table export fills its bar against the estimated rows, never past full, and writes every row', async ({ page, strata }) => {
  void strata;
  const table = await revealTreeItem(page, 'readings', ['main', 'Tables']);
  await table.click({ button: 'right' });
  await page.getByRole('menu', { name: 'Actions for readings' }).getByRole('menuitem', { name: 'Export data…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export readings' });
  await expect(dialog.getByLabel('Format')).toHaveValue('csv');

  // Every state the progress line goes through, as drawn: the bar's value and its label.
  await page.evaluate(() => {
    const seen: { value: string | null; label: string }[] = [];
    (window as unknown as { exportProgressSeen: typeof seen }).exportProgressSeen = seen;
    new MutationObserver(() => {
      const line = document.querySelector('.export-progress');
      const bar = line?.querySelector('progress');
      const label = line?.querySelector('span')?.textContent ?? null;
      if (!bar || label === null) return;
      const last = seen.at(-1);
      const value = bar.getAttribute('value');
      if (!last || last.value !== value || last.label !== label) seen.push({ value, label });
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });

  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const download = await downloading;
  await expect(dialog).toBeHidden();

  const text = await fs.readFile(await download.path(), 'utf8');
  const lines = text.split('\r\n').filter((line) => line !== '');
  expect(lines[0]).toBe('id,sensor,value');
  expect(lines).toHaveLength(ROWS + 1);
  expect(lines.at(-1)).toBe(`${ROWS},sensor-${ROWS % 97},${ROWS * 0.5}`);

  const seen = await page.evaluate(() => (window as unknown as { exportProgressSeen: { value: string | null; label: string }[] }).exportProgressSeen);
  const values = seen.filter((state) => state.value !== null).map((state) => Number(state.value));
  expect(values.length, JSON.stringify(seen.slice(0, 20))).toBeGreaterThan(1);
  for (const value of values) {
    expect(value).toBeGreaterThanOrEqual(0);
    expect(value).toBeLessThanOrEqual(1);
  }
  expect(values).toEqual([...values].sort((a, b) => a - b));
  expect(seen.some((state) => /^[\d,]+ of about 150,000 rows \(\d+%\)$/.test(state.label))).toBe(true);
  expect(seen.some((state) => /^[\d,]+ rows, more than the estimated 150,000$/.test(state.label))).toBe(true);
  expect(seen.filter((state) => state.label.includes('more than')).every((state) => state.value === '1')).toBe(true);
});
