import type { Page } from '@playwright/test';
import { connectionListItem, createConnectionInDialog, gridCell, runInEditor, statusBar } from './app-ui';
import { expect, test } from './fixtures';
import { activeBackends } from './postgres-activity';

/** Replaces the editor's text with `sql` without running it. */
async function writeInEditor(page: Page, sql: string): Promise<void> {
  await page.locator('.monaco-editor').first().click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(sql);
  await expect(page.locator('.monaco-editor .view-lines').first()).toContainText(sql.slice(0, 20).replace(/ /g, '\u00a0'));
}

test('a running EXPLAIN ANALYZE is cancelled from the Plan tab, the toolbar and Esc, and the connection keeps working', async ({ page, strata }) => {
  void strata;
  const name = `strata_e2e_explain_cancel_${Date.now()}`;
  await createConnectionInDialog(page, { name, host: '127.0.0.1', port: 5432, database: 'postgres', user: 'postgres' });
  await connectionListItem(page, name).click();
  const results = page.getByRole('region', { name: 'Results' });
  const toolbar = page.getByRole('toolbar', { name: 'Query' });

  const cancelWith = async (how: 'plan' | 'toolbar' | 'escape') => {
    const marker = `strata_e2e_explain_cancel_${how}_${process.pid}_${Date.now()}`;
    await writeInEditor(page, `select pg_sleep(30) as ${marker}`);
    await toolbar.getByRole('button', { name: 'Analyze', exact: true }).click();
    await expect(results.getByText('Running EXPLAIN ANALYZE…')).toBeVisible();
    await expect.poll(() => activeBackends(marker), { timeout: 15_000, message: 'the EXPLAIN reaches the server' }).toBe(1);

    const started = Date.now();
    if (how === 'plan') await results.getByRole('button', { name: 'Cancel', exact: true }).click();
    else if (how === 'toolbar') await toolbar.getByRole('button', { name: 'Cancel', exact: true }).click();
    else {
      await page.locator('.monaco-editor').first().click();
      await page.keyboard.press('Escape');
    }
    await expect(results.getByText('EXPLAIN ANALYZE cancelled')).toBeVisible({ timeout: 5_000 });
    expect(Date.now() - started, 'the Plan tab shows the cancel within 5 s').toBeLessThan(5_000);
    await expect(results.getByText(/rolled back/)).toBeVisible();
    await expect.poll(() => activeBackends(marker), { timeout: 5_000, message: 'no backend still runs the EXPLAIN' }).toBe(0);
    await expect(toolbar.getByRole('button', { name: 'Cancel', exact: true })).toBeDisabled();
    // A cancel is not a failure: no error toast, no error in the Plan tab.
    await expect(page.getByRole('region', { name: 'Notifications' }).getByRole('alert')).toHaveCount(0);
    await expect(results.getByRole('alert')).toHaveCount(0);
  };

  await cancelWith('plan');
  await cancelWith('toolbar');
  await cancelWith('escape');

  await writeInEditor(page, 'select count(*) from pg_class');
  await toolbar.getByRole('button', { name: 'Explain', exact: true }).click();
  await expect(results.getByRole('region', { name: 'Query plan' })).toBeVisible();
  await expect(results.getByRole('region', { name: 'Query plan' })).toContainText('Aggregate');

  await runInEditor(page, 'select 41 + 1 as answer');
  await expect(statusBar(page)).toContainText('1 row');
  await expect(gridCell(page, 0, 0)).toHaveText('42');
});
