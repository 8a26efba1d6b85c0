import { useCallback, useEffect, useState } from 'react';
import type { HistoryEntry } from '../../../shared/model/history';
import { historyConnectionId } from '../../store/history-slice';
import { Button } from '../../ui/Button';
import { Checkbox } from '../../ui/Checkbox';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Dialog } from '../../ui/Dialog';
import { TextField } from '../../ui/TextField';
import { HistoryList } from './HistoryList';
import { insertIntoEditor } from './insert-into-editor';
import { useDebouncedValue } from './use-debounced-value';
import { useStore } from '../../store';
import './history.css';

const SEARCH_DELAY_MS = 200;

/** Every statement the user ran, newest first: searchable as they type, for the current connection or all. */
export function HistoryDialog({ onClose }: { onClose: () => void }) {
  const view = useStore((s) => s.historyView);
  const loadHistory = useStore((s) => s.loadHistory);
  const loadMoreHistory = useStore((s) => s.loadMoreHistory);
  const connectionId = useStore(historyConnectionId);
  const connectionName = useStore((s) => s.connections.find((c) => c.id === connectionId)?.name ?? null);
  const [search, setSearch] = useState(view.search);
  const [allConnections, setAllConnections] = useState(view.allConnections);
  const [confirmClear, setConfirmClear] = useState(false);
  const debouncedSearch = useDebouncedValue(search, SEARCH_DELAY_MS);
  const everyConnection = allConnections || connectionId === null;

  useEffect(() => {
    void loadHistory({ search: debouncedSearch, allConnections: everyConnection });
  }, [debouncedSearch, everyConnection, connectionId, loadHistory]);

  const openEntry = useCallback(
    (entry: HistoryEntry) => {
      onClose();
      void useStore.getState().openHistoryEntry(entry);
    },
    [onClose],
  );

  const insertEntry = useCallback(
    (entry: HistoryEntry) => {
      const state = useStore.getState();
      onClose();
      state
        .historySql(entry)
        .then(insertIntoEditor)
        .catch((error: unknown) =>
          state.notify({ kind: 'error', title: 'Could not insert the statement', message: error instanceof Error ? error.message : String(error) }),
        );
    },
    [onClose],
  );

  const deleteEntry = useCallback((entry: HistoryEntry) => void useStore.getState().deleteHistoryEntry(entry.id), []);

  const clear = async () => {
    const deleted = await useStore.getState().clearHistory();
    useStore.getState().notify({ kind: 'success', title: 'History cleared', message: `${deleted.toLocaleString()} ${deleted === 1 ? 'statement' : 'statements'} deleted.` });
  };

  const scopeText = everyConnection ? 'every connection' : `"${connectionName ?? 'this connection'}"`;
  const emptyText = debouncedSearch.trim()
    ? 'No statement matches the search.'
    : `No statements yet for ${scopeText}. Statements you run appear here.`;

  return (
    <Dialog title="Query history" onClose={onClose} width={960} className="history-dialog">
      <div className="history-toolbar">
        <TextField
          label="Search"
          className="history-search"
          type="search"
          value={search}
          onChange={setSearch}
          placeholder="Text in the statement or the connection's name"
          maxLength={1000}
        />
        <Checkbox
          label="All connections"
          checked={everyConnection}
          disabled={connectionId === null}
          onChange={setAllConnections}
          hint={connectionId === null ? 'No connection is active.' : undefined}
        />
        <Button variant="danger" small className="history-clear" disabled={view.entries.length === 0} onClick={() => setConfirmClear(true)}>
          Clear history…
        </Button>
      </div>
      {view.notice ? (
        <div className="history-notice" role="status">
          <span>{view.notice}</span>
          <Button small variant="ghost" onClick={() => useStore.getState().dismissHistoryNotice()}>
            Dismiss
          </Button>
        </div>
      ) : null}
      {view.problem ? (
        <div className="history-problem" role="alert">
          The history could not be read: {view.problem}
        </div>
      ) : null}
      <HistoryList
        entries={view.entries}
        hasMore={view.nextCursor !== null}
        loading={view.loading}
        emptyText={emptyText}
        onLoadMore={loadMoreHistory}
        onOpen={openEntry}
        onInsert={insertEntry}
        onDelete={deleteEntry}
      />
      {confirmClear ? (
        <ConfirmDialog
          title="Clear history"
          message={`Delete the history of ${scopeText}? Saved queries are kept. This cannot be undone.`}
          confirmLabel="Clear history"
          danger
          onConfirm={clear}
          onClose={() => setConfirmClear(false)}
        />
      ) : null}
    </Dialog>
  );
}
