import Database from 'better-sqlite3';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';
import { openSqliteTable, tableCell } from './table-view-ui';

/** The scratch SQLite file the server opens; read back directly to see what was stored. */
let databaseFile = '';

test.use({
  // eslint-disable-next-line no-empty-pattern
  serveArgs: async ({}, use) => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'strata-e2e-blob-'));
    databaseFile = path.join(dir, 'strata_e2e_blobs.sqlite');
    const db = new Database(databaseFile);
    db.exec(`CREATE TABLE files (id INTEGER PRIMARY KEY, name TEXT NOT NULL, data BLOB)`);
    db.exec(`INSERT INTO files (id, name, data) VALUES (1, 'first', X'00ff'), (2, 'second', NULL)`);
    db.close();
    await use([databaseFile]);
    await fs.rm(dir, { recursive: true, force: true });
  },
});

function stored(): { kind: string; hex: string } {
  const db = new Database(databaseFile, { readonly: true });
  try {
    return db.prepare('SELECT typeof(data) AS kind, hex(data) AS hex FROM files WHERE id = 1').get() as { kind: string; hex: string };
  } finally {
    db.close();
  }
}

test('a blob cell is edited as hex: non-hex is refused in the cell, hex is applied as bytes and read back', async ({ page, strata }, testInfo) => {
  void strata;
  const view = await openSqliteTable(page, 'files');
  const data = tableCell(view, '1', 'data');
  await expect(data).toHaveText('\\x00ff');
  const pending = view.getByRole('region', { name: 'Pending SQL' });
  const apply = view.getByRole('button', { name: 'Apply', exact: true });

  // Not hex: the cell says why and keeps the editor open; nothing is pending.
  await data.dblclick();
  const input = data.getByRole('textbox', { name: 'Edit data' });
  await input.fill('not hex');
  await input.press('Enter');
  await expect(data.getByRole('alert')).toContainText('"n" is not a hex digit');
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await input.fill('0xabc');
  await input.press('Enter');
  await expect(data.getByRole('alert')).toContainText('3 hex digits, an odd number');
  await expect(pending).toBeHidden();
  await expect(apply).toBeDisabled();
  await page.screenshot({ path: testInfo.outputPath('blob-hex-refused.png') });
  await input.press('Escape');
  await expect(data).toHaveText('\\x00ff');
  await expect(data).not.toHaveClass(/changed/);
  await expect(pending).toBeHidden();

  // Hex with a prefix, upper case and a space: shown as the grid shows bytes, bound as bytes.
  await data.dblclick();
  await data.getByRole('textbox', { name: 'Edit data' }).fill('0xDEAD beef');
  await data.getByRole('textbox', { name: 'Edit data' }).press('Enter');
  await expect(data).toHaveText('\\xdeadbeef');
  await expect(data).toHaveClass(/changed/);
  const statement = pending.getByTestId('pending-statement');
  await expect(statement).toHaveCount(1);
  await expect(statement).toContainText('UPDATE "files" SET "data" = ? WHERE "id" = ? AND "data" IS ?');
  await expect(statement).toContainText("?1 = X'deadbeef'");
  await expect(statement).toContainText('?2 = 1');
  await expect(statement).toContainText("?3 = X'00ff'");

  await apply.click();
  await expect(pending).toBeHidden();
  await expect(data).toHaveText('\\xdeadbeef');
  await expect(data).not.toHaveClass(/changed/);
  expect(stored()).toEqual({ kind: 'blob', hex: 'DEADBEEF' });

  // Read back from the file through a fresh load.
  await view.getByRole('button', { name: 'Refresh' }).click();
  await expect(tableCell(view, '1', 'data')).toHaveText('\\xdeadbeef');
});

test('a filter on a blob column takes hex: anything else is refused in the bar, hex finds the row by its bytes', async ({ page, strata }) => {
  void strata;
  const view = await openSqliteTable(page, 'files');
  await view.getByRole('button', { name: 'Add filter' }).click();
  await view.getByLabel('Filter 1 column').selectOption('data');
  const value = view.getByLabel('Filter 1 value');
  await expect(value).toHaveAttribute('placeholder', /hex/);
  await value.fill('first');
  await view.getByRole('button', { name: 'Apply filter' }).click();
  await expect(view.getByRole('form', { name: 'Filter rows' }).getByRole('alert')).toContainText('"i" is not a hex digit');
  await expect(value).toHaveAttribute('aria-invalid', 'true');
  // Nothing was sent: both rows are still shown.
  await expect(view.getByRole('row')).toHaveCount(3);

  await value.fill('0x00FF');
  await expect(value).not.toHaveAttribute('aria-invalid', 'true');
  await view.getByRole('button', { name: 'Apply filter' }).click();
  await expect(view.getByRole('row')).toHaveCount(2);
  await expect(tableCell(view, '1', 'name')).toHaveText('first');
});
