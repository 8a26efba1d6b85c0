import { connectionListItem, createConnectionInDialog, expandTreeItem, revealTreeItem } from './app-ui';
import { expect, test } from './fixtures';

test('a PostgreSQL connection made in the dialog is listed and shows the public schema', async ({ page, strata }) => {
  void strata;
  const name = `strata_e2e_pg_${Date.now()}`;
  await createConnectionInDialog(page, { name, host: '127.0.0.1', port: 5432, database: 'postgres', user: 'postgres' });

  const item = connectionListItem(page, name);
  await item.click();
  await expect(item).toBeVisible();
  const schema = await revealTreeItem(page, 'public', ['postgres']);
  await expandTreeItem(schema);
});
