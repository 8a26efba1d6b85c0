/**
 * The MySQL tree, one catalog query per level, names first. Each database is a node; there is no
 * schema level (in MySQL a schema is a database):
 *
 *   []                                                   databases (the profile's first, system ones last)
 *   [{database d}]                                       groups with their counts: tables, views, functions, procedures
 *                                                          (and sequences, MariaDB, when there are some)
 *   [{database d}, {group g}]                            the group's objects
 *   [{database d}, {group 'tables'}, {table t}]          columns (detail: type, key, null, default, comment), indexes, foreign keys
 *   [{database d}, {group 'views'}, {view v}]            its columns
 */
import type { PathSegment, SchemaNode, SchemaNodeKind, TableDetail } from '../../../../shared/model/schema';
import { CoreError } from '../../errors';
import type { Introspector } from '../types';
import { DATABASES_QUERY, GROUP_COUNTS_QUERY, ROUTINES_QUERY, TABLE_OBJECTS_QUERY, TABLES_QUERY } from './catalog-queries';
import { GROUPS, TABLE_TYPES_BY_RELATION, parsePath, parseRelationPath, type GroupDefinition, type RelationKind } from './schema-path';
import type { ServerFlavor } from './server-flavor';
import { publicColumns, readTableObjects, tableChildren, type TableObjectRow, type TableObjects } from './table-objects';

/** Runs one catalog query with bound parameters and returns its rows. */
export type CatalogReader = <Row>(sql: string, params: readonly unknown[]) => Promise<Row[]>;

type GroupCounts = Record<'tables' | 'views' | 'functions' | 'procedures' | 'sequences', number | string>;

export class MysqlIntrospector implements Introspector {
  constructor(
    private readonly read: CatalogReader,
    private readonly flavor: () => Promise<ServerFlavor>,
    private readonly profileDatabase: string | null,
  ) {}

  async children(path: PathSegment[]): Promise<SchemaNode[]> {
    const location = parsePath(path);
    switch (location.level) {
      case 'root':
        return this.databases();
      case 'database':
        return this.groups(location.database, path);
      case 'group':
        return this.groupItems(location.database, location.group, path);
      case 'relation':
        return tableChildren(await this.tableObjects(location.database, location.relation, location.kind), path);
      case 'leaf':
        return [];
    }
  }

  async tableDetail(path: PathSegment[]): Promise<TableDetail> {
    const location = parseRelationPath(path);
    const objects = await this.tableObjects(location.database, location.relation, location.kind);
    return { path, kind: location.kind, ...publicColumns(objects), foreignKeys: objects.foreignKeys };
  }

  private async databases(): Promise<SchemaNode[]> {
    const rows = await this.read<{ name: string; system_database: number | string }>(DATABASES_QUERY, [this.profileDatabase ?? '']);
    return rows.map((row) => node('database', row.name, [], true, Number(row.system_database) === 1 ? 'system' : undefined));
  }

  private async groups(database: string, path: PathSegment[]): Promise<SchemaNode[]> {
    const [counts] = await this.read<GroupCounts>(GROUP_COUNTS_QUERY, [database, database, database, database, database, database]);
    if (!counts) throw missingDatabase(database);
    return GROUPS.flatMap((group) => {
      const count = Number(counts[group.name as keyof GroupCounts]);
      if (group.name === 'sequences' && count === 0) return [];
      return [node('group', group.name, path, count > 0, String(count))];
    });
  }

  private async groupItems(database: string, group: GroupDefinition, path: PathSegment[]): Promise<SchemaNode[]> {
    let rows: { name: string | null; detail?: string | null }[];
    if (group.source === 'routines') {
      rows = await this.read<{ name: string | null; detail: string | null }>(ROUTINES_QUERY, [database, group.routineType, database]);
      if (group.routineType === 'PROCEDURE') rows = rows.map((row) => ({ name: row.name, detail: 'procedure' }));
    } else {
      rows = await this.read<{ name: string | null }>(TABLES_QUERY, [database, ...group.tableTypes, database]);
    }
    if (!rows.some((row) => row.name === null)) throw missingDatabase(database);
    const isRelation = group.itemKind === 'table' || group.itemKind === 'view';
    return rows.flatMap((row) => (row.name === null ? [] : [node(group.itemKind, row.name, path, isRelation, row.detail ?? undefined)]));
  }

  private async tableObjects(database: string, relation: string, kind: RelationKind): Promise<TableObjects> {
    const pair = [database, relation];
    const rows = await this.read<TableObjectRow>(TABLE_OBJECTS_QUERY, [...pair, ...TABLE_TYPES_BY_RELATION[kind], ...pair, ...pair, ...pair, ...pair]);
    const objects = readTableObjects(rows, await this.flavor());
    if (!objects) throw new CoreError('NOT_FOUND', `The ${kind} \`${database}\`.\`${relation}\` does not exist. Refresh the tree.`);
    return objects;
  }
}

function node(kind: SchemaNodeKind, name: string, parent: PathSegment[], hasChildren: boolean, detail?: string): SchemaNode {
  const result: SchemaNode = { kind, name, path: [...parent, { kind, name }], hasChildren };
  if (detail !== undefined) result.detail = detail;
  return result;
}

function missingDatabase(database: string): CoreError {
  return new CoreError('NOT_FOUND', `Database "${database}" does not exist. Refresh the tree.`);
}
