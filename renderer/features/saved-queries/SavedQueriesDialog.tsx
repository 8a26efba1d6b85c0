import { useEffect, useMemo, useState } from 'react';
import type { SavedQuery } from '../../../shared/model/history';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Dialog } from '../../ui/Dialog';
import { TextField } from '../../ui/TextField';
import { useStore } from '../../store';
import { groupSavedQueries } from './group-saved-queries';
import { SavedQueryItem } from './SavedQueryItem';
import './saved-queries.css';

/** The saved queries, grouped by connection (those for all connections first), to open, rename or delete. */
export function SavedQueriesDialog({ onClose }: { onClose: () => void }) {
  const savedQueries = useStore((s) => s.savedQueries);
  const loading = useStore((s) => s.savedQueriesLoading);
  const problem = useStore((s) => s.savedQueriesProblem);
  const connections = useStore((s) => s.connections);
  const loadSavedQueries = useStore((s) => s.loadSavedQueries);
  const [filter, setFilter] = useState('');
  const [deleting, setDeleting] = useState<SavedQuery | null>(null);
  const groups = useMemo(() => groupSavedQueries(savedQueries, connections, filter), [savedQueries, connections, filter]);

  useEffect(() => {
    void loadSavedQueries();
  }, [loadSavedQueries]);

  const open = (query: SavedQuery) => {
    onClose();
    useStore.getState().openSavedQuery(query);
  };

  const rename = async (query: SavedQuery, name: string) => {
    await useStore.getState().renameSavedQuery(query, name);
  };

  const emptyText = loading
    ? 'Loading…'
    : savedQueries.length === 0
      ? 'No saved queries yet. Save the text of a tab with "Save query" in its toolbar.'
      : 'No saved query matches the filter.';

  return (
    <Dialog title="Saved queries" onClose={onClose} width={760} className="saved-queries-dialog">
      <TextField label="Filter" type="search" value={filter} onChange={setFilter} placeholder="Name or SQL" className="saved-queries-filter" />
      {problem ? (
        <div className="saved-queries-problem" role="alert">
          The saved queries could not be read: {problem}
        </div>
      ) : null}
      <div className="saved-queries-scroll">
        {groups.length === 0 ? <div className="saved-queries-empty">{emptyText}</div> : null}
        {groups.map((group) => (
          <section key={group.key} className="saved-queries-group" aria-label={group.title}>
            <h3 className="saved-queries-group-title">{group.title}</h3>
            <ul className="saved-queries-list">
              {group.queries.map((query) => (
                <SavedQueryItem key={query.id} query={query} onOpen={open} onRename={rename} onDelete={setDeleting} />
              ))}
            </ul>
          </section>
        ))}
      </div>
      {deleting ? (
        <ConfirmDialog
          title="Delete saved query"
          message={`Delete the saved query "${deleting.name}"? This cannot be undone.`}
          confirmLabel="Delete"
          danger
          onConfirm={() => useStore.getState().deleteSavedQuery(deleting.id)}
          onClose={() => setDeleting(null)}
        />
      ) : null}
    </Dialog>
  );
}
