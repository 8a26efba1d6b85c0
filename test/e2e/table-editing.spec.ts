import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';
import { openSqliteTable, tableRow, tableCell } from './table-view-ui';

async function editCell(target: Locator, value: string): Promise<void> {
  await target.dblclick();
  const input = target.getByRole('textbox');
  await input.fill(value);
  await input.press('Enter');
  await expect(target).toHaveText(value);
}

test('edit a cell, add a row, see the pending SQL, apply and see the data', async ({ page, strata }) => {
  void strata;
  const view = await openSqliteTable(page, 'products');
  await expect(view.getByTestId('table-row-count')).toHaveText('1,000 rows');

  await editCell(tableCell(view, '1', 'name'), 'Edited "name" it\'s');
  await expect(tableCell(view, '1', 'name')).toHaveClass(/changed/);

  await view.getByRole('button', { name: 'Add row' }).click();
  const added = tableRow(view, '+');
  await expect(added).toHaveAttribute('data-state', 'new');
  await editCell(added.locator('td[data-column="sku"]'), 'E2E-SKU-1');
  await editCell(added.locator('td[data-column="name"]'), 'E2E product');
  await editCell(added.locator('td[data-column="category"]'), 'Tests');
  await editCell(added.locator('td[data-column="price"]'), '12.5');
  await editCell(added.locator('td[data-column="updated_at"]'), '2024-01-01 00:00:00');

  const pending = view.getByRole('region', { name: 'Pending SQL' });
  const statements = pending.getByTestId('pending-statement');
  await expect(statements).toHaveCount(2);
  await expect(statements.nth(0)).toContainText('UPDATE "products" SET "name" = ? WHERE "id" = ? AND "name" IS ?');
  await expect(statements.nth(0)).toContainText('?1 = Edited "name" it\'s');
  await expect(statements.nth(0)).toContainText('?2 = 1');
  await expect(statements.nth(1)).toContainText('INSERT INTO "products" ("sku", "name", "category", "price", "updated_at") VALUES (?, ?, ?, ?, ?)');
  await expect(statements.nth(1)).toContainText('?1 = E2E-SKU-1');

  await view.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(pending).toBeHidden();
  await expect(view.getByTestId('table-row-count')).toHaveText('1,001 rows');
  // The reloaded page keeps its place, at the bottom where the new row was added: back up to row 1.
  await view.getByRole('grid', { name: 'Table rows' }).hover();
  await page.mouse.wheel(0, -10_000);
  await expect(tableCell(view, '1', 'name')).toHaveText('Edited "name" it\'s');
  await expect(tableCell(view, '1', 'name')).not.toHaveClass(/changed/);

  await view.getByRole('button', { name: 'Add filter' }).click();
  await view.getByLabel('Filter 1 column').selectOption('sku');
  await view.getByLabel('Filter 1 value').fill('E2E-SKU-1');
  await view.getByRole('button', { name: 'Apply filter' }).click();
  await expect(view.getByRole('row')).toHaveCount(2);
  await expect(tableCell(view, '1', 'name')).toHaveText('E2E product');
  await expect(tableCell(view, '1', 'category')).toHaveText('Tests');
});

test('a failing apply shows the error, rolls back every change and keeps the pending changes', async ({ page, strata }) => {
  void strata;
  const view = await openSqliteTable(page, 'products');
  const originalName = (await tableCell(view, '1', 'name').textContent()) ?? '';
  const originalStock = (await tableCell(view, '2', 'stock').textContent()) ?? '';

  await editCell(tableCell(view, '1', 'name'), 'Should not stick');
  await editCell(tableCell(view, '2', 'stock'), '-1');
  await view.getByRole('button', { name: 'Apply', exact: true }).click();

  const failure = view.getByTestId('apply-failure');
  await expect(failure).toContainText('Error in statement 2 (change 2)');
  await expect(failure).toContainText(/CHECK constraint failed/i);
  await expect(failure).toContainText('Every change was rolled back');
  const statements = view.getByRole('region', { name: 'Pending SQL' }).getByTestId('pending-statement');
  await expect(statements).toHaveCount(2);
  await expect(statements.nth(1)).toHaveClass(/failed/);
  await expect(tableCell(view, '1', 'name')).toHaveText('Should not stick');
  await expect(tableCell(view, '2', 'stock')).toHaveText('-1');

  // Re-read from the database: neither change was committed.
  await view.getByRole('button', { name: 'Discard' }).click();
  await view.getByRole('button', { name: 'Refresh' }).click();
  await expect(tableCell(view, '1', 'name')).toHaveText(originalName);
  await expect(tableCell(view, '2', 'stock')).toHaveText(originalStock);
});
