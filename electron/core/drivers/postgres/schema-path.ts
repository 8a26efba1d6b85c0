import type { PathSegment, SchemaNodeKind } from '../../../../shared/model/schema';
import { CoreError } from '../../errors';

export type RelationKind = 'table' | 'view' | 'materialized-view';
export type SchemaItemKind = RelationKind | 'function' | 'procedure' | 'sequence' | 'type';
export type DatabaseItemKind = 'extension' | 'role';

export interface GroupDefinition {
  name: string;
  itemKind: SchemaItemKind;
  /** pg_class.relkind letters of the group's relations, pg_proc.prokind letters of its routines. */
  kinds: string[];
}

/** The groups below a schema, in the order the tree shows them. */
export const GROUPS: readonly GroupDefinition[] = [
  { name: 'tables', itemKind: 'table', kinds: ['r', 'p'] },
  { name: 'views', itemKind: 'view', kinds: ['v'] },
  { name: 'materialized-views', itemKind: 'materialized-view', kinds: ['m'] },
  { name: 'functions', itemKind: 'function', kinds: ['f', 'w'] },
  { name: 'procedures', itemKind: 'procedure', kinds: ['p'] },
  { name: 'sequences', itemKind: 'sequence', kinds: [] },
  { name: 'types', itemKind: 'type', kinds: [] },
];

/** The groups below a database, after its schemas. */
export const DATABASE_GROUPS: Readonly<Record<string, DatabaseItemKind>> = { extensions: 'extension', roles: 'role' };

/** The group below a table that lists the foreign keys pointing at it. */
export const REFERENCED_BY_GROUP = 'referenced-by';

export const RELKINDS_BY_RELATION: Readonly<Record<RelationKind, string[]>> = {
  table: ['r', 'p'],
  view: ['v'],
  'materialized-view': ['m'],
};

/** What each relation kind shows below itself. */
const RELATION_CHILD_KINDS: Readonly<Record<RelationKind, readonly SchemaNodeKind[]>> = {
  table: ['column', 'index', 'foreign-key', 'constraint', 'trigger', 'policy'],
  view: ['column', 'trigger'],
  'materialized-view': ['column', 'index'],
};

interface InSchema {
  database: string;
  schema: string;
}
interface InRelation extends InSchema {
  relation: string;
  relationKind: RelationKind;
}

/** Where a path points, level by level. */
export type TreeLocation =
  | { level: 'root' }
  | { level: 'database'; database: string }
  | { level: 'database-group'; database: string; itemKind: DatabaseItemKind }
  | { level: 'database-item'; database: string; kind: DatabaseItemKind; name: string }
  | ({ level: 'schema' } & InSchema)
  | ({ level: 'group'; group: GroupDefinition } & InSchema)
  | ({ level: 'item'; kind: Exclude<SchemaItemKind, RelationKind>; name: string } & InSchema)
  | ({ level: 'relation' } & InRelation)
  | ({ level: 'referenced-by' } & InRelation)
  | ({ level: 'relation-item'; kind: SchemaNodeKind; name: string; incoming: boolean } & InRelation);

const RELATION_KINDS: readonly SchemaNodeKind[] = ['table', 'view', 'materialized-view'];

export function parsePath(path: PathSegment[]): TreeLocation {
  if (path.length === 0) return { level: 'root' };
  const [database, second] = path;
  expectKind(database, 'database', path);
  if (!second) return { level: 'database', database: database.name };
  if (second.kind === 'group') return parseDatabaseGroup(database.name, second.name, path);
  expectKind(second, 'schema', path);
  return parseSchemaPath({ database: database.name, schema: second.name }, path);
}

function parseDatabaseGroup(database: string, group: string, path: PathSegment[]): TreeLocation {
  const itemKind = Object.hasOwn(DATABASE_GROUPS, group) ? DATABASE_GROUPS[group] : undefined;
  if (!itemKind) throw new CoreError('NOT_FOUND', `There is no group "${group}" in a PostgreSQL database.`);
  const item = path[2];
  if (!item) return { level: 'database-group', database, itemKind };
  expectKind(item, itemKind, path);
  if (path.length > 3) throw malformed(path);
  return { level: 'database-item', database, kind: itemKind, name: item.name };
}

function parseSchemaPath(at: InSchema, path: PathSegment[]): TreeLocation {
  const [, , group, item, child, grandchild] = path;
  if (!group) return { level: 'schema', ...at };
  expectKind(group, 'group', path);
  const definition = GROUPS.find((candidate) => candidate.name === group.name);
  if (!definition) throw new CoreError('NOT_FOUND', `There is no group "${group.name}" in a PostgreSQL schema.`);
  if (!item) return { level: 'group', ...at, group: definition };
  expectKind(item, definition.itemKind, path);
  if (!RELATION_KINDS.includes(item.kind)) {
    if (child) throw malformed(path);
    return { level: 'item', ...at, kind: item.kind as Exclude<SchemaItemKind, RelationKind>, name: item.name };
  }
  const relation: InRelation = { ...at, relation: item.name, relationKind: item.kind as RelationKind };
  if (!child) return { level: 'relation', ...relation };
  if (relation.relationKind === 'table' && child.kind === 'group' && child.name === REFERENCED_BY_GROUP) {
    if (!grandchild) return { level: 'referenced-by', ...relation };
    expectKind(grandchild, 'foreign-key', path);
    if (path.length > 6) throw malformed(path);
    return { level: 'relation-item', ...relation, kind: 'foreign-key', name: grandchild.name, incoming: true };
  }
  if (grandchild || !RELATION_CHILD_KINDS[relation.relationKind].includes(child.kind)) throw malformed(path);
  return { level: 'relation-item', ...relation, kind: child.kind, name: child.name, incoming: false };
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
