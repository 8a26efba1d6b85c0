import Database from 'better-sqlite3';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { revealTreeItem, runInEditor } from './app-ui';
import { expect, test } from './fixtures';

const IMG = '<img src=x onerror=window.__pwned=1>';
const SCRIPT = '<script>window.__pwned=2</script>';
const IMG_COLUMN = '<img src=x onerror=window.__pwned=3>';

test.use({
  // A SQLite file whose table name, column names and values are HTML, opened through the CLI argument.
  // eslint-disable-next-line no-empty-pattern
  serveArgs: async ({}, use) => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'strata-e2e-hostile-'));
    const file = path.join(dir, 'strata_e2e_hostile.sqlite');
    const db = new Database(file);
    db.exec(`CREATE TABLE "${IMG}" ("${SCRIPT}" TEXT, "${IMG_COLUMN}" TEXT)`);
    db.prepare(`INSERT INTO "${IMG}" VALUES (?, ?)`).run(SCRIPT, IMG);
    db.close();
    await use([file]);
    await fs.rm(dir, { recursive: true, force: true });
  },
});

test('names and values that look like HTML are shown as text and never run', async ({ page, strata }, testInfo) => {
  void strata;
  await revealTreeItem(page, IMG, ['main', 'Tables']);

  await runInEditor(page, `SELECT * FROM "${IMG}"`);
  const grid = page.getByRole('grid');
  await expect(grid.getByRole('columnheader', { name: SCRIPT })).toBeVisible();
  await expect(grid.getByRole('columnheader', { name: IMG_COLUMN })).toBeVisible();
  await expect(grid.getByRole('gridcell', { name: SCRIPT, exact: true })).toBeVisible();
  await expect(grid.getByRole('gridcell', { name: IMG, exact: true })).toBeVisible();

  await expect(grid.locator('img')).toHaveCount(0);
  await expect(page.getByRole('tree').locator('img')).toHaveCount(0);
  await expect(grid.locator('script')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  await page.screenshot({ path: testInfo.outputPath('hostile-names.png') });
});
