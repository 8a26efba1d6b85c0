import { useEffect } from 'react';
import { SavedQueriesDialog } from '../saved-queries/SavedQueriesDialog';
import { SaveQueryDialog } from '../saved-queries/SaveQueryDialog';
import { HistoryDialog } from './HistoryDialog';
import { useHistoryShortcuts } from './use-history-shortcuts';
import { useStore } from '../../store';

/**
 * Mounted once in the app: the history, saved-queries and "Save query" dialogs, shown when the store
 * says so (buttons and shortcuts only flip those flags), and the keyboard shortcuts that open them.
 * At mount it asks whether the history store had to be replaced, so the user is told at once.
 */
export function HistoryDialogsHost() {
  useHistoryShortcuts();
  useEffect(() => {
    void useStore.getState().checkHistoryNotice();
  }, []);
  const historyOpen = useStore((s) => s.historyOpen);
  const savedQueriesOpen = useStore((s) => s.savedQueriesOpen);
  const saveQueryTabId = useStore((s) => s.saveQueryTabId);
  const setHistoryOpen = useStore((s) => s.setHistoryOpen);
  const setSavedQueriesOpen = useStore((s) => s.setSavedQueriesOpen);
  const closeSaveQuery = useStore((s) => s.closeSaveQuery);
  return (
    <>
      {historyOpen ? <HistoryDialog onClose={() => setHistoryOpen(false)} /> : null}
      {savedQueriesOpen ? <SavedQueriesDialog onClose={() => setSavedQueriesOpen(false)} /> : null}
      {saveQueryTabId ? <SaveQueryDialog key={saveQueryTabId} tabId={saveQueryTabId} onClose={closeSaveQuery} /> : null}
    </>
  );
}
