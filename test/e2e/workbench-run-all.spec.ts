import { gridCell, pasteIntoEditor, resultTabs, statusBar } from './app-ui';
import { expect, test } from './fixtures';

test('Ctrl/Cmd+Shift+Enter runs every statement and gives one result tab per statement', async ({ page, strata }) => {
  void strata;
  await expect(page.getByRole('tree')).toBeVisible();
  const grid = page.getByRole('grid');
  // The cursor ends after the last statement.
  await pasteIntoEditor(page, 'select 1 as a; select 2 as b;');

  // Ctrl/Cmd+Enter runs only the statement at the cursor.
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(resultTabs(page)).toHaveText([/^Result 1 · 1 row$/, /^Messages/]);
  await expect(grid.getByRole('columnheader', { name: /^b/ })).toBeVisible();
  await expect(gridCell(page, 0, 0)).toHaveText('2');

  await page.keyboard.press('ControlOrMeta+Shift+Enter');
  await expect(resultTabs(page)).toHaveText([/^Result 1 · 1 row$/, /^Result 2 · 1 row$/, /^Messages/]);
  const [first, second] = [resultTabs(page).nth(0), resultTabs(page).nth(1)];
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await expect(grid.getByRole('columnheader', { name: /^a/ })).toBeVisible();
  await expect(gridCell(page, 0, 0)).toHaveText('1');
  await expect(statusBar(page)).toContainText('1 row');

  await second.click();
  await expect(second).toHaveAttribute('aria-selected', 'true');
  await expect(grid.getByRole('columnheader', { name: /^b/ })).toBeVisible();
  await expect(grid.getByRole('columnheader', { name: /^a/ })).toHaveCount(0);
  await expect(gridCell(page, 0, 0)).toHaveText('2');

  await resultTabs(page).filter({ hasText: 'Messages' }).click();
  const messages = page.getByLabel('Messages', { exact: true });
  await expect(messages).toContainText('Finished 2 statements');
  await expect(messages.locator('.message-number')).toHaveText(['Statement 1', 'Statement 2']);
  await expect(messages.locator('.message-sql')).toHaveText(['select 1 as a', 'select 2 as b']);
});
