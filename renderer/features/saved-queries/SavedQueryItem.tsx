import { useState } from 'react';
import { MAX_SAVED_QUERY_NAME, type SavedQuery } from '../../../shared/model/history';
import { Button } from '../../ui/Button';
import { oneLine } from '../history/history-format';

interface SavedQueryItemProps {
  query: SavedQuery;
  onOpen: (query: SavedQuery) => void;
  /** Throws with a message to show (a taken name…). */
  onRename: (query: SavedQuery, name: string) => Promise<void>;
  onDelete: (query: SavedQuery) => void;
}

/** One saved query: its name and SQL on one line, with open, rename (inline) and delete. */
export function SavedQueryItem({ query, onOpen, onRename, onDelete }: SavedQueryItemProps) {
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(query.name);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const startRename = () => {
    setName(query.name);
    setProblem(null);
    setRenaming(true);
  };

  const submitRename = async () => {
    if (busy) return;
    if (!name.trim()) {
      setProblem('Give the query a name.');
      return;
    }
    if (name.trim() === query.name) {
      setRenaming(false);
      return;
    }
    setBusy(true);
    try {
      await onRename(query, name);
      setRenaming(false);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="saved-query">
      {renaming ? (
        <div className="saved-query-rename">
          <input
            className={problem ? 'input input-invalid' : 'input'}
            aria-label={`New name for ${query.name}`}
            value={name}
            maxLength={MAX_SAVED_QUERY_NAME}
            autoFocus
            onFocus={(event) => event.target.select()}
            onChange={(event) => setName(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                void submitRename();
              } else if (event.key === 'Escape') {
                // Esc ends the rename, not the dialog around it.
                event.preventDefault();
                event.stopPropagation();
                setRenaming(false);
              }
            }}
          />
          <Button small variant="primary" disabled={busy} onClick={() => void submitRename()}>
            Rename
          </Button>
          <Button small onClick={() => setRenaming(false)}>
            Cancel
          </Button>
          {problem ? (
            <div className="field-error saved-query-problem" role="alert">
              {problem}
            </div>
          ) : null}
        </div>
      ) : (
        <div className="saved-query-head">
          <button type="button" className="saved-query-open" title="Open in a new tab" onClick={() => onOpen(query)}>
            <span className="saved-query-name">{query.name}</span>
            <span className="saved-query-sql">{oneLine(query.sql)}</span>
          </button>
          <span className="saved-query-actions">
            <Button small variant="ghost" onClick={() => onOpen(query)}>
              Open
            </Button>
            <Button small variant="ghost" onClick={startRename}>
              Rename
            </Button>
            <Button small variant="ghost" onClick={() => onDelete(query)}>
              Delete
            </Button>
          </span>
        </div>
      )}
    </li>
  );
}
