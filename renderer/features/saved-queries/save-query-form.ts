import type { ConnectionProfile } from '../../../shared/model/connection';
import type { SavedQuery } from '../../../shared/model/history';
import type { SaveQueryRequest } from '../../store/history-slice';
import { ALL_CONNECTIONS_TITLE } from './group-saved-queries';

/** '' stands for "all connections" in the form's connection choice. */
export const FOR_ALL = '';

export interface SaveQueryDraft {
  name: string;
  /** A connection id, or FOR_ALL. */
  scope: string;
}

export interface ScopeOption {
  value: string;
  label: string;
}

/** What the form starts with: the saved query the tab came from, else the tab's title and connection. */
export function initialSaveDraft(tabTitle: string, tabConnectionId: string | null, linked: SavedQuery | undefined): SaveQueryDraft {
  if (linked) return { name: linked.name, scope: linked.connectionId ?? FOR_ALL };
  return { name: tabTitle.trim(), scope: tabConnectionId ?? FOR_ALL };
}

/** The connections a query can be saved for: the tab's, the linked query's if it differs, and all connections. */
export function scopeOptions(
  connections: readonly Pick<ConnectionProfile, 'id' | 'name'>[],
  tabConnectionId: string | null,
  linked: SavedQuery | undefined,
): ScopeOption[] {
  const ids = [...new Set([tabConnectionId, linked?.connectionId ?? null])].filter((id): id is string => id !== null);
  const options = ids.map((id) => ({ value: id, label: `Only ${connections.find((c) => c.id === id)?.name ?? 'a removed connection'}` }));
  return [...options, { value: FOR_ALL, label: ALL_CONNECTIONS_TITLE }];
}

function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** Saving under the linked query's name updates it; any other name saves a new query. */
export function isUpdate(draft: SaveQueryDraft, linked: SavedQuery | undefined): linked is SavedQuery {
  return linked !== undefined && sameName(draft.name, linked.name);
}

export function saveRequest(draft: SaveQueryDraft, sql: string, linked: SavedQuery | undefined): SaveQueryRequest {
  return {
    id: isUpdate(draft, linked) ? linked.id : undefined,
    connectionId: draft.scope === FOR_ALL ? null : draft.scope,
    name: draft.name.trim(),
    sql,
  };
}
