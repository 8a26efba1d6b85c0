import type { Locator, Page } from '@playwright/test';
import { gridCell, runInEditor, statusBar } from './app-ui';
import { expect, test } from './fixtures';

// 'BEGIN-', then 50,000 zero bytes as hex ('00' pairs) each widened to 'abcd', then '-END': 200,010 characters.
const BIG_TEXT = `BEGIN-${'abcd'.repeat(50_000)}-END`;
const BIG_TEXT_SQL = "'BEGIN-' || replace(hex(zeroblob(50000)), '00', 'abcd') || '-END'";
const BYTES = '000102030405060708090a0b0c0d0e0f10fffe';

const QUERY = [
  'select',
  `  ${BIG_TEXT_SQL} as big_text,`,
  "  json_object('a', 1, 'b', json_array(1, 2, 3)) as doc,",
  // Beyond 2^53: a viewer that re-parses JSON as JavaScript numbers would show ...992.
  "  json_object('id', 9007199254740993) as big_id,",
  `  x'${BYTES}' as bytes`,
].join('\n');

/** Double-clicks the cell and returns the viewer dialog that opens for it. */
async function openViewer(page: Page, col: number, column: string): Promise<{ viewer: Locator; value: Locator }> {
  await gridCell(page, 0, col).dblclick();
  const viewer = page.getByRole('dialog', { name: `${column} · row 1` });
  await expect(viewer).toBeVisible();
  return { viewer, value: viewer.getByRole('textbox', { name: `Value of ${column}` }) };
}

async function closeViewer(page: Page, viewer: Locator): Promise<void> {
  await viewer.getByRole('button', { name: 'Close' }).click();
  await expect(viewer).toBeHidden();
  await expect(page.getByRole('dialog')).toHaveCount(0);
}

test('long text, JSON and binary values open whole in the cell viewer', async ({ page, strata }) => {
  void strata;
  await expect(page.getByRole('tree')).toBeVisible();
  await runInEditor(page, QUERY);
  await expect(statusBar(page)).toContainText('1 row');

  // The grid shows the start of the long value only.
  const cellText = (await gridCell(page, 0, 0).textContent()) ?? '';
  expect(cellText.startsWith('BEGIN-abcd')).toBe(true);
  expect(cellText.length).toBeLessThan(1000);

  let { viewer, value } = await openViewer(page, 0, 'big_text');
  const shown = await value.inputValue();
  expect(shown.length, 'the viewer holds every character').toBe(BIG_TEXT.length);
  expect(shown === BIG_TEXT, 'the viewer shows the value exactly').toBe(true);
  await expect(viewer).toContainText('200,010 characters');
  await closeViewer(page, viewer);

  ({ viewer, value } = await openViewer(page, 1, 'doc'));
  await expect(value).toHaveValue(['{', '  "a": 1,', '  "b": [', '    1,', '    2,', '    3', '  ]', '}'].join('\n'));
  await expect(viewer).toContainText('pretty-printed');
  await closeViewer(page, viewer);

  ({ viewer, value } = await openViewer(page, 2, 'big_id'));
  await expect(value).toHaveValue('{\n  "id": 9007199254740993\n}');
  await closeViewer(page, viewer);

  ({ viewer, value } = await openViewer(page, 3, 'bytes'));
  await expect(value).toHaveValue(['00000000  00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f', '00000010  10 ff fe'].join('\n'));
  await expect(viewer).toContainText('19 bytes');
  await closeViewer(page, viewer);
});
