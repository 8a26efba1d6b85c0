import type { CatalogReader } from './introspector';

/**
 * The session's effective search_path: the schemas of its setting that exist and that the user may
 * use, `$user` resolved, in order, without the implicit pg_catalog and pg_temp.
 */
export const SEARCH_PATH_QUERY = `
  SELECT s.name
  FROM unnest(current_schemas(false)) WITH ORDINALITY AS s(name, position)
  ORDER BY s.position`;

/** Where unqualified names resolve in a new session on `database` (the role's and database's settings apply). */
export async function readSearchPath(read: CatalogReader, database: string): Promise<string[]> {
  const rows = await read<{ name: string }>(database, SEARCH_PATH_QUERY);
  return rows.map((row) => row.name);
}
