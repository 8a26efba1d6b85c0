import { useStore } from '../../store';
import { isRunActive } from '../results/run-state';
import { dialectFor, pickRunTarget, type RunScope } from './run-target';

/** What the commands need from the editor, which loads separately (Monaco is big). */
export interface EditorAccess {
  /** The tab's text and selection as the editor holds them, or null when it has not shown the tab. */
  read(tabId: string): { text: string; selection: { start: number; end: number } } | null;
  focus(): void;
  /** Formats the selection, or the whole text, of the tab the editor shows. */
  format(): void;
}

let editorAccess: EditorAccess | null = null;

export function setEditorAccess(access: EditorAccess | null): void {
  editorAccess = access;
}

export function focusEditor(): void {
  editorAccess?.focus();
}

/** The connection a tab runs on: its own, else the active connection. */
export function effectiveConnectionId(tabConnectionId: string | null, activeConnectionId: string | null): string | null {
  return tabConnectionId ?? activeConnectionId;
}

/** Runs the active tab: the selection or the statement under the cursor, or everything for 'all'. */
export function runActiveTab(scope: RunScope): void {
  const state = useStore.getState();
  const tab = state.tabs.find((t) => t.id === state.activeTabId);
  if (!tab) return;
  const { text, selection } = editorAccess?.read(tab.id) ?? { text: tab.sql, selection: { start: tab.cursorOffset, end: tab.cursorOffset } };
  const connectionId = effectiveConnectionId(tab.connectionId, state.activeConnectionId);
  const engine = state.connections.find((c) => c.id === connectionId)?.engine ?? null;
  const target = pickRunTarget(text, selection, scope, dialectFor(engine));
  if (!target) {
    state.notify({ kind: 'info', title: 'Nothing to run', message: 'Write a statement in the editor, or put the cursor on one.' });
    return;
  }
  void state.runTab(tab.id, target);
}

/** EXPLAINs the selection or the statement under the cursor of the active tab. */
export function explainActiveTab(analyze: boolean): void {
  const state = useStore.getState();
  const tab = state.tabs.find((t) => t.id === state.activeTabId);
  if (!tab) return;
  const { text, selection } = editorAccess?.read(tab.id) ?? { text: tab.sql, selection: { start: tab.cursorOffset, end: tab.cursorOffset } };
  const connectionId = effectiveConnectionId(tab.connectionId, state.activeConnectionId);
  const engine = state.connections.find((c) => c.id === connectionId)?.engine ?? null;
  const target = pickRunTarget(text, selection, 'statement', dialectFor(engine));
  if (!target) {
    state.notify({ kind: 'info', title: 'Nothing to explain', message: 'Put the cursor on a statement, or select one, first.' });
    return;
  }
  void state.explainTab(tab.id, target, analyze);
}

export function formatActiveTab(): void {
  editorAccess?.format();
  editorAccess?.focus();
}

/** Stops what the active tab is running: its query, its EXPLAIN, or both. */
export function cancelActiveTab(): void {
  const state = useStore.getState();
  const tabId = state.activeTabId;
  if (!tabId) return;
  if (isRunActive(state.runs[tabId])) void state.cancelRun(tabId);
  if (state.plans[tabId]?.status === 'running') void state.cancelExplain(tabId);
}
