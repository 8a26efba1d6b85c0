import { gridCell, runInEditor } from './app-ui';
import { expect, test } from './fixtures';

test('a query with :greeting asks for its value, runs it as a parameter, and remembers it for the tab', async ({ page, strata }) => {
  void strata;
  await expect(page.getByRole('tree')).toBeVisible();
  const dialog = page.getByRole('dialog', { name: 'Query parameters' });
  const greeting = dialog.getByRole('textbox', { name: ':greeting' });

  await runInEditor(page, 'select :greeting as g');
  await expect(greeting).toBeFocused();
  await greeting.fill(`it's "here" -- ?`);
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(gridCell(page, 0, 0)).toHaveText(`it's "here" -- ?`);

  // Escape runs nothing: the grid keeps the last result.
  await runInEditor(page, "select :greeting || '!' as g");
  await expect(greeting).toHaveValue(`it's "here" -- ?`);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(gridCell(page, 0, 0)).toHaveText(`it's "here" -- ?`);

  await runInEditor(page, "select :greeting || '!' as g");
  await greeting.fill('second');
  await page.keyboard.press('Enter');
  await expect(gridCell(page, 0, 0)).toHaveText('second!');

  await runInEditor(page, 'select :greeting is null as is_null');
  await dialog.getByRole('checkbox', { name: 'NULL' }).check();
  await expect(greeting).toBeDisabled();
  await dialog.getByRole('button', { name: 'Run' }).click();
  await expect(gridCell(page, 0, 0)).toHaveText('1');

  // runInEditor runs the statement at the cursor (select 2, no parameters); wait for it before running all.
  await runInEditor(page, 'select :greeting as g; select 2 as two');
  await expect(page.getByRole('grid').getByRole('columnheader', { name: /^two/ })).toBeVisible();
  await page.keyboard.press('ControlOrMeta+Shift+Enter');
  await expect(page.getByText('Parameters work one statement at a time')).toBeVisible();
  await expect(dialog).toBeHidden();
});
