import { expect, type Locator, type Page } from '@playwright/test';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A schema-tree item whose accessible name starts with `name`. */
export function treeItem(page: Page, name: string): Locator {
  return page.getByRole('tree').getByRole('treeitem', { name: new RegExp(`^${escapeRegExp(name)}`) }).first();
}

/** Expands a collapsed tree item (click, then ArrowRight if a click only selects it). */
export async function expandTreeItem(item: Locator): Promise<void> {
  await expect(item).toBeVisible();
  if ((await item.getAttribute('aria-expanded')) !== 'false') return;
  await item.click();
  if ((await item.getAttribute('aria-expanded')) === 'false') await item.press('ArrowRight');
  await expect(item).toHaveAttribute('aria-expanded', 'true');
}

/**
 * Makes `name` visible in the tree, expanding the given ancestors (e.g. a database or a "Tables"
 * group) one after another when it is not shown already.
 */
export async function revealTreeItem(page: Page, name: string, ancestors: string[]): Promise<Locator> {
  const target = treeItem(page, name);
  for (const ancestor of ancestors) {
    if (await target.isVisible()) break;
    const item = treeItem(page, ancestor);
    if (await item.isVisible()) await expandTreeItem(item);
  }
  await expect(target).toBeVisible();
  return target;
}

/** Replaces the editor's text with `sql` and runs it with Ctrl+Enter. */
export async function runInEditor(page: Page, sql: string): Promise<void> {
  await page.locator('.monaco-editor').first().click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  // insertText, not type(): Monaco's auto-closing brackets and suggestions would change typed text.
  await page.keyboard.insertText(sql);
  await expect(page.locator('.monaco-editor .view-lines').first()).toContainText(sql.slice(0, 20).replace(/ /g, '\u00a0'));
  await page.keyboard.press('ControlOrMeta+Enter');
}

/** The bottom status bar (the only role=status that names the tab's connection and its run). */
export function statusBar(page: Page): Locator {
  return page.getByRole('status').filter({ hasText: /rows?|Cancelled|Running|Error|Done/ }).first();
}

export interface PostgresConnection {
  name: string;
  host: string;
  port: number;
  database: string;
  user: string;
}

/** Creates a connection through the dialog, tests it, saves it and waits for it in the list. */
export async function createConnectionInDialog(page: Page, connection: PostgresConnection): Promise<void> {
  await page.getByRole('button', { name: 'New connection' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Engine', { exact: true }).selectOption('postgres');
  await dialog.getByLabel('Name', { exact: true }).fill(connection.name);
  await dialog.getByLabel('Host', { exact: true }).fill(connection.host);
  await dialog.getByLabel('Port', { exact: true }).fill(String(connection.port));
  await dialog.getByLabel('Database', { exact: true }).fill(connection.database);
  await dialog.getByLabel('User', { exact: true }).fill(connection.user);
  await dialog.getByLabel('Password', { exact: true }).fill('');
  await dialog.getByRole('button', { name: 'Test connection' }).click();
  await expect(dialog.getByText(/Connected: .*PostgreSQL|Connected: 15/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(connectionListItem(page, connection.name)).toBeVisible();
}

/** An entry of the connection list, by the connection's name. */
export function connectionListItem(page: Page, name: string): Locator {
  return page.getByRole('region', { name: 'Connections' }).getByRole('button', { name: new RegExp(`^${escapeRegExp(name)}`) });
}
