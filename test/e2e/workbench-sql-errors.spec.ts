import type { Page } from '@playwright/test';
import { connectionListItem, createConnectionInDialog, gridCell, resultTabs, runInEditor, statusBar } from './app-ui';
import { expect, test } from './fixtures';

interface Box {
  left: number;
  right: number;
}

/** Where characters [start, end) of the editor line showing `lineText` are drawn on screen. */
async function charactersBox(page: Page, lineText: string, start: number, end: number): Promise<Box> {
  return page.locator('.monaco-editor .view-lines').first().evaluate(
    (lines, { text, from, to }) => {
      const line = [...lines.querySelectorAll('.view-line')].find((l) => (l.textContent ?? '').replace(/\u00a0/g, ' ') === text);
      if (!line) throw new Error(`No editor line reads ${text}`);
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      let seen = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const length = node.textContent?.length ?? 0;
        if (seen <= from && from < seen + length) range.setStart(node, from - seen);
        if (seen < to && to <= seen + length) range.setEnd(node, to - seen);
        seen += length;
      }
      const rect = range.getBoundingClientRect();
      return { left: rect.left, right: rect.right };
    },
    { text: lineText, from: start, to: end },
  );
}

/** The editor's error squiggles, as screen boxes. */
async function squiggles(page: Page): Promise<Box[]> {
  return page
    .locator('.monaco-editor .squiggly-error')
    .evaluateAll((elements) => elements.map((element) => element.getBoundingClientRect()).map((rect) => ({ left: rect.left, right: rect.right })));
}

/** Asserts one squiggle drawn under characters [start, end) of `lineText`, and that hovering it shows `message`. */
async function expectSquiggleUnder(page: Page, lineText: string, start: number, end: number, message: string | RegExp): Promise<void> {
  await expect(page.locator('.monaco-editor .squiggly-error')).toHaveCount(1);
  const expected = await charactersBox(page, lineText, start, end);
  const [drawn] = await squiggles(page);
  expect(Math.abs(drawn.left - expected.left), `squiggle starts at character ${start + 1}`).toBeLessThan(2);
  expect(Math.abs(drawn.right - expected.right), `squiggle ends after character ${end}`).toBeLessThan(2);

  const box = await page.locator('.monaco-editor .squiggly-error').first().boundingBox();
  if (!box) throw new Error('The squiggle has no box.');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 - 4);
  await expect(page.locator('.monaco-hover').filter({ hasText: message })).toBeVisible();
  await page.mouse.move(0, 0);
}

/** The Messages view holds the server's message as text, and marks the statement as failed. */
async function expectMessage(page: Page, message: string): Promise<void> {
  const messagesTab = resultTabs(page).filter({ hasText: 'Messages' });
  await expect(messagesTab).toHaveAttribute('aria-selected', 'true');
  const messages = page.getByLabel('Messages', { exact: true });
  await expect(messages.locator('.message-error-text')).toHaveText(message);
  await expect(messages).toContainText('Statement 1');
  await expect(messages).toContainText('Failed');
  await expect(statusBar(page)).toContainText('Error');
}

test('a SQLite error is shown in Messages and marked in the editor; the next query on the tab runs', async ({ page, strata }) => {
  void strata;
  await expect(page.getByRole('tree')).toBeVisible();
  const sql = 'select * from no_such_table';
  await runInEditor(page, sql);
  await expectMessage(page, 'no such table: no_such_table');
  // SQLite does not say where in the statement the error is, so the whole statement is marked.
  await expectSquiggleUnder(page, sql, 0, sql.length, 'no such table: no_such_table');

  await runInEditor(page, "select 'works again' as after_error");
  await expect(gridCell(page, 0, 0)).toHaveText('works again');
  await expect(statusBar(page)).toContainText('1 row');
  await expect(page.locator('.monaco-editor .squiggly-error')).toHaveCount(0);
});

test('a PostgreSQL error is shown in Messages and marked where the server located it; the next query on the tab runs', async ({ page, strata }) => {
  void strata;
  const name = `strata_e2e_workbench_pg_${Date.now()}`;
  await createConnectionInDialog(page, { name, host: '127.0.0.1', port: 5432, database: 'postgres', user: 'postgres' });
  await connectionListItem(page, name).click();
  await expect(page.getByRole('toolbar', { name: 'Query' }).getByLabel('Connection for this tab').locator('option:checked')).toHaveText(name);

  const sql = 'select 1 +* 2';
  await runInEditor(page, sql);
  await expectMessage(page, 'operator does not exist: integer +* integer');
  const messages = page.getByLabel('Messages', { exact: true });
  await expect(messages).toContainText('Hint: No operator matches the given name and argument types.');
  await expect(messages).toContainText('SQLSTATE 42883');
  // The server puts the error at character 10, the "+*" operator.
  await expectSquiggleUnder(page, sql, 9, 10, 'operator does not exist: integer +* integer');

  await runInEditor(page, 'select 40 + 2 as answer');
  await expect(gridCell(page, 0, 0)).toHaveText('42');
  await expect(statusBar(page)).toContainText('1 row');
  await expect(page.locator('.monaco-editor .squiggly-error')).toHaveCount(0);
});
