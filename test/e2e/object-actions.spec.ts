import { editorTab, editorText, revealTreeItem, runInEditor, statusBar, treeItem } from './app-ui';
import { expect, test } from './fixtures';

test('a table’s context menu shows its DDL and generates a quoted SELECT in a new tab', async ({ page, strata }) => {
  void strata;
  const customers = await revealTreeItem(page, 'customers', ['main', 'Tables']);

  await customers.click({ button: 'right' });
  await page.getByRole('menu', { name: 'Actions for customers' }).getByRole('menuitem', { name: 'Show DDL' }).click();
  const ddl = page.getByRole('dialog', { name: 'DDL of customers' });
  await expect(ddl.getByLabel('DDL')).toContainText(/CREATE TABLE\s+"?customers"?/i);
  await expect(ddl.getByLabel('DDL')).toContainText('email');
  await ddl.getByRole('button', { name: 'Close' }).first().click();
  await expect(ddl).toBeHidden();

  // The keyboard opens the same menu: Shift+F10 on the focused row.
  await customers.click();
  await customers.press('Shift+F10');
  await page.getByRole('menu', { name: 'Actions for customers' }).getByRole('menuitem', { name: 'Generate SELECT' }).click();
  await expect(editorTab(page, 'customers SELECT')).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => editorText(page)).toMatch(/^SELECT\n {2}"id",\n {2}"name",\n {2}"email",[\s\S]*\nFROM "customers";/);
});

test('dropping an index asks for confirmation with the exact SQL, then the index is gone from the tree', async ({ page, strata }) => {
  void strata;
  const indexName = 'oa "idx" ?$1';
  await expect(page.getByRole('tree')).toBeVisible();
  await runInEditor(page, 'CREATE INDEX "oa ""idx"" ?$1" ON customers (email)');
  await expect(statusBar(page)).toContainText(/Done|rows?/);

  const index = await revealTreeItem(page, indexName, ['main', 'Indexes']);
  await index.hover();
  await index.getByRole('button', { name: `Actions for ${indexName}` }).click();
  await page.getByRole('menu', { name: `Actions for ${indexName}` }).getByRole('menuitem', { name: 'Drop index…' }).click();

  const confirm = page.getByRole('dialog', { name: 'Drop index?' });
  await expect(confirm.getByLabel('Statement to run')).toHaveText('DROP INDEX "oa ""idx"" ?$1"');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  await expect(treeItem(page, indexName)).toBeVisible();

  await index.click({ button: 'right' });
  await page.getByRole('menu', { name: `Actions for ${indexName}` }).getByRole('menuitem', { name: 'Drop index…' }).click();
  await confirm.getByRole('button', { name: 'Drop' }).click();
  await expect(confirm).toBeHidden();
  await expect(treeItem(page, indexName)).toHaveCount(0);
  // Still gone after a full refresh from the database.
  await page.getByRole('button', { name: 'Refresh schema' }).click();
  await expect(treeItem(page, 'customers')).toBeVisible();
  await expect(treeItem(page, indexName)).toHaveCount(0);
});

test('dropping a table needs its name typed before Drop is enabled', async ({ page, strata }) => {
  void strata;
  await runInEditor(page, 'CREATE TABLE "oa table" (id INTEGER PRIMARY KEY)');
  await expect(statusBar(page)).toContainText(/Done|rows?/);
  const table = await revealTreeItem(page, 'oa table', ['main', 'Tables']);
  await table.click({ button: 'right' });
  await page.getByRole('menu', { name: 'Actions for oa table' }).getByRole('menuitem', { name: 'Drop table…' }).click();

  const confirm = page.getByRole('dialog', { name: 'Drop table?' });
  await expect(confirm.getByLabel('Statement to run')).toHaveText('DROP TABLE "oa table"');
  const drop = confirm.getByRole('button', { name: 'Drop' });
  await expect(drop).toBeDisabled();
  await confirm.getByLabel('Type “oa table” to drop it').fill('oa tabl');
  await expect(drop).toBeDisabled();
  await confirm.getByLabel('Type “oa table” to drop it').fill('oa table');
  await drop.click();
  await expect(confirm).toBeHidden();
  await expect(treeItem(page, 'oa table')).toHaveCount(0);
});
