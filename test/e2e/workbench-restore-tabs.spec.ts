import { editorTab, editorText, pasteIntoEditor } from './app-ui';
import { expect, test } from './workbench-host';

const FIRST_TAB_TEXT = "select name from customers where name like 'A%'";
// Indentation, a blank line, trailing spaces, quotes and non-ASCII text: all must come back exactly.
const DRAFT_TAB_TITLE = 'Orders draft';
const DRAFT_TAB_TEXT = [
  '-- draft, never run',
  'select c.name,',
  '       count(o.id) as orders   ',
  '',
  "from customers c  -- café ✓ 'quoted' \"name\"",
  'join orders o on o.customer_id = c.id',
  'group by c.name',
].join('\n');

test('open tabs, their unsaved text, titles and the active tab survive restarting the host', async ({ page, host }) => {
  await expect(page.getByRole('tree')).toBeVisible();
  const firstTab = editorTab(page, 'Query 1');
  await expect(firstTab).toHaveAttribute('aria-selected', 'true');
  await pasteIntoEditor(page, FIRST_TAB_TEXT);

  await page.getByRole('button', { name: 'New tab' }).click();
  const secondTab = editorTab(page, 'Query 2');
  await expect(secondTab).toHaveAttribute('aria-selected', 'true');
  await pasteIntoEditor(page, DRAFT_TAB_TEXT);
  await secondTab.dblclick();
  await page.getByRole('textbox', { name: 'Tab name' }).fill(DRAFT_TAB_TITLE);
  await page.getByRole('textbox', { name: 'Tab name' }).press('Enter');
  const draftTab = editorTab(page, DRAFT_TAB_TITLE);
  await expect(draftTab).toHaveAttribute('aria-selected', 'true');

  // The app saves shortly after a change; quit only once the host has written this state.
  await expect
    .poll(async () => {
      const saved = await host.savedWorkspace();
      return saved && { tabs: saved.tabs.map((t) => [t.title, t.sql]), active: saved.tabs.find((t) => t.id === saved.activeTabId)?.title };
    }, { message: 'the host has saved both tabs and the active one' })
    .toEqual({ tabs: [['Query 1', FIRST_TAB_TEXT], [DRAFT_TAB_TITLE, DRAFT_TAB_TEXT]], active: DRAFT_TAB_TITLE });

  const before = host.server();
  await host.restart();
  expect(host.server().child.pid, 'a new serve.cjs process').not.toBe(before.child.pid);

  await expect(page.getByRole('tree')).toBeVisible();
  const tabs = page.getByRole('tablist', { name: 'Editor tabs' }).getByRole('tab');
  await expect(tabs).toHaveCount(2);
  await expect(tabs.locator('.tab-title')).toHaveText(['Query 1', DRAFT_TAB_TITLE]);
  // The tab that was active is active again (not simply the first one), and shows its text exactly.
  await expect(draftTab).toHaveAttribute('aria-selected', 'true');
  await expect(firstTab).toHaveAttribute('aria-selected', 'false');
  await expect.poll(() => editorText(page)).toBe(DRAFT_TAB_TEXT);

  await firstTab.click();
  await expect(firstTab).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => editorText(page)).toBe(FIRST_TAB_TEXT);
});
