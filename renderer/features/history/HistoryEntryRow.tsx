import { useEffect, useState } from 'react';
import { MAX_HISTORY_SQL_CHARS, type HistoryEntry } from '../../../shared/model/history';
import { IconButton } from '../../ui/Button';
import { ChevronIcon, InsertIcon, NewTabIcon, TrashIcon } from '../../ui/icons';
import { formatDuration, formatStartedAt, oneLine, resultSummary, STATUS_LABELS } from './history-format';
import { useStore } from '../../store';

interface HistoryEntryRowProps {
  entry: HistoryEntry;
  expanded: boolean;
  onToggle: () => void;
  onOpen: (entry: HistoryEntry) => void;
  onInsert: (entry: HistoryEntry) => void;
  onDelete: (entry: HistoryEntry) => void;
}

/** One statement: when, where, how long, how many rows, how it ended, and the SQL on one line (all of it when expanded). All as text. */
export function HistoryEntryRow({ entry, expanded, onToggle, onOpen, onInsert, onDelete }: HistoryEntryRowProps) {
  const summary = resultSummary(entry);
  return (
    <>
      <div className="history-meta">
        <time dateTime={entry.startedAt} title={new Date(entry.startedAt).toLocaleString()}>
          {formatStartedAt(entry.startedAt)}
        </time>
        <span className="history-connection">{entry.connectionName}</span>
        <span className="history-duration">{formatDuration(entry.durationMs)}</span>
        {summary ? <span className="history-rows">{summary}</span> : null}
        <span className={`history-status history-status-${entry.status}`} title={entry.errorMessage ?? undefined}>
          {STATUS_LABELS[entry.status]}
        </span>
        <span className="history-actions">
          <IconButton label="Open in new tab" onClick={() => onOpen(entry)}>
            <NewTabIcon size={14} />
          </IconButton>
          <IconButton label="Insert into editor" onClick={() => onInsert(entry)}>
            <InsertIcon size={14} />
          </IconButton>
          <IconButton label="Delete from history" onClick={() => onDelete(entry)}>
            <TrashIcon size={14} />
          </IconButton>
        </span>
      </div>
      <button type="button" className="history-sql-line" aria-expanded={expanded} onClick={onToggle} title={expanded ? 'Show less' : 'Show the whole statement'}>
        <ChevronIcon size={12} className="history-chevron" />
        <span className="history-sql-text">{oneLine(entry.sql)}</span>
      </button>
      {expanded ? <ExpandedEntry entry={entry} /> : null}
    </>
  );
}

function ExpandedEntry({ entry }: { entry: HistoryEntry }) {
  const historySql = useStore((s) => s.historySql);
  const [full, setFull] = useState<{ sql: string | null; problem: string | null }>({ sql: entry.sqlPreviewOnly ? null : entry.sql, problem: null });

  useEffect(() => {
    if (!entry.sqlPreviewOnly) return;
    let current = true;
    historySql(entry).then(
      (sql) => current && setFull({ sql, problem: null }),
      (error: unknown) => current && setFull({ sql: null, problem: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, [entry, historySql]);

  return (
    <div className="history-expanded">
      {full.problem ? (
        <div className="history-problem" role="alert">
          The statement could not be read: {full.problem}
        </div>
      ) : (
        <pre className="history-sql-full">{full.sql ?? entry.sql}</pre>
      )}
      {entry.sqlTruncated ? (
        <div className="history-note">
          Only the first {MAX_HISTORY_SQL_CHARS.toLocaleString()} of {entry.sqlLength.toLocaleString()} characters were kept.
        </div>
      ) : null}
      {entry.errorMessage ? <div className="history-error">{entry.errorMessage}</div> : null}
    </div>
  );
}
