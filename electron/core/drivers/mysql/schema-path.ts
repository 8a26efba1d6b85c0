import type { PathSegment, SchemaNodeKind } from '../../../../shared/model/schema';
import { CoreError } from '../../errors';

export type RelationKind = 'table' | 'view';

export type GroupDefinition =
  | { name: string; itemKind: RelationKind | 'sequence'; source: 'tables'; tableTypes: [string, string] }
  | { name: string; itemKind: 'function'; source: 'routines'; routineType: 'FUNCTION' | 'PROCEDURE' };

/**
 * The groups below a database, in the order the tree shows them. Procedures are listed as function
 * nodes (the tree has no procedure kind), with 'procedure' as their detail. Sequences exist in MariaDB
 * only, so their group shows only when a database has some.
 */
export const GROUPS: readonly GroupDefinition[] = [
  { name: 'tables', itemKind: 'table', source: 'tables', tableTypes: ['BASE TABLE', 'SYSTEM VERSIONED'] },
  { name: 'views', itemKind: 'view', source: 'tables', tableTypes: ['VIEW', 'SYSTEM VIEW'] },
  { name: 'functions', itemKind: 'function', source: 'routines', routineType: 'FUNCTION' },
  { name: 'procedures', itemKind: 'function', source: 'routines', routineType: 'PROCEDURE' },
  { name: 'sequences', itemKind: 'sequence', source: 'tables', tableTypes: ['SEQUENCE', 'SEQUENCE'] },
];

export const TABLE_TYPES_BY_RELATION: Readonly<Record<RelationKind, [string, string]>> = {
  table: ['BASE TABLE', 'SYSTEM VERSIONED'],
  view: ['VIEW', 'SYSTEM VIEW'],
};

/** Where a path points, level by level. */
export type TreeLocation =
  | { level: 'root' }
  | { level: 'database'; database: string }
  | { level: 'group'; database: string; group: GroupDefinition }
  | { level: 'relation'; database: string; relation: string; kind: RelationKind }
  | { level: 'leaf' };

const LEAF_KINDS: readonly SchemaNodeKind[] = ['column', 'index', 'foreign-key'];

export function parsePath(path: PathSegment[]): TreeLocation {
  if (path.length === 0) return { level: 'root' };
  const [database, group, item, leaf] = path;
  expectKind(database, 'database', path);
  if (!group) return { level: 'database', database: database.name };
  expectKind(group, 'group', path);
  const definition = GROUPS.find((candidate) => candidate.name === group.name);
  if (!definition) throw new CoreError('NOT_FOUND', `There is no group "${group.name}" in a MySQL database.`);
  if (!item) return { level: 'group', database: database.name, group: definition };
  expectKind(item, definition.itemKind, path);
  if (path.length > 4 || (leaf && !LEAF_KINDS.includes(leaf.kind))) throw malformed(path);
  if (!leaf && (item.kind === 'table' || item.kind === 'view')) {
    return { level: 'relation', database: database.name, relation: item.name, kind: item.kind };
  }
  return { level: 'leaf' };
}

/** The location of a table or view; anything else is not a table. */
export function parseRelationPath(path: PathSegment[]): Extract<TreeLocation, { level: 'relation' }> {
  const location = parsePath(path);
  if (location.level !== 'relation') throw new CoreError('INVALID_INPUT', 'Only tables and views have columns, indexes and foreign keys.');
  return location;
}

function expectKind(segment: PathSegment | undefined, kind: SchemaNodeKind, path: PathSegment[]): asserts segment is PathSegment {
  if (!segment || segment.kind !== kind) throw malformed(path);
}

function malformed(path: PathSegment[]): CoreError {
  const shape = path.map((segment) => segment.kind).join(' / ');
  return new CoreError('INVALID_INPUT', `A MySQL tree path goes database / group / object; this one is ${shape}.`);
}
