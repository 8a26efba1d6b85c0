import { revealTreeItem, runInEditor, treeItem } from './app-ui';
import { expect, test } from './fixtures';

test('the tree is driven by the keyboard and Enter on a table opens its data in a table tab', async ({ page, strata }) => {
  void strata;
  const customers = await revealTreeItem(page, 'customers', ['main', 'Tables']);
  await expect(page.getByRole('tree').getByRole('treeitem', { name: /^Tables/ })).toHaveAttribute('aria-expanded', 'true');

  await customers.click();
  await page.keyboard.press('ArrowRight');
  await expect(customers).toHaveAttribute('aria-expanded', 'true');
  const idColumn = treeItem(page, 'id');
  await expect(idColumn).toBeVisible();
  await expect(idColumn).toHaveAttribute('aria-level', String(Number(await customers.getAttribute('aria-level')) + 1));
  await page.keyboard.press('ArrowLeft');
  await expect(customers).toHaveAttribute('aria-expanded', 'false');
  await expect(idColumn).toBeHidden();

  await page.keyboard.press('ArrowDown');
  await expect(treeItem(page, 'order_items')).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(customers).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(page.getByRole('tab', { name: /^customers/ })).toHaveAttribute('aria-selected', 'true');
  const grid = page.getByRole('grid');
  await expect(grid.getByRole('columnheader', { name: /email/ })).toBeVisible();
  await expect(page.getByText('Rows 1–100')).toBeVisible();
  await expect(page.getByText('5,000 rows')).toBeVisible();
});

test('the filter keeps matches and their ancestors, and DDL updates the tree without a manual refresh', async ({ page, strata }) => {
  void strata;
  await revealTreeItem(page, 'customers', ['main', 'Tables']);
  const filter = page.getByLabel('Filter objects');
  await filter.fill('ORDER');
  await expect(treeItem(page, 'orders')).toBeVisible();
  await expect(treeItem(page, 'order_items')).toBeVisible();
  await expect(treeItem(page, 'Tables')).toBeVisible();
  await expect(treeItem(page, 'customers')).toBeHidden();
  await filter.fill('no such object anywhere');
  await expect(page.getByText(/No loaded object matches/)).toBeVisible();
  await filter.fill('');
  await expect(treeItem(page, 'customers')).toBeVisible();

  await runInEditor(page, 'CREATE TABLE strata_e2e_shell_fresh (id INTEGER PRIMARY KEY)');
  await expect(treeItem(page, 'strata_e2e_shell_fresh')).toBeVisible();
  await runInEditor(page, 'DROP TABLE strata_e2e_shell_fresh');
  const confirm = page.getByRole('dialog', { name: 'Run destructive statements?' });
  await expect(confirm).toContainText('DROP TABLE strata_e2e_shell_fresh');
  await confirm.getByRole('button', { name: 'Run' }).click();
  await expect(treeItem(page, 'strata_e2e_shell_fresh')).toBeHidden();
  await expect(treeItem(page, 'customers')).toBeVisible();
});

test('the theme toggle switches the palette and the choice survives a reload', async ({ page, strata }) => {
  void strata;
  await expect(page.getByRole('tree')).toBeVisible();
  const html = page.locator('html');
  const toggle = page.getByRole('button', { name: /^Theme:/ });
  while ((await toggle.getAttribute('aria-label')) !== 'Theme: Light') await toggle.click();
  await expect(html).toHaveAttribute('data-theme', 'light');
  await toggle.click();
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-label', 'Theme: Dark');
  await expect(html).toHaveAttribute('data-theme', 'dark');
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);

  await page.waitForTimeout(1000); // the workspace is saved ~400 ms after a change
  await page.reload();
  await expect(page.getByRole('tree')).toBeVisible();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('button', { name: 'Theme: Dark' })).toBeVisible();
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(background);
});

test('a page opened without the right token explains how to reach the host', async ({ page, strata }) => {
  // A fresh document: a hash-only change would keep the page that already holds the right token.
  await page.goto('about:blank');
  await page.goto(`${strata.server.origin}/#token=not-the-token`);
  await expect(page.getByRole('heading', { name: 'Strata cannot reach its host' })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('listitem').filter({ hasText: /npm run serve/ })).toBeVisible();
  await expect(page.getByText(/restarted with a new token/)).toBeVisible();
});
