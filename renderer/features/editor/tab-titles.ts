import type { EditorTab } from '../../../shared/model/workspace';

/** "Query 1", "Query 2", …: the smallest number no open tab uses. */
export function nextTabTitle(tabs: readonly Pick<EditorTab, 'title'>[]): string {
  const used = new Set<number>();
  for (const tab of tabs) {
    const match = /^Query (\d+)$/.exec(tab.title);
    if (match) used.add(Number(match[1]));
  }
  let number = 1;
  while (used.has(number)) number++;
  return `Query ${number}`;
}
