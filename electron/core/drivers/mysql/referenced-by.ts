import type { PathSegment, SchemaNode } from '../../../../shared/model/schema';
import { quoteIdentifier } from '../../../../shared/sql/quote';

/** One row of REFERENCED_BY_QUERY. */
export interface ReferencedByRow {
  kind: 'relation' | 'foreign-key';
  name: string | null;
  from_table: string | null;
  from_column: string | null;
  seq: number | string;
}

const quoteIfNeeded = (name: string) => (/^[A-Za-z_][A-Za-z0-9_$]*$/.test(name) ? name : quoteIdentifier('mysql', name));

/**
 * The foreign keys pointing at a table, named table.constraint (quoted where a name needs it, so the
 * pair stays unambiguous), by table then name; detail: their columns. Null when the table does not exist.
 */
export function referencedByChildren(rows: ReferencedByRow[], parent: PathSegment[]): SchemaNode[] | null {
  if (!rows.some((row) => row.kind === 'relation')) return null;
  const keys = new Map<string, { table: string; name: string; columns: { column: string; seq: number }[] }>();
  for (const row of rows) {
    if (row.kind !== 'foreign-key' || row.name === null || row.from_table === null) continue;
    const id = `${quoteIfNeeded(row.from_table)}.${quoteIfNeeded(row.name)}`;
    const key = keys.get(id) ?? { table: row.from_table, name: row.name, columns: [] };
    key.columns.push({ column: row.from_column ?? '', seq: Number(row.seq) });
    keys.set(id, key);
  }
  const ordered = [...keys].sort(([, a], [, b]) => compare(a.table, b.table) || compare(a.name, b.name));
  return ordered.map(([id, key]) => {
    const columns = key.columns.sort((a, b) => a.seq - b.seq).map((part) => part.column);
    return { kind: 'foreign-key', name: id, path: [...parent, { kind: 'foreign-key', name: id }], hasChildren: false, detail: `(${columns.join(', ')})` };
  });
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
