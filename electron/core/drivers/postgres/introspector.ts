/**
 * The PostgreSQL tree, one catalog query per level, names first:
 *
 *   []                                                   databases (the profile's first)
 *   [{database d}]                                       schemas of d (system schemas last), then groups 'extensions' and 'roles'
 *   [{database d}, {group 'extensions' | 'roles'}]       extensions (detail: version and schema), roles (detail: flags)
 *   [{database d}, {schema s}]                           groups with their counts: tables, views, materialized-views,
 *                                                          functions, procedures, sequences, types
 *   [{database d}, {schema s}, {group g}]                the group's objects
 *   [... {group 'tables'}, {table t}]                    columns (detail: type, keys, NOT NULL, default, comment), indexes,
 *                                                          foreign keys, constraints, triggers, policies, group 'referenced-by'
 *   [... {table t}, {group 'referenced-by'}]             foreign keys of other tables pointing at t, named schema.table.constraint
 *   [... {group 'views'}, {view v}]                      columns and triggers; a materialized view's columns and indexes
 *
 * Routines are named with their arguments, e.g. `order_count(customer bigint)`, so overloads stay
 * distinct. A path into another database than the profile's reads through that database's pool.
 */
import type { PathSegment, SchemaNode, SchemaNodeKind, TableDetail } from '../../../../shared/model/schema';
import type { Introspector } from '../types';
import {
  DATABASES_QUERY,
  SCHEMAS_QUERY,
  EXTENSIONS_QUERY,
  GROUP_COUNTS_QUERY,
  REFERENCED_BY_QUERY,
  RELATION_CHILDREN_QUERY,
  RELATIONS_QUERY,
  ROLES_QUERY,
  ROUTINES_QUERY,
  SEQUENCES_QUERY,
  TABLE_DETAIL_QUERY,
  TYPES_QUERY,
} from './catalog-queries';
import { buildDdl } from './ddl/ddl-builder';
import { missingRelation, missingSchema } from './missing';
import { GROUPS, RELKINDS_BY_RELATION, parsePath, parseRelationPath, type DatabaseItemKind, type GroupDefinition, type RelationKind } from './schema-path';
import { readSearchPath } from './search-path';
import { toTableDetail, type TableDetailRow } from './table-detail';

/** Runs one catalog query on the given database and returns its rows. */
export type CatalogReader = <Row>(database: string, sql: string, params?: unknown[]) => Promise<Row[]>;

type GroupCounts = Record<'tables' | 'views' | 'materialized_views' | 'functions' | 'procedures' | 'sequences' | 'types', number>;
const COUNT_COLUMN: Record<string, keyof GroupCounts> = {
  tables: 'tables',
  views: 'views',
  'materialized-views': 'materialized_views',
  functions: 'functions',
  procedures: 'procedures',
  sequences: 'sequences',
  types: 'types',
};

interface ChildRow {
  kind: string;
  name: string | null;
  detail: string | null;
}

export class PostgresIntrospector implements Introspector {
  constructor(
    private readonly read: CatalogReader,
    private readonly primaryDatabase: string,
  ) {}

  async children(path: PathSegment[]): Promise<SchemaNode[]> {
    const location = parsePath(path);
    switch (location.level) {
      case 'root':
        return this.databases();
      case 'database':
        return this.databaseChildren(location.database, path);
      case 'database-group':
        return this.databaseItems(location.database, location.itemKind, path);
      case 'schema':
        return this.groups(location.database, location.schema, path);
      case 'group':
        return this.groupItems(location.database, location.schema, location.group, path);
      case 'relation':
        return this.relationChildren(location.database, location.schema, location.relation, location.relationKind, path);
      case 'referenced-by':
        return this.referencedBy(location.database, location.schema, location.relation, path);
      default:
        return [];
    }
  }

  async tableDetail(path: PathSegment[]): Promise<TableDetail> {
    const location = parseRelationPath(path);
    const [row] = await this.read<TableDetailRow>(location.database, TABLE_DETAIL_QUERY, [
      location.schema,
      location.relation,
      RELKINDS_BY_RELATION[location.relationKind],
    ]);
    if (!row) throw missingRelation(location.database, location.schema, location.relation, location.relationKind);
    return toTableDetail(row, path);
  }

  async ddl(path: PathSegment[]): Promise<string> {
    return buildDdl(this.read, parsePath(path));
  }

  searchPath(): Promise<string[]> {
    return readSearchPath(this.read, this.primaryDatabase);
  }

  private async databases(): Promise<SchemaNode[]> {
    const rows = await this.read<{ name: string }>(this.primaryDatabase, DATABASES_QUERY, [this.primaryDatabase]);
    return rows.map((row) => node('database', row.name, [], true));
  }

  private async databaseChildren(database: string, path: PathSegment[]): Promise<SchemaNode[]> {
    const rows = await this.read<ChildRow & { name: string; has_children: boolean }>(database, SCHEMAS_QUERY);
    return rows.map((row) => node(row.kind as SchemaNodeKind, row.name, path, row.has_children, row.detail ?? undefined));
  }

  private async databaseItems(database: string, kind: DatabaseItemKind, path: PathSegment[]): Promise<SchemaNode[]> {
    const rows = await this.read<{ name: string; detail: string | null }>(database, kind === 'extension' ? EXTENSIONS_QUERY : ROLES_QUERY);
    return rows.map((row) => node(kind, row.name, path, false, row.detail ?? undefined));
  }

  private async groups(database: string, schema: string, path: PathSegment[]): Promise<SchemaNode[]> {
    const [counts] = await this.read<GroupCounts>(database, GROUP_COUNTS_QUERY, [schema]);
    if (!counts) throw missingSchema(database, schema);
    return GROUPS.map((group) => {
      const count = counts[COUNT_COLUMN[group.name]];
      return node('group', group.name, path, count > 0, String(count));
    });
  }

  private async groupItems(database: string, schema: string, group: GroupDefinition, path: PathSegment[]): Promise<SchemaNode[]> {
    const isRelation = group.itemKind in RELKINDS_BY_RELATION;
    const rows = await this.read<{ name: string | null; detail: string | null }>(database, ...groupQuery(schema, group));
    if (rows.length === 0) throw missingSchema(database, schema);
    return rows.flatMap((row) => (row.name === null ? [] : [node(group.itemKind, row.name, path, isRelation, row.detail ?? undefined)]));
  }

  private async relationChildren(database: string, schema: string, relation: string, kind: RelationKind, path: PathSegment[]): Promise<SchemaNode[]> {
    const rows = await this.read<ChildRow>(database, RELATION_CHILDREN_QUERY, [schema, relation, RELKINDS_BY_RELATION[kind]]);
    if (!rows.some((row) => row.kind === 'relation')) throw missingRelation(database, schema, relation, kind);
    return rows.flatMap((row) => {
      if (row.kind === 'relation' || row.name === null) return [];
      const hasChildren = row.kind === 'group' && row.detail !== '0';
      return [node(row.kind as SchemaNodeKind, row.name, path, hasChildren, row.detail ?? undefined)];
    });
  }

  private async referencedBy(database: string, schema: string, table: string, path: PathSegment[]): Promise<SchemaNode[]> {
    const rows = await this.read<ChildRow>(database, REFERENCED_BY_QUERY, [schema, table, RELKINDS_BY_RELATION.table]);
    if (!rows.some((row) => row.kind === 'relation')) throw missingRelation(database, schema, table, 'table');
    return rows.flatMap((row) => (row.kind === 'relation' || row.name === null ? [] : [node('foreign-key', row.name, path, false, row.detail ?? undefined)]));
  }
}

function groupQuery(schema: string, group: GroupDefinition): [string, unknown[]] {
  switch (group.itemKind) {
    case 'function':
    case 'procedure':
      return [ROUTINES_QUERY, [schema, group.kinds]];
    case 'sequence':
      return [SEQUENCES_QUERY, [schema]];
    case 'type':
      return [TYPES_QUERY, [schema]];
    default:
      return [RELATIONS_QUERY, [schema, group.kinds]];
  }
}

function node(kind: SchemaNodeKind, name: string, parent: PathSegment[], hasChildren: boolean, detail?: string): SchemaNode {
  const result: SchemaNode = { kind, name, path: [...parent, { kind, name }], hasChildren };
  if (detail !== undefined) result.detail = detail;
  return result;
}
