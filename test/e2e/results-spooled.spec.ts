import fs from 'node:fs/promises';
import path from 'node:path';
import { gridCell, runInEditor, setResultMemoryMb, settingsDialog, statusBar, visibleGridRows } from './app-ui';
import { expect, test } from './fixtures';

const ROWS = 300_000;
// About 20 MB of rows: far beyond a 1 MB budget, so nearly all of them stay in main's spool file.
const QUERY = `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${ROWS}) SELECT i, 'row ' || i AS label, printf('%040d', i * 7) AS padded FROM n`;

/** The cells row number `n` (1-based) must show. */
const expectedRow = (n: number) => [String(n), `row ${n}`, String(n * 7).padStart(40, '0')];

test('with 1 MB of result memory a 300,000-row result spools to disk, and its last, middle and copied rows are exact', async ({ page, strata }, testInfo) => {
  await expect(page.getByRole('tree')).toBeVisible();

  // The setting explains bad input and keeps the dialog open until the value is right.
  await page.keyboard.press('ControlOrMeta+,');
  const dialog = settingsDialog(page);
  await expect(dialog).toBeVisible();
  const memory = dialog.getByLabel('Result memory per query (MB)');
  await expect(memory).toHaveValue('256');
  await memory.fill('1.5');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toContainText('Enter a whole number of megabytes, from 1 to 65,536.');
  await memory.fill('0');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toContainText('0 MB is out of range: choose from 1 to 65,536.');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();

  await setResultMemoryMb(page, 1);
  await expect
    .poll(async () => JSON.parse(await fs.readFile(path.join(strata.dataDir, 'workspace.json'), 'utf8').catch(() => '{}')).resultMemoryMb, {
      message: 'the setting is saved in the workspace',
    })
    .toBe(1);

  await runInEditor(page, QUERY);
  const status = statusBar(page);
  await expect(status).toContainText(/300,000 rows · [\d.]+ m?s · spooled to disk \([\d,]+ rows\)/, { timeout: 90_000 });
  const spooled = Number((/spooled to disk \(([\d,]+) rows\)/.exec((await status.textContent()) ?? '')?.[1] ?? '').replace(/,/g, ''));
  expect(spooled, 'most rows are in the spool file').toBeGreaterThan(ROWS * 0.9);
  expect(spooled).toBeLessThan(ROWS);

  const grid = page.getByRole('grid');
  await expect(gridCell(page, 0, 1)).toHaveText('row 1');

  // To the very end, as dragging the scroll bar down does: the last row loads from the spool.
  await grid.evaluate((element) => {
    element.scrollTop = element.scrollHeight;
  });
  for (const [col, text] of expectedRow(ROWS).entries()) await expect(gridCell(page, ROWS - 1, col)).toHaveText(text);

  // The middle: every row drawn there shows its own values.
  await grid.evaluate((element) => {
    element.scrollTop = (element.scrollHeight - element.clientHeight) / 2;
  });
  const inMiddle = (n: number) => n > ROWS * 0.4 && n < ROWS * 0.6;
  await expect
    .poll(async () => {
      const rows = await visibleGridRows(page);
      return rows.length > 5 && rows.every((row) => inMiddle(row.number) && !row.cells.includes('…'));
    }, { message: 'the middle rows are drawn and loaded' })
    .toBe(true);
  const middle = await visibleGridRows(page);
  for (const row of middle) expect(row.cells, `row ${row.number}`).toEqual(expectedRow(row.number));
  await page.screenshot({ path: testInfo.outputPath('spooled-result.png') });

  // Copying from a middle row to the end loads the spooled rows not seen yet, then copies every one of them.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const anchor = middle[Math.floor(middle.length / 2)].number;
  await grid.locator(`[role="row"][aria-rowindex="${anchor + 1}"] [role="gridcell"][aria-colindex="2"]`).click();
  await page.keyboard.press('ControlOrMeta+Shift+End');
  await page.keyboard.press('ControlOrMeta+C');
  const copiedLines = async () => (await page.evaluate(() => navigator.clipboard.readText())).split('\n');
  await expect.poll(async () => (await copiedLines()).length, { message: 'the whole selection reaches the clipboard', timeout: 60_000 }).toBe(ROWS - anchor + 1);
  const lines = await copiedLines();
  const wrong = lines.findIndex((line, i) => line !== expectedRow(anchor + i).join('\t'));
  expect(wrong === -1 ? null : { row: anchor + wrong, line: lines[wrong] }, 'every copied row is exact').toBeNull();
});
