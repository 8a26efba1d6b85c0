import { revealTreeItem } from './app-ui';
import { expect, test } from './fixtures';

test('the sample database opens with its tables in the schema tree', async ({ page, strata }) => {
  void strata;
  const tree = page.getByRole('tree');
  await expect(tree).toBeVisible();
  for (const table of ['customers', 'orders', 'products']) {
    await revealTreeItem(page, table, ['main', 'Tables']);
  }
});
