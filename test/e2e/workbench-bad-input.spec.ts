import type { Locator } from '@playwright/test';
import { editorTab, editorText, gridCell, pasteIntoEditor, statusBar } from './app-ui';
import { expect, test } from './fixtures';

const FIRST_TAB_TEXT = "select 'still here' as kept";
const SECOND_TAB_TEXT = ['-- unsaved notes', 'select *', '  from orders', ' where total > 100'].join('\n');
const WRONG_PASSWORD = 'strata-e2e-not-the-password-7c1d';
const RIGHT_PASSWORD = 'strata-test-pw';

interface Fields {
  Name: string;
  Host: string;
  Port: string;
  Database: string;
  User: string;
  Password: string;
}

async function fill(dialog: Locator, fields: Partial<Fields>): Promise<void> {
  for (const [label, value] of Object.entries(fields)) await dialog.getByLabel(label, { exact: true }).fill(value);
}

async function expectFields(dialog: Locator, fields: Fields): Promise<void> {
  for (const [label, value] of Object.entries(fields)) await expect(dialog.getByLabel(label, { exact: true }), `${label} keeps what was typed`).toHaveValue(value);
  await expect(dialog.getByLabel('Engine', { exact: true })).toHaveValue('postgres');
}

test('failed connection tests and a malformed URL explain themselves, keep the form, and leave the open tabs alone', async ({ page, strata }) => {
  void strata;
  await expect(page.getByRole('tree')).toBeVisible();
  await pasteIntoEditor(page, FIRST_TAB_TEXT);
  await page.getByRole('button', { name: 'New tab' }).click();
  await expect(editorTab(page, 'Query 2')).toHaveAttribute('aria-selected', 'true');
  await pasteIntoEditor(page, SECOND_TAB_TEXT);

  await page.getByRole('button', { name: 'New connection' }).click();
  const dialog = page.getByRole('dialog', { name: 'New connection' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Engine', { exact: true }).selectOption('postgres');
  const outcome = dialog.getByRole('alert');

  // Nothing listens on port 1.
  const unreachable: Fields = { Name: 'strata_e2e_workbench_bad', Host: '127.0.0.1', Port: '1', Database: 'postgres', User: 'postgres', Password: '' };
  await fill(dialog, unreachable);
  await dialog.getByRole('button', { name: 'Test connection' }).click();
  await expect(outcome).toContainText('CONNECTION');
  await expect(outcome).toContainText('Could not connect to 127.0.0.1:1 (ECONNREFUSED)');
  await expect(outcome).toContainText('Check that the server is running');
  await expectFields(dialog, unreachable);

  // The role exists and needs a password; this one is wrong.
  const wrongPassword: Fields = { ...unreachable, Port: '5432', User: 'strata_pw_user', Password: WRONG_PASSWORD };
  await fill(dialog, wrongPassword);
  await expect(outcome).toBeHidden();
  await dialog.getByRole('button', { name: 'Test connection' }).click();
  await expect(outcome).toContainText('AUTH');
  await expect(outcome).toContainText('Password authentication failed for user "strata_pw_user"');
  await expect(outcome).toContainText('Check the password');
  await expect(outcome).not.toContainText(WRONG_PASSWORD);
  await expectFields(dialog, wrongPassword);

  // A malformed URL is reported at the URL field and leaves the fields below as they were.
  const url = dialog.getByLabel('Connection URL');
  await url.fill('postgres://someone@db.example:notaport/other');
  await url.blur();
  await expect(dialog.getByText('The port "notaport" is not a number between 1 and 65535.')).toBeVisible();
  await expect(url).toHaveValue('postgres://someone@db.example:notaport/other');
  await expectFields(dialog, wrongPassword);

  // With the right password the same form connects: the failures above were the input's, not the app's.
  await fill(dialog, { Password: RIGHT_PASSWORD });
  await dialog.getByRole('button', { name: 'Test connection' }).click();
  await expect(dialog.getByText(/^Connected: /)).toBeVisible();
  await expect(outcome).toBeHidden();
  expect(await page.content()).not.toContain(WRONG_PASSWORD);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();

  // The open tabs kept their text, and the app still runs queries.
  await expect(editorTab(page, 'Query 2')).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => editorText(page)).toBe(SECOND_TAB_TEXT);
  await editorTab(page, 'Query 1').click();
  await expect.poll(() => editorText(page)).toBe(FIRST_TAB_TEXT);
  await page.locator('.monaco-editor').first().click();
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(gridCell(page, 0, 0)).toHaveText('still here');
  await expect(statusBar(page)).toContainText('1 row');
  await expect.poll(() => editorText(page)).toBe(FIRST_TAB_TEXT);
});
