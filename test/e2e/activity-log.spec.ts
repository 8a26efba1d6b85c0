import { revealTreeItem } from './app-ui';
import { expect, test } from './fixtures';

test('the Activity view lists, as text, the catalog queries Strata ran to show the sample tree', async ({ page, strata }) => {
  void strata;
  await revealTreeItem(page, 'customers', ['main', 'Tables']);

  await page.getByRole('button', { name: 'Queries Strata ran' }).click();
  const dialog = page.getByRole('dialog', { name: 'Queries Strata ran' });
  await expect(dialog).toBeVisible();

  const list = dialog.getByRole('list', { name: 'Queries Strata ran' });
  const tablesQuery = list.getByRole('listitem').filter({ hasText: 'FROM sqlite_schema WHERE type = ?' });
  await expect(tablesQuery).toHaveCount(1);
  await expect(tablesQuery).toContainText('Introspection');
  await expect(tablesQuery).toContainText('OK');
  await expect(tablesQuery.locator('pre')).toHaveText(/^SELECT name, tbl_name AS owner FROM sqlite_schema WHERE type = \?/);
  // Monospace text only: the statement is not turned into markup.
  await expect(tablesQuery.locator('pre *')).toHaveCount(0);
  await expect(dialog.getByText(/^\d+ introspection quer(y|ies)/)).toBeVisible();

  const filter = dialog.getByLabel('Connection', { exact: true });
  const sampleOption = await filter.locator('option').nth(1).getAttribute('value');
  expect(sampleOption).toBeTruthy();
  await filter.selectOption(sampleOption ?? '');
  await expect(tablesQuery).toHaveCount(1);

  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
});
