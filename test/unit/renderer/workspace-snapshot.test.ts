import { describe, expect, it } from 'vitest';
import { workspaceSchema, type EditorTab } from '../../../shared/model/workspace';
import { nextTabTitle } from '../../../renderer/features/editor/tab-titles';
import { MAX_SAVED_TABS, restoredTabs, toWorkspace, workspaceChanged } from '../../../renderer/store/workspace-snapshot';

const tab = (id: string, sql = 'select 1', connectionId: string | null = 'c1'): EditorTab => ({
  id,
  title: `Tab ${id}`,
  connectionId,
  sql,
  cursorOffset: 0,
});

describe('workspace snapshot', () => {
  it('saves tabs in order with their text, cursor and connection, accepted by the contract', () => {
    const tabs = [tab('a', 'select 1;\nselect 2'), { ...tab('b', 'select * from "t"'), cursorOffset: 5 }];
    const workspace = toWorkspace({ tabs, activeTabId: 'b', activeConnectionId: 'c1', theme: 'dark' });
    expect(workspace).toEqual({ tabs, activeTabId: 'b', activeConnectionId: 'c1', theme: 'dark' });
    expect(workspaceSchema.safeParse(workspace).success).toBe(true);
  });

  it('stays within the limits the host accepts, keeping the active tab valid', () => {
    const many = Array.from({ length: MAX_SAVED_TABS + 5 }, (_, i) => tab(`t${i}`));
    const tooLong = tab('huge', 'x'.repeat(10_000_001));
    const workspace = toWorkspace({ tabs: [tooLong, ...many], activeTabId: 'huge', activeConnectionId: null, theme: 'system' });
    expect(workspace.tabs).toHaveLength(MAX_SAVED_TABS);
    expect(workspace.tabs.some((t) => t.id === 'huge')).toBe(false);
    expect(workspace.activeTabId).toBe('t0');
    expect(workspaceSchema.safeParse(workspace).success).toBe(true);
  });

  it('has no active tab when there are no tabs', () => {
    expect(toWorkspace({ tabs: [], activeTabId: 'gone', activeConnectionId: null, theme: 'light' }).activeTabId).toBeNull();
  });

  it('reopens tabs whose connection was deleted on the active connection', () => {
    const restored = restoredTabs(
      { tabs: [tab('a', 's', 'kept'), tab('b', 's', 'deleted'), tab('c', 's', null)], activeTabId: 'a', activeConnectionId: null, theme: 'dark' },
      new Set(['kept']),
    );
    expect(restored.map((t) => t.connectionId)).toEqual(['kept', null, null]);
  });

  it('notices only changes that the workspace saves', () => {
    const base = { tabs: [tab('a')], activeTabId: 'a', activeConnectionId: null, theme: 'dark' as const };
    expect(workspaceChanged({ ...base }, base)).toBe(false);
    expect(workspaceChanged({ ...base, tabs: [tab('a')] }, base)).toBe(true);
    expect(workspaceChanged({ ...base, theme: 'light' }, base)).toBe(true);
    expect(workspaceChanged({ ...base, activeConnectionId: 'c2' }, base)).toBe(true);
  });
});

describe('nextTabTitle', () => {
  it('picks the smallest free "Query N"', () => {
    expect(nextTabTitle([])).toBe('Query 1');
    expect(nextTabTitle([{ title: 'Query 1' }, { title: 'Query 3' }, { title: 'users' }])).toBe('Query 2');
    expect(nextTabTitle([{ title: 'Query 1' }, { title: 'Query 2' }])).toBe('Query 3');
  });
});
