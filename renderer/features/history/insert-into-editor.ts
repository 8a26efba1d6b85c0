import { useStore } from '../../store';

/**
 * Puts `text` into the active tab where its cursor is, replacing the selection, as one undoable edit,
 * and focuses the editor. Without a tab, opens one with the text. Monaco loads with the editor, so it
 * is only imported here when a tab exists, and then it is already loaded.
 */
export async function insertIntoEditor(text: string): Promise<void> {
  const state = useStore.getState();
  const tab = state.tabs.find((t) => t.id === state.activeTabId);
  if (!tab) {
    state.openTab({ title: '', connectionId: null, sql: text });
    return;
  }
  const [{ getTabModel }, { monaco }] = await Promise.all([import('../editor/editor-models'), import('../editor/monaco-setup')]);
  const model = getTabModel(tab.id);
  if (!model) {
    // The editor has not shown this tab yet: it will build the tab's model from the stored text.
    const at = Math.min(tab.cursorOffset, tab.sql.length);
    useStore.getState().updateTabSql(tab.id, tab.sql.slice(0, at) + text + tab.sql.slice(at), at + text.length);
    return;
  }
  const editor = monaco.editor.getEditors().find((candidate) => candidate.getModel() === model);
  if (!editor) {
    const position = model.getPositionAt(tab.cursorOffset);
    model.pushEditOperations([], [{ range: monaco.Range.fromPositions(position), text }], () => null);
    return;
  }
  const selection = editor.getSelection() ?? monaco.Selection.fromPositions(model.getPositionAt(tab.cursorOffset));
  editor.pushUndoStop();
  editor.executeEdits('strata-history', [{ range: selection, text, forceMoveMarkers: true }]);
  editor.pushUndoStop();
  editor.focus();
}
