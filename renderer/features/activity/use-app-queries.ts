import { useEffect, useState } from 'react';
import type { AppQueryEntry } from '../../../shared/model/activity';
import { api } from '../../bridge';
import { mergeEntries } from './merge-entries';

const POLL_MS = 2000;

export interface AppQueriesState {
  entries: AppQueryEntry[];
  /** Why the log could not be read, or null. */
  problem: string | null;
}

/** The core's log of its own queries, oldest first, refreshed every POLL_MS while mounted. Reading it sends nothing to any server. */
export function useAppQueries(): AppQueriesState {
  const [state, setState] = useState<AppQueriesState>({ entries: [], problem: null });

  useEffect(() => {
    let stopped = false;
    let lastId = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const page = await api.invoke('activity/app-queries', { sinceId: lastId });
        if (stopped) return;
        lastId = page.entries.at(-1)?.id ?? lastId;
        setState((previous) => ({ entries: mergeEntries(previous.entries, page.entries), problem: null }));
      } catch (error) {
        if (stopped) return;
        setState((previous) => ({ ...previous, problem: error instanceof Error ? error.message : String(error) }));
      }
      if (!stopped) timer = setTimeout(() => void poll(), POLL_MS);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, []);

  return state;
}
