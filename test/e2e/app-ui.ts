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

/**
 * The editor's whole text, read from the lines Monaco draws (so keep it short enough to be on screen).
 * Lines are taken in the order they are shown; Monaco draws spaces as no-break spaces.
 */
export async function editorText(page: Page): Promise<string> {
  return page
    .locator('.monaco-editor .view-lines')
    .first()
    .evaluate((lines) =>
      [...lines.querySelectorAll<HTMLElement>('.view-line')]
        .sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top))
        .map((line) => (line.textContent ?? '').replace(/\u00a0/g, ' '))
        .join('\n'),
    );
}

/**
 * Replaces the editor's text with `text` as a paste does, so that line breaks and indentation arrive
 * exactly as given (typed text would be auto-indented).
 */
export async function pasteIntoEditor(page: Page, text: string): Promise<void> {
  await page.locator('.monaco-editor').first().click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.evaluate((pasted) => {
    const data = new DataTransfer();
    data.setData('text/plain', pasted);
    document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
  await expect.poll(() => editorText(page)).toBe(text);
}

/** An editor tab (the tab strip above the editor), by its exact title. */
export function editorTab(page: Page, title: string): Locator {
  return page
    .getByRole('tablist', { name: 'Editor tabs' })
    .getByRole('tab')
    .filter({ has: page.locator('.tab-title', { hasText: new RegExp(`^${escapeRegExp(title)}$`) }) });
}

/** The results panel's tabs: "Result 1 · 3 rows", …, "Messages". */
export function resultTabs(page: Page): Locator {
  return page.getByRole('tablist', { name: 'Results' }).getByRole('tab');
}

/** A cell of the result grid, by 0-based row and column of the data (the row-number gutter not counted). */
export function gridCell(page: Page, row: number, col: number): Locator {
  return page.getByRole('grid').locator(`[role="row"][aria-rowindex="${row + 2}"] [role="gridcell"][aria-colindex="${col + 2}"]`);
}

/** The Settings dialog (opened with the sidebar's gear or Ctrl/Cmd+,). */
export function settingsDialog(page: Page): Locator {
  return page.getByRole('dialog', { name: 'Settings' });
}

/** Opens Settings from the sidebar's gear, sets "Result memory per query (MB)" and saves. */
export async function setResultMemoryMb(page: Page, mb: number): Promise<void> {
  await page.getByRole('complementary', { name: 'Sidebar' }).getByRole('button', { name: 'Settings' }).click();
  const dialog = settingsDialog(page);
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Result memory per query (MB)').fill(String(mb));
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
}

/** The grid's rows on screen: the row number in the gutter and the text of each cell drawn. */
export async function visibleGridRows(page: Page): Promise<{ number: number; cells: string[] }[]> {
  return page
    .getByRole('grid')
    .locator('[role="row"][aria-rowindex]:not([aria-rowindex="1"])')
    .evaluateAll((rows) =>
      rows.map((row) => ({
        number: Number(row.querySelector('[role="rowheader"]')?.textContent),
        cells: [...row.querySelectorAll<HTMLElement>('[role="gridcell"]')]
          .sort((a, b) => Number(a.getAttribute('aria-colindex')) - Number(b.getAttribute('aria-colindex')))
          .map((cell) => cell.textContent ?? ''),
      })),
    );
}
