import { HISTORY_SHORTCUTS } from '../history/history-shortcuts';
import { useStore } from '../../store';
import { SavedQueriesIcon } from '../../ui/icons';

/** For the editor toolbar: saves the tab's text as a named query (also Ctrl/Cmd+S). */
export function SaveQueryButton({ tabId }: { tabId: string }) {
  const requestSaveQuery = useStore((s) => s.requestSaveQuery);
  const empty = useStore((s) => !/\S/.test(s.tabs.find((t) => t.id === tabId)?.sql ?? ''));
  return (
    <button
      type="button"
      className="icon-btn"
      aria-label="Save query"
      title={`Save this query by name (${HISTORY_SHORTCUTS.saveQuery})`}
      disabled={empty}
      onClick={() => requestSaveQuery(tabId)}
    >
      <SavedQueriesIcon size={14} />
    </button>
  );
}
