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

export interface SchemaNode {
  kind: SchemaNodeKind;
  name: string;
  /** Path from the root, ending with this node. Its identity in the tree. */
  path: PathSegment[];
  hasChildren: boolean;
  /** A short secondary text: a column's type, a group's count, a function's arguments. */
  detail?: string;
}

export interface ColumnInfo {
  name: string;
  dataType: string;
  nullable: boolean;
  defaultValue: string | null;
  /** 1-based position in the primary key, or null. */
  primaryKeyPosition: number | null;
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

export interface TableDetail {
  /** Path of the table or view node this describes. */
  path: PathSegment[];
  kind: 'table' | 'view' | 'materialized-view';
  columns: ColumnInfo[];
  indexes: IndexInfo[];
  foreignKeys: ForeignKeyInfo[];
}
