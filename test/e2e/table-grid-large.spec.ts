import Database from 'better-sqlite3';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Locator } from '@playwright/test';
import { createWideTable, WIDE_EXTRA_COLUMNS as EXTRA_COLUMNS, wideColumnName as columnName, wideValue } from '../support/wide-table';
import { expect, test } from './fixtures';
import { openSqliteTable, tableRow, tableCell } from './table-view-ui';

const MEGABYTE = 1024 * 1024;
/** 1 MiB of text that is not one repeated letter, with marks at both ends. */
const BIG_TEXT = `START:${Array.from({ length: MEGABYTE }, (_, index) => String.fromCharCode(97 + ((index * 31) % 26)))
  .join('')
  .slice(0, MEGABYTE - 10)}:END`;
const BIG_BYTES = Buffer.from(Uint8Array.from({ length: MEGABYTE }, (_, index) => (index * 2_654_435_761) >>> 24));

let databaseFile = '';

test.use({
  // eslint-disable-next-line no-empty-pattern
  serveArgs: async ({}, use) => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'strata-e2e-large-'));
    databaseFile = path.join(dir, 'strata_e2e_large.sqlite');
    const db = new Database(databaseFile);
    createWideTable(db);
    db.exec('CREATE TABLE big (id INTEGER PRIMARY KEY, note TEXT, data BLOB)');
    db.prepare('INSERT INTO big VALUES (1, ?, ?), (2, ?, ?)').run(BIG_TEXT, BIG_BYTES, 'short', Buffer.from([1, 2]));
    db.close();
    await use([databaseFile]);
    await fs.rm(dir, { recursive: true, force: true });
  },
});

/** The row drawn at the middle of the grid's viewport: the number in its gutter, and its id and c01 cells as shown. */
function rowAtMiddle(grid: Locator): Promise<{ number: number; id: string; c01: string } | null> {
  return grid.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const shown = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)?.closest('tr');
    if (!shown || !element.contains(shown)) return null;
    return {
      number: Number(shown.querySelector('th[role="rowheader"]')?.textContent),
      id: shown.querySelector('td[data-column="id"]')?.textContent ?? '',
      c01: shown.querySelector('td[data-column="c01"]')?.textContent ?? '',
    };
  });
}

test('5,000 rows a page scroll to the middle and to the last row, which show their exact values', async ({ page, strata }) => {
  void strata;
  const view = await openSqliteTable(page, 'wide');
  const grid = view.getByRole('grid', { name: 'Table rows' });
  await expect(view.getByText('Rows 1–100')).toBeVisible();
  // Only the rows and columns on screen exist.
  expect(await grid.getByRole('row').count()).toBeLessThan(60);
  expect(await tableRow(view, '1').locator('td').count()).toBeLessThan(EXTRA_COLUMNS + 1);

  const pageSize = view.getByLabel('Rows per page');
  await expect(pageSize).toHaveValue('100');
  await pageSize.selectOption('5000');
  await expect(view.getByText('Rows 1–5,000')).toBeVisible();
  await expect(tableCell(view, '1', 'c01')).toHaveText(wideValue(1, 1));

  // Scrolled by the mouse wheel to the middle of the page, the row drawn there is that row, with its exact values.
  await grid.hover();
  for (let turn = 0; turn < 25; turn++) await page.mouse.wheel(0, 2400);
  await expect.poll(async () => (await rowAtMiddle(grid))?.number ?? 0, { message: 'a row of the middle of the page under the viewport' }).toBeGreaterThan(2000);
  const middle = await rowAtMiddle(grid);
  if (!middle) throw new Error('No row is drawn at the middle of the grid.');
  expect(middle.number).toBeLessThan(4000);
  expect(middle.id).toBe(String(middle.number));
  expect(middle.c01).toBe(wideValue(middle.number, 1));
  await grid.evaluate((element) => element.scrollTo(0, 0));

  // Ctrl+End goes to the last row's last column; every value there is exact.
  await grid.getByRole('gridcell').first().click();
  await page.keyboard.press('ControlOrMeta+End');
  await expect(tableCell(view, '5000', columnName(EXTRA_COLUMNS))).toHaveText(wideValue(5000, EXTRA_COLUMNS));
  await expect(tableCell(view, '5000', columnName(EXTRA_COLUMNS))).toHaveClass(/active/);
  await page.keyboard.press('Home');
  await expect(tableCell(view, '5000', 'id')).toHaveText('5000');
  await expect(tableCell(view, '5000', 'c01')).toHaveText(wideValue(5000, 1));
  await expect(tableCell(view, '5000', 'c02')).toHaveText(wideValue(5000, 2));
  await expect(tableRow(view, '5001')).toHaveCount(0);
  await expect(grid).toHaveAttribute('aria-rowcount', '5001');

  await view.getByRole('button', { name: 'Next page' }).click();
  await expect(view.getByText('Rows 5,001–5,200')).toBeVisible();
  await expect(tableCell(view, '5001', 'c01')).toHaveText(wideValue(5001, 1));

  // The choice is remembered for the session: another table opens with it.
  const big = await openSqliteTable(page, 'big');
  await expect(big.getByLabel('Rows per page')).toHaveValue('5000');
});

test('a 1 MB value shows a bounded cell, opens whole in the editor and is never written back shortened', async ({ page, strata }) => {
  void strata;
  const view = await openSqliteTable(page, 'big');
  const note = tableCell(view, '1', 'note');
  const shown = (await note.textContent()) ?? '';
  expect(shown.length).toBeLessThanOrEqual(301);
  expect(shown.startsWith('START:')).toBe(true);
  expect(shown.endsWith('…')).toBe(true);
  const data = tableCell(view, '1', 'data');
  expect(((await data.textContent()) ?? '').length).toBeLessThanOrEqual(301);
  await expect(data).toHaveText(/^\\x[0-9a-f]+…$/);

  // The editor holds the whole value; Cancel changes nothing.
  await note.dblclick();
  const editor = page.getByRole('dialog', { name: 'Edit note · row 1' });
  const box = editor.getByRole('textbox', { name: 'Value of note' });
  expect(await box.evaluate((element: HTMLTextAreaElement) => element.value.length)).toBe(BIG_TEXT.length);
  expect(await box.evaluate((element: HTMLTextAreaElement) => element.value.slice(-10))).toBe(BIG_TEXT.slice(-10));
  await editor.getByRole('button', { name: 'Cancel' }).click();
  await expect(editor).toBeHidden();
  await expect(note).not.toHaveClass(/changed/);

  // Saving unchanged is no change.
  await note.dblclick();
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor).toBeHidden();
  await expect(note).not.toHaveClass(/changed/);
  await expect(view.getByRole('region', { name: 'Pending SQL' })).toBeHidden();

  // One more letter at the end: the whole value plus it is applied, not the preview.
  await note.dblclick();
  await box.evaluate((element: HTMLTextAreaElement) => {
    element.value += 'Z';
  });
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(note).toHaveClass(/changed/);
  // The pending SQL shows the start of each megabyte value and its length, not the whole of it.
  const statement = view.getByRole('region', { name: 'Pending SQL' }).getByTestId('pending-statement');
  await expect(statement).toContainText('UPDATE "big" SET "note" = ? WHERE "id" = ? AND "note" IS ?');
  await expect(statement).toContainText('(1,048,577 characters)');
  await expect(statement).toContainText('(1,048,576 characters)');
  expect(((await statement.textContent()) ?? '').length).toBeLessThan(5000);
  const blob = tableCell(view, '1', 'data');
  await blob.dblclick();
  const blobEditor = page.getByRole('dialog', { name: 'Edit data · row 1' });
  const hex = blobEditor.getByRole('textbox', { name: 'Value of data' });
  expect(await hex.evaluate((element: HTMLTextAreaElement) => element.value.length)).toBe(2 + 2 * MEGABYTE);
  await blobEditor.getByRole('button', { name: 'Save' }).click();
  await expect(blob).not.toHaveClass(/changed/);

  await view.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(view.getByRole('region', { name: 'Pending SQL' })).toBeHidden();
  await expect(note).not.toHaveClass(/changed/);
  const db = new Database(databaseFile, { readonly: true });
  try {
    const stored = db.prepare('SELECT note, data FROM big WHERE id = 1').get() as { note: string; data: Buffer };
    expect(stored.note.length).toBe(BIG_TEXT.length + 1);
    expect(stored.note === `${BIG_TEXT}Z`).toBe(true);
    expect(Buffer.compare(stored.data, BIG_BYTES)).toBe(0);
  } finally {
    db.close();
  }
});
