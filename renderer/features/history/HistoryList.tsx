import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import type { HistoryEntry } from '../../../shared/model/history';
import { HistoryEntryRow } from './HistoryEntryRow';

const ESTIMATED_ROW_HEIGHT = 58;
/** Rows from the end at which the next page is asked for. */
const LOAD_MORE_WITHIN = 10;

interface HistoryListProps {
  /** Newest first. */
  entries: readonly HistoryEntry[];
  hasMore: boolean;
  loading: boolean;
  emptyText: string;
  onLoadMore: () => void;
  onOpen: (entry: HistoryEntry) => void;
  onInsert: (entry: HistoryEntry) => void;
  onDelete: (entry: HistoryEntry) => void;
}

/** The entries, virtualized: only the visible rows are in the page; scrolling near the end loads older ones. */
export function HistoryList({ entries, hasMore, loading, emptyText, onLoadMore, onOpen, onInsert, onDelete }: HistoryListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(() => new Set());
  // eslint-disable-next-line react-hooks/incompatible-library -- the renderer is not compiled with React Compiler; the virtualizer re-renders through its own state.
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW_HEIGHT,
    getItemKey: (index) => entries[index]?.id ?? index,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const lastShown = items.at(-1)?.index ?? -1;

  useEffect(() => {
    if (hasMore && !loading && lastShown >= entries.length - LOAD_MORE_WITHIN) onLoadMore();
  }, [hasMore, loading, lastShown, entries.length, onLoadMore]);

  const toggle = (id: number) =>
    setExpanded((previous) => {
      const next = new Set(previous);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  return (
    <div ref={scrollRef} className="history-scroll">
      {entries.length === 0 ? (
        <div className="history-empty">{loading ? 'Loading…' : emptyText}</div>
      ) : (
        <div role="list" aria-label="Query history" aria-busy={loading} className="history-list" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const entry = entries[item.index];
            return (
              <div
                key={item.key}
                role="listitem"
                data-index={item.index}
                ref={virtualizer.measureElement}
                className={`history-row${entry.status === 'ok' ? '' : ' history-row-failed'}`}
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <HistoryEntryRow
                  entry={entry}
                  expanded={expanded.has(entry.id)}
                  onToggle={() => toggle(entry.id)}
                  onOpen={onOpen}
                  onInsert={onInsert}
                  onDelete={onDelete}
                />
              </div>
            );
          })}
        </div>
      )}
      {entries.length > 0 && loading ? <div className="history-more">Loading older statements…</div> : null}
    </div>
  );
}
