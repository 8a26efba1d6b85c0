import { runInEditor, statusBar } from './app-ui';
import { expect, test } from './fixtures';

const THOUSAND_ROWS = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000) SELECT i, 'row ' || i AS label FROM n";

test('a query typed in the editor runs with Ctrl+Enter and fills the grid', async ({ page, strata }, testInfo) => {
  void strata;
  await expect(page.getByRole('tree')).toBeVisible();
  await runInEditor(page, THOUSAND_ROWS);

  const grid = page.getByRole('grid');
  await expect(grid.getByRole('columnheader', { name: /^label/ })).toBeVisible();
  await expect(grid.getByRole('gridcell', { name: 'row 1', exact: true })).toBeVisible();
  await expect(statusBar(page)).toContainText('1,000 rows');
  // The grid is virtual: it renders the visible window, not all 1,000 rows.
  expect(await grid.getByRole('row').count()).toBeLessThan(1000);

  await page.screenshot({ path: testInfo.outputPath('query-results.png') });
});
