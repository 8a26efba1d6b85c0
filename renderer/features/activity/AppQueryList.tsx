import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { AppQueryEntry } from '../../../shared/model/activity';
import { PURPOSE_LABELS } from './purpose-summary';

const ESTIMATED_ROW_HEIGHT = 76;

interface AppQueryListProps {
  /** Newest first. */
  entries: readonly AppQueryEntry[];
  connectionName: (connectionId: string) => string;
}

function formatDuration(ms: number): string {
  return ms < 10 ? `${ms.toFixed(2)} ms` : `${Math.round(ms)} ms`;
}

function statusText(entry: AppQueryEntry): string {
  if (!entry.ok) return 'Failed';
  return entry.rows === undefined ? 'OK' : `OK · ${entry.rows} ${entry.rows === 1 ? 'row' : 'rows'}`;
}

/** The entries as plain text rows, virtualized: only the visible ones are in the page. */
export function AppQueryList({ entries, connectionName }: AppQueryListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the renderer is not compiled with React Compiler; the virtualizer re-renders through its own state.
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW_HEIGHT,
    getItemKey: (index) => entries[index]?.id ?? index,
    overscan: 8,
  });

  return (
    <div ref={scrollRef} className="activity-scroll">
      <div role="list" aria-label="Queries Strata ran" className="activity-list" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const entry = entries[item.index];
          return (
            <div
              key={item.key}
              role="listitem"
              data-index={item.index}
              ref={virtualizer.measureElement}
              className="activity-row"
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <div className="activity-meta">
                <time dateTime={entry.at}>{new Date(entry.at).toLocaleTimeString()}</time>
                <span className="activity-connection">{connectionName(entry.connectionId)}</span>
                <span className="activity-purpose">{PURPOSE_LABELS[entry.purpose]}</span>
                <span className="activity-duration">{formatDuration(entry.durationMs)}</span>
                <span className={entry.ok ? 'activity-status activity-ok' : 'activity-status activity-failed'}>{statusText(entry)}</span>
              </div>
              <pre className="activity-sql">{entry.sql}</pre>
              {entry.error ? <div className="activity-error">{entry.error}</div> : null}
            </div>
          );
        })}
      </div>
    </div>
  );
}
