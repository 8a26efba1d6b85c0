import { gridCell, runInEditor, treeItem } from './app-ui';
import { expect, test } from './fixtures';

const CSV = ['name,score,note', 'Ada,10,"first, with a comma"', 'Grace,20,"two', 'lines"', 'Edsger,30,'].join('\n');

test('a CSV file is previewed, imported into a table in one transaction, and its rows read back', async ({ page, strata }) => {
  void strata;
  await expect(page.getByRole('tree')).toBeVisible();
  await runInEditor(page, 'CREATE TABLE strata_e2e_import (id INTEGER PRIMARY KEY, name TEXT NOT NULL, score INTEGER, note TEXT)');
  const table = treeItem(page, 'strata_e2e_import');
  await expect(table).toBeVisible();

  await table.click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Import CSV…' }).click();
  const dialog = page.getByRole('dialog', { name: /Import CSV into/ });
  await dialog.locator('input[type="file"]').setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
  const preview = dialog.getByRole('region', { name: 'Preview' });
  await expect(preview).toContainText('first, with a comma');
  await expect(dialog.getByLabel('First row is a header')).toBeChecked();

  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByRole('status')).toContainText('Imported 3 rows');
  await dialog.getByRole('button', { name: 'Close' }).first().click();

  await runInEditor(page, 'SELECT name, score, note FROM strata_e2e_import ORDER BY score');
  await expect(gridCell(page, 0, 0)).toHaveText('Ada');
  await expect(gridCell(page, 0, 2)).toHaveText('first, with a comma');
  await expect(gridCell(page, 1, 2)).toHaveText('two↵lines');
  await expect(gridCell(page, 2, 1)).toHaveText('30');
  await expect(gridCell(page, 2, 2)).toHaveText('NULL');
});
