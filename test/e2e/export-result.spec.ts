import fs from 'node:fs/promises';
import Papa from 'papaparse';
import { gridCell, runInEditor, statusBar } from './app-ui';
import { expect, test } from './fixtures';

const QUERY = `SELECT id, name, email, 'say "hi", then' || char(10) || 'leave' AS note, NULL AS missing, '' AS empty FROM customers ORDER BY id LIMIT 300`;

test('a result of the sample database exports to a CSV download holding every row exactly', async ({ page, strata }) => {
  void strata;
  await expect(page.getByRole('tree')).toBeVisible();
  await runInEditor(page, QUERY);
  await expect(statusBar(page)).toContainText('300 rows');
  const firstName = await gridCell(page, 0, 1).textContent();
  const firstEmail = await gridCell(page, 0, 2).textContent();

  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export 300 rows' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Format')).toHaveValue('csv');
  await dialog.getByLabel('Delimiter').selectOption(';');
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const download = await downloading;
  await expect(dialog).toBeHidden();

  expect(download.suggestedFilename()).toBe('customers.csv');
  const text = await fs.readFile(await download.path(), 'utf8');
  expect(text.startsWith('id;name;email;note;missing;empty\r\n')).toBe(true);
  // NULL is an empty field, the empty string an empty quoted one; a value with quotes and a line break is quoted.
  expect(text).toContain(`;"say ""hi"", then\nleave";;""\r\n`);
  const rows = Papa.parse<string[]>(text, { delimiter: ';' }).data.filter((row) => row.length > 1);
  expect(rows).toHaveLength(301);
  expect(rows[1]).toEqual(['1', firstName, firstEmail, 'say "hi", then\nleave', '', '']);
  expect(rows.slice(1).map((row) => Number(row[0]))).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
});

test('Copy as JSON from the grid menu copies the selected cells with their column names', async ({ page, strata, context }) => {
  void strata;
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await runInEditor(page, `SELECT 7 AS n, 'a|b' AS s, NULL AS z`);
  await expect(statusBar(page)).toContainText('1 row');
  await gridCell(page, 0, 0).click();
  await gridCell(page, 0, 2).click({ modifiers: ['Shift'] });
  await gridCell(page, 0, 1).click({ button: 'right' });
  await page.getByRole('menu', { name: 'Result actions' }).getByRole('menuitem', { name: 'Copy as JSON' }).click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('[\n{"n":7,"s":"a|b","z":null}\n]');
});
