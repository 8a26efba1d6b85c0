import type { Locator, Page } from '@playwright/test';
import { connectionListItem, createConnectionInDialog, gridCell, runInEditor, statusBar } from './app-ui';
import { expect, test } from './fixtures';

const FORTY_DIGITS = '1234567890123456789012345678901234567890';
const NEGATIVE_FRACTION = '-9876543210987654321098765432109876543210.0123456789';
const BYTES_HEX = 'deadbeef00ff7f8010';

/** Double-clicks a cell of row 1 and returns the viewer's text box; the caller closes it. */
async function openViewer(page: Page, col: number, column: string): Promise<{ viewer: Locator; value: Locator }> {
  await gridCell(page, 0, col).dblclick();
  const viewer = page.getByRole('dialog', { name: `${column} · row 1` });
  await expect(viewer).toBeVisible();
  return { viewer, value: viewer.getByRole('textbox', { name: `Value of ${column}` }) };
}

async function closeViewer(viewer: Locator): Promise<void> {
  await viewer.getByRole('button', { name: 'Close' }).click();
  await expect(viewer).toBeHidden();
}

test('bytea and 40-digit numerics from PostgreSQL show every byte and digit in the grid and the cell viewer', async ({ page, strata }) => {
  void strata;
  const name = `strata_e2e_pg_exact_${Date.now()}`;
  await createConnectionInDialog(page, { name, host: '127.0.0.1', port: 5432, database: 'postgres', user: 'postgres' });
  await connectionListItem(page, name).click();

  await runInEditor(
    page,
    `select '\\x${BYTES_HEX}'::bytea as raw, ${FORTY_DIGITS}::numeric as big, ${NEGATIVE_FRACTION}::numeric as fraction, 9223372036854775807::int8 as max_int8`,
  );
  await expect(statusBar(page)).toContainText(/1 row · [\d.]+ m?s · in memory/);

  await expect(gridCell(page, 0, 0)).toHaveText(`\\x${BYTES_HEX}`);
  await expect(gridCell(page, 0, 1)).toHaveText(FORTY_DIGITS);
  await expect(gridCell(page, 0, 2)).toHaveText(NEGATIVE_FRACTION);
  await expect(gridCell(page, 0, 3)).toHaveText('9223372036854775807');

  let { viewer, value } = await openViewer(page, 0, 'raw');
  await expect(value).toHaveValue('00000000  de ad be ef 00 ff 7f 80 10');
  await expect(viewer).toContainText('9 bytes');
  await closeViewer(viewer);

  ({ viewer, value } = await openViewer(page, 1, 'big'));
  await expect(value).toHaveValue(FORTY_DIGITS);
  await expect(viewer).toContainText('numeric');
  await closeViewer(viewer);

  ({ viewer, value } = await openViewer(page, 2, 'fraction'));
  await expect(value).toHaveValue(NEGATIVE_FRACTION);
  await closeViewer(viewer);
});

test('SQLite BLOBs and 64-bit integers show every byte and digit in the grid and the cell viewer', async ({ page, strata }) => {
  void strata;
  await expect(page.getByRole('tree')).toBeVisible();
  await runInEditor(page, `select x'${BYTES_HEX}' as raw, 9223372036854775807 as max_int, -9223372036854775808 as min_int`);
  await expect(statusBar(page)).toContainText(/1 row · [\d.]+ m?s · in memory/);

  await expect(gridCell(page, 0, 0)).toHaveText(`\\x${BYTES_HEX}`);
  await expect(gridCell(page, 0, 1)).toHaveText('9223372036854775807');
  await expect(gridCell(page, 0, 2)).toHaveText('-9223372036854775808');

  let { viewer, value } = await openViewer(page, 0, 'raw');
  await expect(value).toHaveValue('00000000  de ad be ef 00 ff 7f 80 10');
  await closeViewer(viewer);

  ({ viewer, value } = await openViewer(page, 1, 'max_int'));
  await expect(value).toHaveValue('9223372036854775807');
  await closeViewer(viewer);
});
