import type { CatalogReader } from './introspector';

/** The session's default database, NULL when none is selected. */
export const CURRENT_DATABASE_QUERY = 'SELECT DATABASE() AS name';

/** The database unqualified names resolve in for a new session (the profile's), or none. */
export async function readSearchPath(read: CatalogReader): Promise<string[]> {
  const [row] = await read<{ name: string | null }>(CURRENT_DATABASE_QUERY, []);
  return row?.name ? [row.name] : [];
}
