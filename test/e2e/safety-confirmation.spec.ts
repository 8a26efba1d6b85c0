import { gridCell, runInEditor } from './app-ui';
import { expect, test } from './fixtures';

test('a DELETE without WHERE asks first: Cancel keeps every row, Run deletes them', async ({ page, strata }) => {
  void strata;
  await expect(page.getByRole('tree')).toBeVisible();
  await runInEditor(page, 'CREATE TABLE strata_e2e_safety (id INTEGER PRIMARY KEY, name TEXT)');
  await expect(page.getByRole('tree').getByRole('treeitem', { name: /^strata_e2e_safety/ })).toBeVisible();
  await runInEditor(page, "INSERT INTO strata_e2e_safety (name) VALUES ('a'), ('b'), ('c')");
  await page.getByRole('tab', { name: /^Messages/ }).click();
  await expect(page.getByLabel('Messages', { exact: true })).toContainText('3 rows affected');

  const confirm = page.getByRole('dialog', { name: 'Run destructive statements?' });
  await runInEditor(page, 'DELETE FROM strata_e2e_safety');
  await expect(confirm).toContainText('DELETE FROM strata_e2e_safety');
  await expect(confirm).toContainText(/WHERE/);
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();

  await runInEditor(page, 'SELECT count(*) AS n FROM strata_e2e_safety');
  await expect(gridCell(page, 0, 0)).toHaveText('3');

  await runInEditor(page, 'DELETE FROM strata_e2e_safety');
  await confirm.getByRole('button', { name: 'Run' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByLabel('Messages', { exact: true })).toContainText('3 rows affected');
  await runInEditor(page, 'SELECT count(*) AS n FROM strata_e2e_safety');
  await expect(gridCell(page, 0, 0)).toHaveText('0');

  // A WHERE clause is not destructive on an ordinary connection: no question asked. (runInEditor runs the
  // statement at the cursor first, the DROP: Escape answers that question, then Run All asks about the script.)
  await runInEditor(page, "DELETE FROM strata_e2e_safety WHERE name = 'x'; DROP TABLE strata_e2e_safety");
  await expect(confirm).toContainText('DROP TABLE strata_e2e_safety');
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  await page.keyboard.press('ControlOrMeta+Shift+Enter');
  await expect(confirm).toContainText('DROP TABLE strata_e2e_safety');
  await expect(confirm).not.toContainText("WHERE name = 'x'");
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
});
