import type { ConnectionProfile } from '../../../shared/model/connection';
import type { SavedQuery } from '../../../shared/model/history';

export interface SavedQueryGroup {
  /** The connection's id, or '' for queries saved for all connections. */
  key: string;
  title: string;
  queries: SavedQuery[];
}

export const ALL_CONNECTIONS_TITLE = 'All connections';
const REMOVED_CONNECTION_TITLE = 'Removed connection';

/**
 * The saved queries by connection: those for all connections first, then one group per connection
 * by name (groups of deleted connections last), each sorted by name. A filter, when given, keeps
 * queries whose name or SQL contains it, ignoring case.
 */
export function groupSavedQueries(queries: readonly SavedQuery[], connections: readonly Pick<ConnectionProfile, 'id' | 'name'>[], filter = ''): SavedQueryGroup[] {
  const needle = filter.trim().toLowerCase();
  const names = new Map(connections.map((connection) => [connection.id, connection.name]));
  const groups = new Map<string, SavedQueryGroup>();
  for (const query of queries) {
    if (needle && !query.name.toLowerCase().includes(needle) && !query.sql.toLowerCase().includes(needle)) continue;
    const key = query.connectionId ?? '';
    let group = groups.get(key);
    if (!group) {
      const title = key === '' ? ALL_CONNECTIONS_TITLE : (names.get(key) ?? REMOVED_CONNECTION_TITLE);
      group = { key, title, queries: [] };
      groups.set(key, group);
    }
    group.queries.push(query);
  }
  const rank = (group: SavedQueryGroup) => (group.key === '' ? 0 : names.has(group.key) ? 1 : 2);
  const byName = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'base' });
  const sorted = [...groups.values()].sort((a, b) => rank(a) - rank(b) || byName(a.title, b.title) || a.key.localeCompare(b.key));
  for (const group of sorted) group.queries.sort((a, b) => byName(a.name, b.name) || a.id.localeCompare(b.id));
  return sorted;
}
