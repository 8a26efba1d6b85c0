/**
 * The MySQL tree, one catalog query per level, names first. Each database is a node; there is no
 * schema level (in MySQL a schema is a database):
 *
 *   []                                                   databases (the profile's first, system ones last), then the group 'users'
 *   [{group 'users'}]                                    the accounts as role nodes ('user'@'host', detail: privileges)
 *   [{database d}]                                       groups with their counts: tables, views, functions, procedures,
 *                                                          triggers, events (and sequences, MariaDB, when there are some)
 *   [{database d}, {group g}]                            the group's objects (an event's detail: its schedule and status)
 *   [{database d}, {group 'tables'}, {table t}]          columns (detail: type, key, null, default, comment), indexes,
 *                                                          foreign keys, primary key, unique and check constraints
 *                                                          (where the server lists them), triggers, and the group 'referenced-by'
 *   [... {table t}, {group 'referenced-by'}]             foreign keys of the database's tables pointing at t, named table.constraint
 *   [{database d}, {group 'views'}, {view v}]            its columns
 */
import type { PathSegment, SchemaNode, SchemaNodeKind, TableDetail } from '../../../../shared/model/schema';
import { CoreError } from '../../errors';
import type { Introspector } from '../types';
import {
  EVENTS_QUERY,
  GROUP_COUNTS_QUERY,
  REFERENCED_BY_QUERY,
  ROOT_QUERY,
  ROUTINES_QUERY,
  TABLES_QUERY,
  TRIGGERS_QUERY,
  USERS_QUERY,
  tableObjectsStatement,
} from './catalog-queries';
import type { CatalogSupport } from './catalog-support';
import { objectDdl } from './ddl';
import { eventDetail, type EventRow } from './event-schedule';
import { GROUPS, TABLE_TYPES_BY_RELATION, USERS_GROUP, parsePath, parseRelationPath, type GroupDefinition, type RelationKind } from './schema-path';
import { referencedByChildren, type ReferencedByRow } from './referenced-by';
import { readSearchPath } from './search-path';
import { publicColumns, readTableObjects, tableChildren, type TableObjectRow, type TableObjects } from './table-objects';

/** Runs one catalog query with bound parameters and returns its rows. */
export type CatalogReader = <Row>(sql: string, params: readonly unknown[]) => Promise<Row[]>;

type GroupCounts = Record<'tables' | 'views' | 'functions' | 'procedures' | 'triggers' | 'events' | 'sequences', number | string>;

export class MysqlIntrospector implements Introspector {
  constructor(
    private readonly read: CatalogReader,
    private readonly support: () => Promise<CatalogSupport>,
    private readonly profileDatabase: string | null,
  ) {}

  async children(path: PathSegment[]): Promise<SchemaNode[]> {
    const location = parsePath(path);
    switch (location.level) {
      case 'root':
        return this.root();
      case 'users':
        return this.users(path);
      case 'database':
        return this.groups(location.database, path);
      case 'group':
        return this.groupItems(location.database, location.group, path);
      case 'relation':
        return tableChildren(await this.tableObjects(location.database, location.relation, location.kind), path);
      case 'referenced-by':
        return this.referencedBy(location.database, location.relation, path);
      case 'user':
      case 'object':
      case 'table-part':
        return [];
    }
  }

  async tableDetail(path: PathSegment[]): Promise<TableDetail> {
    const location = parseRelationPath(path);
    const objects = await this.tableObjects(location.database, location.relation, location.kind);
    const detail: TableDetail = { path, kind: location.kind, ...publicColumns(objects), foreignKeys: objects.foreignKeys };
    if (objects.storageEngine) detail.storageEngine = objects.storageEngine;
    return detail;
  }

  ddl(path: PathSegment[]): Promise<string> {
    return objectDdl(parsePath(path), this.read);
  }

  searchPath(): Promise<string[]> {
    return readSearchPath(this.read);
  }

  private async root(): Promise<SchemaNode[]> {
    const rows = await this.read<{ kind: string; name: string; system_database: number | string }>(ROOT_QUERY, [this.profileDatabase ?? '']);
    return rows.map((row) => {
      if (row.kind === 'users') return node('group', USERS_GROUP, [], Number(row.name) > 0, row.name);
      return node('database', row.name, [], true, Number(row.system_database) === 1 ? 'system' : undefined);
    });
  }

  private async users(path: PathSegment[]): Promise<SchemaNode[]> {
    const rows = await this.read<{ name: string; privileges: string | null }>(USERS_QUERY, []);
    return rows.map((row) => node('role', row.name, path, false, row.privileges ?? undefined));
  }

  private async groups(database: string, path: PathSegment[]): Promise<SchemaNode[]> {
    const [counts] = await this.read<GroupCounts>(GROUP_COUNTS_QUERY, Array<string>(8).fill(database));
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
      if (group.routineType === 'PROCEDURE') rows = rows.map((row) => ({ name: row.name }));
    } else if (group.source === 'triggers') {
      rows = await this.read<{ name: string | null; detail: string | null }>(TRIGGERS_QUERY, [database, database]);
    } else if (group.source === 'events') {
      const events = await this.read<EventRow>(EVENTS_QUERY, [database, database]);
      rows = events.map((row) => ({ name: row.name, detail: row.name === null ? null : eventDetail(row) }));
    } else {
      rows = await this.read<{ name: string | null }>(TABLES_QUERY, [database, ...group.tableTypes, database]);
    }
    if (!rows.some((row) => row.name === null)) throw missingDatabase(database);
    const isRelation = group.itemKind === 'table' || group.itemKind === 'view';
    return rows.flatMap((row) => (row.name === null ? [] : [node(group.itemKind, row.name, path, isRelation, row.detail ?? undefined)]));
  }

  private async referencedBy(database: string, table: string, path: PathSegment[]): Promise<SchemaNode[]> {
    const rows = await this.read<ReferencedByRow>(REFERENCED_BY_QUERY, [database, table, database, table]);
    const children = referencedByChildren(rows, path);
    if (!children) throw new CoreError('NOT_FOUND', `The table \`${database}\`.\`${table}\` does not exist. Refresh the tree.`);
    return children;
  }

  private async tableObjects(database: string, relation: string, kind: RelationKind): Promise<TableObjects> {
    const support = await this.support();
    const { sql, params } = tableObjectsStatement(support, database, relation, TABLE_TYPES_BY_RELATION[kind]);
    const rows = await this.read<TableObjectRow>(sql, params);
    const objects = readTableObjects(rows, support.flavor);
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
