import { z } from 'zod';

export const SCHEMA_NODE_KINDS = [
  'database',
  'schema',
  'group',
  'table',
  'view',
  'materialized-view',
  'function',
  'sequence',
  'index',
  'trigger',
  'column',
  'foreign-key',
  'procedure',
  'constraint',
  'policy',
  'extension',
  'type',
  'role',
  'event',
] as const;
export type SchemaNodeKind = (typeof SCHEMA_NODE_KINDS)[number];

/** One step of the path from the root of a connection's tree to a node. */
export interface PathSegment {
  kind: SchemaNodeKind;
  name: string;
}

export const pathSegmentSchema = z.strictObject({
  kind: z.enum(SCHEMA_NODE_KINDS),
  name: z.string().max(1024),
});
export const schemaPathSchema = z.array(pathSegmentSchema).max(16);

/**
 * One child as `schema/children` returns it: without its path, which is the parent's path the caller
 * asked for followed by `{ kind, name }`. Repeating the parent path in every child multiplied the reply
 * of a 10k-table schema by five.
 */
export interface SchemaChild {
  kind: SchemaNodeKind;
  name: string;
  hasChildren: boolean;
  /** A short secondary text: a column's type, a group's count, a function's arguments. */
  detail?: string;
}

/** A child with its full path, as the introspectors build it. */
export interface SchemaNode extends SchemaChild {
  /** Path from the root, ending with this node. Its identity in the tree. */
  path: PathSegment[];
}

/**
 * `schema/children`'s reply: the children column by column, child i being kinds[i], names[i],
 * hasChildren[i] and details[i]. Columns encode and parse several times faster than one object per
 * child, which matters for schemas of 10k+ tables.
 */
export interface SchemaChildList {
  kinds: SchemaNodeKind[];
  names: string[];
  hasChildren: boolean[];
  /** Each child's detail, or null when it has none. */
  details: (string | null)[];
}

export function toChildList(children: readonly SchemaChild[]): SchemaChildList {
  const list: SchemaChildList = { kinds: [], names: [], hasChildren: [], details: [] };
  for (const child of children) {
    list.kinds.push(child.kind);
    list.names.push(child.name);
    list.hasChildren.push(child.hasChildren);
    list.details.push(child.detail ?? null);
  }
  return list;
}

export function fromChildList(list: SchemaChildList): SchemaChild[] {
  return list.names.map((name, index) => {
    const kind = list.kinds[index] as SchemaNodeKind;
    const hasChildren = list.hasChildren[index] === true;
    const detail = list.details[index];
    return detail === null || detail === undefined ? { kind, name, hasChildren } : { kind, name, hasChildren, detail };
  });
}

/** The path of `child` under the node at `parentPath`. */
export function childPath(parentPath: readonly PathSegment[], child: SchemaChild): PathSegment[] {
  return [...parentPath, { kind: child.kind, name: child.name }];
}

export interface ColumnInfo {
  name: string;
  dataType: string;
  nullable: boolean;
  defaultValue: string | null;
  /** 1-based position in the primary key, or null. */
  primaryKeyPosition: number | null;
  /** The column's comment; null when it has none, absent where the engine's introspector does not read comments. */
  comment?: string | null;
}

export interface IndexInfo {
  name: string;
  columns: string[];
  unique: boolean;
  primary: boolean;
  definition: string | null;
}

export interface ForeignKeyInfo {
  name: string;
  columns: string[];
  referencedSchema: string | null;
  referencedTable: string;
  referencedColumns: string[];
  onUpdate: string;
  onDelete: string;
}

/** The storage engine of a MySQL table (InnoDB, MyISAM, Aria, MEMORY…). */
export interface StorageEngineInfo {
  name: string;
  /** The engine takes part in transactions: ROLLBACK undoes what was written to the table. */
  transactional: boolean;
}

export interface TableDetail {
  /** Path of the table or view node this describes. */
  path: PathSegment[];
  kind: 'table' | 'view' | 'materialized-view';
  columns: ColumnInfo[];
  indexes: IndexInfo[];
  foreignKeys: ForeignKeyInfo[];
  /** Absent where tables have no storage engine of their own (PostgreSQL, SQLite, views) or the server does not say. */
  storageEngine?: StorageEngineInfo;
}
