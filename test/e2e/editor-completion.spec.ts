import pg from 'pg';
import type { Locator, Page } from '@playwright/test';
import { connectionListItem, createConnectionInDialog, editorText, revealTreeItem, treeItem } from './app-ui';
import { expect, test } from './fixtures';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The items of Monaco's suggest list while it is open (each named "label, detail, kind"). */
function suggestItems(page: Page): Locator {
  return page.getByRole('listbox', { name: 'Suggest' }).getByRole('option');
}

function suggestItem(page: Page, label: string): Locator {
  return suggestItems(page).filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(label)}$`) }) });
}

async function clearEditor(page: Page): Promise<void> {
  await page.locator('.monaco-editor').first().click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await expect.poll(() => editorText(page)).toBe('');
}

/** Types `select  from <table prefix>`, expects `table` offered first, and accepts it with Enter. */
async function completeTableAfterFrom(page: Page, prefix: string, table: string): Promise<void> {
  await clearEditor(page);
  await page.keyboard.type(`select  from ${prefix}`, { delay: 30 });
  const item = suggestItem(page, table);
  await expect(item).toBeVisible();
  await expect(suggestItems(page).first()).toHaveAccessibleName(new RegExp(`^${escapeRegExp(table)},`));
  await page.keyboard.press('Enter');
  await expect.poll(() => editorText(page)).toBe(`select  from ${table}`);
}

/**
 * Types `select  from <table> o`, goes back after `select `, types `o.` and expects exactly the
 * table's columns; then narrows to `column` and accepts it.
 */
async function completeColumnThroughAlias(page: Page, table: string, columns: string[], column: string): Promise<void> {
  await clearEditor(page);
  await page.keyboard.type(`select  from ${table} o`, { delay: 30 });
  await page.keyboard.press('Escape');
  await page.keyboard.press('Home');
  for (let i = 0; i < 'select '.length; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.type('o.', { delay: 30 });
  for (const name of columns) await expect(suggestItem(page, name)).toBeVisible();
  await expect(suggestItems(page)).toHaveCount(columns.length);
  await page.keyboard.type(column.slice(0, 3), { delay: 30 });
  await expect(suggestItems(page).first()).toHaveAccessibleName(new RegExp(`^${escapeRegExp(column)},`));
  await page.keyboard.press('Enter');
  await expect.poll(() => editorText(page)).toBe(`select o.${column} from ${table} o`);
}

test('on the sample SQLite database, FROM offers its tables and an alias offers its table\'s columns', async ({ page, strata }) => {
  void strata;
  await revealTreeItem(page, 'orders', ['main', 'Tables']);

  await completeTableAfterFrom(page, 'cust', 'customers');
  await completeColumnThroughAlias(page, 'orders', ['id', 'customer_id', 'status', 'ordered_at', 'shipped_at', 'total'], 'status');
});

/** The bundled sample's connection, as the connection list names it. */
const SAMPLE_CONNECTION_NAME = 'Sample store';

/** The labels of the open suggest list, top to bottom. */
async function suggestLabels(page: Page): Promise<string[]> {
  return suggestItems(page).locator('.label-name').allInnerTexts();
}

/** Types `select  from <table> o`, then goes back after `select ` and types `typed`. */
async function typeInSelectList(page: Page, table: string, typed: string): Promise<void> {
  await clearEditor(page);
  await page.keyboard.type(`select  from ${table} o`, { delay: 30 });
  await page.keyboard.press('Escape');
  await page.keyboard.press('Home');
  for (let i = 0; i < 'select '.length; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.type(typed, { delay: 30 });
}

test('names that start with the typed text come first, then those that hold it, in that order in the list', async ({ page, strata }) => {
  void strata;
  await revealTreeItem(page, 'orders', ['main', 'Tables']);
  // status and shipped_at start with "s"; customer_id only holds it, which the editor's own filter would drop.
  await typeInSelectList(page, 'orders', 'o.s');
  await expect.poll(() => suggestLabels(page)).toEqual(['status', 'shipped_at', 'customer_id']);
  await page.keyboard.type('hi', { delay: 30 });
  await expect.poll(() => suggestLabels(page)).toEqual(['shipped_at']);
});

test('a tab whose connection is closed gets keywords and functions, and the tables once it opens again', async ({ page, strata }) => {
  void strata;
  await revealTreeItem(page, 'orders', ['main', 'Tables']);
  const sample = page.getByRole('region', { name: 'Connections' }).getByRole('listitem').filter({ hasText: SAMPLE_CONNECTION_NAME });
  await sample.getByRole('button', { name: 'More actions' }).click();
  await page.getByRole('menu', { name: `Actions for ${SAMPLE_CONNECTION_NAME}` }).getByRole('menuitem', { name: 'Disconnect' }).click();
  await expect(treeItem(page, 'orders')).toBeHidden();

  // In a select list completion offers functions, keywords and tables alike: here only the first two.
  await clearEditor(page);
  await page.keyboard.type('select cu', { delay: 30 });
  await expect(suggestItem(page, 'cume_dist')).toBeVisible();
  await expect(suggestItem(page, 'current_date')).toBeVisible();
  await expect(suggestItem(page, 'customers')).toHaveCount(0);
  await page.keyboard.press('Escape');

  await connectionListItem(page, SAMPLE_CONNECTION_NAME).click();
  await expect(treeItem(page, 'Tables')).toBeVisible();
  await clearEditor(page);
  await page.keyboard.type('select cu', { delay: 30 });
  await expect(suggestItem(page, 'customers')).toBeVisible();
  await expect(suggestItem(page, 'cume_dist')).toBeVisible();
  await completeTableAfterFrom(page, 'cust', 'customers');
});

test('Format formats the text in one undo step, and a formatter error changes nothing', async ({ page, strata }) => {
  void strata;
  await expect(page.getByRole('tree')).toBeVisible();
  await clearEditor(page);
  const original = 'select id,name from customers where id=1';
  await page.keyboard.insertText(original);
  await expect.poll(() => editorText(page)).toBe(original);

  await page.getByRole('toolbar', { name: 'Query' }).getByRole('button', { name: 'Format', exact: true }).click();
  await expect.poll(() => editorText(page)).toBe(['select', '  id,', '  name', 'from', '  customers', 'where', '  id = 1'].join('\n'));
  await page.keyboard.press('ControlOrMeta+Z');
  await expect.poll(() => editorText(page)).toBe(original);

  await clearEditor(page);
  // A closing bracket with no opening one: Monaco does not auto-complete it, and the formatter cannot parse it.
  await page.keyboard.insertText('select 1 from customers)');
  await expect.poll(() => editorText(page)).toBe('select 1 from customers)');
  await page.keyboard.press('Shift+Alt+F');
  await expect(page.getByRole('alert').filter({ hasText: 'Could not format the SQL' })).toBeVisible();
  await expect.poll(() => editorText(page)).toBe('select 1 from customers)');
});

test.describe('on PostgreSQL', () => {
  const database = `strata_e2e_completion_${process.pid}`;

  const admin = async <T>(db: string, work: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ host: '127.0.0.1', port: 5432, user: 'postgres', database: db });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };

  test.beforeAll(async () => {
    await admin('postgres', async (client) => {
      await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await client.query(`CREATE DATABASE ${database}`);
    });
    await admin(database, (client) => client.query('CREATE TABLE completion_orders (id int PRIMARY KEY, placed_at timestamptz, amount numeric)'));
  });

  test.afterAll(async () => {
    await admin('postgres', (client) => client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
  });

  test('FROM offers a table of the public schema and an alias offers its columns', async ({ page, strata }) => {
    void strata;
    const name = `strata_e2e_pg_completion_${Date.now()}`;
    await createConnectionInDialog(page, { name, host: '127.0.0.1', port: 5432, database, user: 'postgres' });
    await connectionListItem(page, name).click();
    await expect(treeItem(page, 'completion_orders')).toBeVisible();

    await completeTableAfterFrom(page, 'completion_o', 'completion_orders');
    await completeColumnThroughAlias(page, 'completion_orders', ['id', 'placed_at', 'amount'], 'amount');
  });
});
