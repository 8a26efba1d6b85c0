import type { PathSegment, SchemaNodeKind } from '../../../../shared/model/schema';
import { CoreError } from '../../errors';

export type RelationKind = 'table' | 'view';

export type GroupDefinition =
  | { name: string; itemKind: RelationKind | 'sequence'; source: 'tables'; tableTypes: [string, string] }
  | { name: string; itemKind: 'function' | 'procedure'; source: 'routines'; routineType: 'FUNCTION' | 'PROCEDURE' }
  | { name: string; itemKind: 'trigger'; source: 'triggers' }
  | { name: string; itemKind: 'event'; source: 'events' };

/**
 * The groups below a database, in the order the tree shows them. Sequences exist in MariaDB only, so
 * their group shows only when a database has some.
 */
export const GROUPS: readonly GroupDefinition[] = [
  { name: 'tables', itemKind: 'table', source: 'tables', tableTypes: ['BASE TABLE', 'SYSTEM VERSIONED'] },
  { name: 'views', itemKind: 'view', source: 'tables', tableTypes: ['VIEW', 'SYSTEM VIEW'] },
  { name: 'functions', itemKind: 'function', source: 'routines', routineType: 'FUNCTION' },
  { name: 'procedures', itemKind: 'procedure', source: 'routines', routineType: 'PROCEDURE' },
  { name: 'triggers', itemKind: 'trigger', source: 'triggers' },
  { name: 'events', itemKind: 'event', source: 'events' },
  { name: 'sequences', itemKind: 'sequence', source: 'tables', tableTypes: ['SEQUENCE', 'SEQUENCE'] },
];

/** The server-wide group at the root, after the databases: the accounts, read-only. */
export const USERS_GROUP = 'users';

/** The group below a table that lists the foreign keys of the database's tables pointing at it. */
export const REFERENCED_BY_GROUP = 'referenced-by';

export const TABLE_TYPES_BY_RELATION: Readonly<Record<RelationKind, [string, string]>> = {
  table: ['BASE TABLE', 'SYSTEM VERSIONED'],
  view: ['VIEW', 'SYSTEM VIEW'],
};

/** Where a path points, level by level. */
export type TreeLocation =
  | { level: 'root' }
  | { level: 'users' }
  | { level: 'user'; name: string }
  | { level: 'database'; database: string }
  | { level: 'group'; database: string; group: GroupDefinition }
  | { level: 'relation'; database: string; relation: string; kind: RelationKind }
  | { level: 'referenced-by'; database: string; relation: string }
  | { level: 'object'; database: string; kind: 'function' | 'procedure' | 'trigger' | 'sequence' | 'event'; name: string }
  | { level: 'table-part'; database: string; relation: string; relationKind: RelationKind; kind: SchemaNodeKind; name: string };

const TABLE_PART_KINDS: readonly SchemaNodeKind[] = ['column', 'index', 'foreign-key', 'constraint', 'trigger'];
const VIEW_PART_KINDS: readonly SchemaNodeKind[] = ['column'];

export function parsePath(path: PathSegment[]): TreeLocation {
  if (path.length === 0) return { level: 'root' };
  const [database, group, item, leaf, incoming] = path;
  if (database.kind === 'group' && database.name === USERS_GROUP) return parseUsersPath(path);
  expectKind(database, 'database', path);
  if (!group) return { level: 'database', database: database.name };
  expectKind(group, 'group', path);
  const definition = GROUPS.find((candidate) => candidate.name === group.name);
  if (!definition) throw new CoreError('NOT_FOUND', `There is no group "${group.name}" in a MySQL database.`);
  if (!item) return { level: 'group', database: database.name, group: definition };
  expectKind(item, definition.itemKind, path);
  if (item.kind === 'table' && leaf?.kind === 'group' && leaf.name === REFERENCED_BY_GROUP) {
    if (!incoming) return { level: 'referenced-by', database: database.name, relation: item.name };
    expectKind(incoming, 'foreign-key', path);
    if (path.length > 5) throw malformed(path);
    return { level: 'table-part', database: database.name, relation: item.name, relationKind: 'table', kind: 'foreign-key', name: incoming.name };
  }
  if (item.kind === 'table' || item.kind === 'view') {
    const partKinds = item.kind === 'table' ? TABLE_PART_KINDS : VIEW_PART_KINDS;
    if (path.length > 4 || (leaf && !partKinds.includes(leaf.kind))) throw malformed(path);
    if (!leaf) return { level: 'relation', database: database.name, relation: item.name, kind: item.kind };
    return { level: 'table-part', database: database.name, relation: item.name, relationKind: item.kind, kind: leaf.kind, name: leaf.name };
  }
  if (leaf) throw malformed(path);
  return { level: 'object', database: database.name, kind: item.kind as Extract<TreeLocation, { level: 'object' }>['kind'], name: item.name };
}

/** The location of a table or view; anything else is not a table. */
export function parseRelationPath(path: PathSegment[]): Extract<TreeLocation, { level: 'relation' }> {
  const location = parsePath(path);
  if (location.level !== 'relation') throw new CoreError('INVALID_INPUT', 'Only tables and views have columns, indexes and foreign keys.');
  return location;
}

function parseUsersPath(path: PathSegment[]): TreeLocation {
  const [, user] = path;
  if (!user) return { level: 'users' };
  expectKind(user, 'role', path);
  if (path.length > 2) throw malformed(path);
  return { level: 'user', name: user.name };
}

function expectKind(segment: PathSegment | undefined, kind: SchemaNodeKind, path: PathSegment[]): asserts segment is PathSegment {
  if (!segment || segment.kind !== kind) throw malformed(path);
}

function malformed(path: PathSegment[]): CoreError {
  const shape = path.map((segment) => segment.kind).join(' / ');
  return new CoreError('INVALID_INPUT', `A MySQL tree path goes database / group / object; this one is ${shape}.`);
}
