import type { PathSegment, SchemaNodeKind } from '../../../../shared/model/schema';
import { CoreError } from '../../errors';

export type RelationKind = 'table' | 'view' | 'materialized-view';

export interface GroupDefinition {
  name: string;
  itemKind: 'table' | 'view' | 'materialized-view' | 'function' | 'sequence';
  /** pg_class.relkind letters of the group's relations. */
  relkinds: string[];
}

/** The groups below a schema, in the order the tree shows them. */
export const GROUPS: readonly GroupDefinition[] = [
  { name: 'tables', itemKind: 'table', relkinds: ['r', 'p'] },
  { name: 'views', itemKind: 'view', relkinds: ['v'] },
  { name: 'materialized-views', itemKind: 'materialized-view', relkinds: ['m'] },
  { name: 'functions', itemKind: 'function', relkinds: [] },
  { name: 'sequences', itemKind: 'sequence', relkinds: [] },
];

export const RELKINDS_BY_RELATION: Readonly<Record<RelationKind, string[]>> = {
  table: ['r', 'p'],
  view: ['v'],
  'materialized-view': ['m'],
};

/** Where a path points, level by level. */
export type TreeLocation =
  | { level: 'root' }
  | { level: 'database'; database: string }
  | { level: 'schema'; database: string; schema: string }
  | { level: 'group'; database: string; schema: string; group: GroupDefinition }
  | { level: 'relation'; database: string; schema: string; relation: string; kind: RelationKind; path: PathSegment[] }
  | { level: 'leaf' };

const RELATION_KINDS: readonly SchemaNodeKind[] = ['table', 'view', 'materialized-view'];
const LEAF_KINDS: readonly SchemaNodeKind[] = ['function', 'sequence', 'column', 'index', 'foreign-key', 'trigger'];

export function parsePath(path: PathSegment[]): TreeLocation {
  if (path.length === 0) return { level: 'root' };
  const [database, schema, group, item, leaf] = path;
  expectKind(database, 'database', path);
  if (!schema) return { level: 'database', database: database.name };
  expectKind(schema, 'schema', path);
  if (!group) return { level: 'schema', database: database.name, schema: schema.name };
  expectKind(group, 'group', path);
  const definition = GROUPS.find((candidate) => candidate.name === group.name);
  if (!definition) throw new CoreError('NOT_FOUND', `There is no group "${group.name}" in a PostgreSQL schema.`);
  if (!item) return { level: 'group', database: database.name, schema: schema.name, group: definition };
  expectKind(item, definition.itemKind, path);
  if (path.length > 5 || (leaf && !LEAF_KINDS.includes(leaf.kind))) throw malformed(path);
  if (!leaf && RELATION_KINDS.includes(item.kind)) {
    return { level: 'relation', database: database.name, schema: schema.name, relation: item.name, kind: item.kind as RelationKind, path };
  }
  return { level: 'leaf' };
}

/** The location of a table, view or materialized view; anything else is not a table. */
export function parseRelationPath(path: PathSegment[]): Extract<TreeLocation, { level: 'relation' }> {
  const location = parsePath(path);
  if (location.level !== 'relation') {
    throw new CoreError('INVALID_INPUT', 'Only tables, views and materialized views have columns, indexes and foreign keys.');
  }
  return location;
}

function expectKind(segment: PathSegment | undefined, kind: SchemaNodeKind, path: PathSegment[]): asserts segment is PathSegment {
  if (!segment || segment.kind !== kind) throw malformed(path);
}

function malformed(path: PathSegment[]): CoreError {
  const shape = path.map((segment) => segment.kind).join(' / ');
  return new CoreError('INVALID_INPUT', `A PostgreSQL tree path goes database / schema / group / object; this one is ${shape}.`);
}
