import Database from 'better-sqlite3';
import type { Locator, Page } from '@playwright/test';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';
import { openSqliteTable, tableCell } from './table-view-ui';

test.use({
  // A library whose books point at their author (one column) and whose prints point at an edition
  // (two columns). Several authors and editions share a name part, so only the exact key finds one row.
  // eslint-disable-next-line no-empty-pattern
  serveArgs: async ({}, use) => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'strata-e2e-fk-'));
    const file = path.join(dir, 'strata_e2e_library.sqlite');
    const db = new Database(file);
    db.exec(`
      CREATE TABLE authors (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
      CREATE TABLE books (id INTEGER PRIMARY KEY, title TEXT NOT NULL, author_id INTEGER REFERENCES authors (id));
      CREATE TABLE editions (code TEXT NOT NULL, lang TEXT NOT NULL, publisher TEXT NOT NULL, PRIMARY KEY (code, lang));
      CREATE TABLE prints (id INTEGER PRIMARY KEY, code TEXT NOT NULL, lang TEXT NOT NULL, copies INTEGER NOT NULL,
        FOREIGN KEY (code, lang) REFERENCES editions (code, lang));
    `);
    const author = db.prepare('INSERT INTO authors (id, name) VALUES (?, ?)');
    for (let id = 1; id <= 60; id++) author.run(id, id === 37 ? 'Ursula K. Le Guin' : `Author ${id}`);
    db.prepare('INSERT INTO books (id, title, author_id) VALUES (?, ?, ?)').run(1, 'Foundation', 12);
    db.prepare('INSERT INTO books (id, title, author_id) VALUES (?, ?, ?)').run(2, 'Dune', 5);
    db.prepare('INSERT INTO books (id, title, author_id) VALUES (?, ?, ?)').run(3, 'The Dispossessed', 37);
    const edition = db.prepare('INSERT INTO editions (code, lang, publisher) VALUES (?, ?, ?)');
    edition.run('ED-1', 'en', 'Harper & Row');
    edition.run('ED-1', 'fr', 'Robert Laffont');
    edition.run('ED-2', 'fr', 'Le Livre de Poche');
    db.prepare('INSERT INTO prints (id, code, lang, copies) VALUES (?, ?, ?, ?)').run(1, 'ED-2', 'fr', 500);
    db.prepare('INSERT INTO prints (id, code, lang, copies) VALUES (?, ?, ?, ?)').run(2, 'ED-1', 'fr', 3000);
    db.close();
    await use([file]);
    await fs.rm(dir, { recursive: true, force: true });
  },
});

/** Follows the foreign key of the given cell and returns the view of the referenced table's new tab. */
async function followReference(page: Page, view: Locator, target: Locator, referenced: string): Promise<Locator> {
  const button = view.getByRole('button', { name: 'Go to referenced row' });
  await expect(button).toBeDisabled();
  await target.click();
  await expect(button).toBeEnabled();
  await button.click();
  await expect(page.getByRole('tab', { name: new RegExp(`^${referenced}`), selected: true })).toBeVisible();
  const parent = page.getByLabel(`Data of ${referenced}`);
  await expect(parent.getByRole('grid', { name: 'Table rows' })).toBeVisible();
  return parent;
}

test('a book’s author_id opens the authors table filtered to exactly that author', async ({ page, strata }) => {
  void strata;
  const books = await openSqliteTable(page, 'books');
  await expect(tableCell(books, '3', 'title')).toHaveText('The Dispossessed');

  // A column without a foreign key has nothing to follow.
  await tableCell(books, '3', 'title').click();
  await expect(books.getByRole('button', { name: 'Go to referenced row' })).toBeDisabled();

  const authors = await followReference(page, books, tableCell(books, '3', 'author_id'), 'authors');
  await expect(authors.getByRole('row')).toHaveCount(2);
  await expect(tableCell(authors, '1', 'id')).toHaveText('37');
  await expect(tableCell(authors, '1', 'name')).toHaveText('Ursula K. Le Guin');
  await expect(authors.getByLabel('Filter 1 column')).toHaveValue('id');
  await expect(authors.getByLabel('Filter 1 operator')).toHaveValue('=');
  await expect(authors.getByLabel('Filter 1 value')).toHaveValue('37');
  await expect(authors.getByLabel('Filter 2 column')).toHaveCount(0);
  await expect(authors.getByTestId('table-row-count')).toHaveText('1 matching row');

  // The child table stays open in its own tab, unchanged.
  await page.getByRole('tab', { name: /^books/ }).click();
  await expect(tableCell(books, '3', 'author_id')).toHaveText('37');
  await expect(books.getByRole('row')).toHaveCount(4);
});

test('a two-column foreign key filters the referenced table on both columns', async ({ page, strata }) => {
  void strata;
  const prints = await openSqliteTable(page, 'prints');
  await expect(tableCell(prints, '2', 'code')).toHaveText('ED-1');
  await expect(tableCell(prints, '2', 'lang')).toHaveText('fr');

  // Followed from the column that starts the key.
  const editions = await followReference(page, prints, tableCell(prints, '2', 'code'), 'editions');
  // ED-1 also exists in English, and ED-2 in French: only (ED-1, fr) matches both columns.
  await expect(editions.getByRole('row')).toHaveCount(2);
  await expect(tableCell(editions, '1', 'code')).toHaveText('ED-1');
  await expect(tableCell(editions, '1', 'lang')).toHaveText('fr');
  await expect(tableCell(editions, '1', 'publisher')).toHaveText('Robert Laffont');
  await expect(editions.getByLabel('Filter 1 column')).toHaveValue('code');
  await expect(editions.getByLabel('Filter 1 value')).toHaveValue('ED-1');
  await expect(editions.getByLabel('Filter 2 column')).toHaveValue('lang');
  await expect(editions.getByLabel('Filter 2 value')).toHaveValue('fr');

  // Any column of the key follows the whole key.
  await page.getByRole('button', { name: 'Close editions' }).click();
  await page.getByRole('tab', { name: /^prints/ }).click();
  await tableCell(prints, '1', 'copies').click();
  const fromLang = await followReference(page, prints, tableCell(prints, '1', 'lang'), 'editions');
  await expect(fromLang.getByRole('row')).toHaveCount(2);
  await expect(tableCell(fromLang, '1', 'code')).toHaveText('ED-2');
  await expect(tableCell(fromLang, '1', 'publisher')).toHaveText('Le Livre de Poche');
});
