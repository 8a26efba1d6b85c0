import { APP_QUERY_PURPOSES, type AppQueryEntry, type AppQueryPurpose } from '../../../shared/model/activity';

const NOUNS: Record<AppQueryPurpose, [singular: string, plural: string]> = {
  introspection: ['introspection query', 'introspection queries'],
  health: ['health check', 'health checks'],
  cancel: ['cancel request', 'cancel requests'],
  session: ['session statement', 'session statements'],
  test: ['connection test query', 'connection test queries'],
};

export const PURPOSE_LABELS: Record<AppQueryPurpose, string> = {
  introspection: 'Introspection',
  health: 'Health check',
  cancel: 'Cancel',
  session: 'Session',
  test: 'Connection test',
};

/** "12 introspection queries, 3 health checks": the purposes present, in a fixed order. */
export function purposeSummary(entries: readonly AppQueryEntry[]): string {
  const counts = new Map<AppQueryPurpose, number>();
  for (const entry of entries) counts.set(entry.purpose, (counts.get(entry.purpose) ?? 0) + 1);
  const parts = APP_QUERY_PURPOSES.flatMap((purpose) => {
    const count = counts.get(purpose) ?? 0;
    if (count === 0) return [];
    const [singular, plural] = NOUNS[purpose];
    return [`${count} ${count === 1 ? singular : plural}`];
  });
  return parts.length === 0 ? 'No queries yet' : parts.join(', ');
}
