import { expect, type Locator, type Page } from '@playwright/test';
import { revealTreeItem } from './app-ui';

/** Opens a table of the open SQLite file from the schema tree as a table-data tab; returns its view. */
export async function openSqliteTable(page: Page, table: string): Promise<Locator> {
  const item = await revealTreeItem(page, table, ['main', 'Tables']);
  await item.click();
  await item.press('Enter');
  const view = page.getByLabel(`Data of ${table}`);
  await expect(view.getByRole('grid', { name: 'Table rows' })).toBeVisible();
  return view;
}

/** The table view's row whose gutter shows `rowNumber`. */
export function tableRow(view: Locator, rowNumber: string): Locator {
  return view.getByRole('row').filter({ has: view.page().getByRole('rowheader', { name: rowNumber, exact: true }) });
}

/** The cell of `column` in the row whose gutter shows `rowNumber`. */
export function tableCell(view: Locator, rowNumber: string, column: string): Locator {
  return tableRow(view, rowNumber).locator(`td[data-column="${column}"]`);
}
