import { connectionListItem, createConnectionInDialog, runInEditor, statusBar } from './app-ui';
import { expect, test } from './fixtures';
import { activeBackends } from './postgres-activity';

test('a running pg_sleep is cancelled from the UI (button, then Esc) and gone from the server', async ({ page, strata }) => {
  void strata;
  const name = `strata_e2e_pg_cancel_${Date.now()}`;
  await createConnectionInDialog(page, { name, host: '127.0.0.1', port: 5432, database: 'postgres', user: 'postgres' });
  await connectionListItem(page, name).click();

  const cancelWith = async (how: 'button' | 'escape') => {
    const marker = `strata_e2e_cancel_${how}_${process.pid}_${Date.now()}`;
    await runInEditor(page, `select pg_sleep(30) as ${marker}`);
    await expect(statusBar(page)).toContainText('Running');
    await expect.poll(() => activeBackends(marker), { timeout: 15_000, message: 'the statement reaches the server' }).toBe(1);

    const started = Date.now();
    if (how === 'button') await page.getByRole('toolbar', { name: 'Query' }).getByRole('button', { name: 'Cancel', exact: true }).click();
    else await page.keyboard.press('Escape');
    await expect(statusBar(page)).toContainText('Cancelled', { timeout: 5_000 });
    expect(Date.now() - started, 'the UI shows the cancel within 5 s').toBeLessThan(5_000);
    await expect.poll(() => activeBackends(marker), { timeout: 5_000, message: 'no backend still runs the statement' }).toBe(0);
  };

  await cancelWith('button');
  await cancelWith('escape');
});
