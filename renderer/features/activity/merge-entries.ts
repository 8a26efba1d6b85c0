import type { AppQueryEntry } from '../../../shared/model/activity';

/** The renderer keeps no more entries than the core does. */
export const MAX_KEPT_ENTRIES = 2000;

/** Adds newly fetched entries (oldest first) to those held, dropping repeats and the oldest beyond the limit. */
export function mergeEntries(held: readonly AppQueryEntry[], fetched: readonly AppQueryEntry[]): AppQueryEntry[] {
  const lastHeld = held.at(-1)?.id ?? 0;
  const fresh = fetched.filter((entry) => entry.id > lastHeld);
  if (fresh.length === 0) return held as AppQueryEntry[];
  const merged = [...held, ...fresh];
  return merged.length > MAX_KEPT_ENTRIES ? merged.slice(merged.length - MAX_KEPT_ENTRIES) : merged;
}
