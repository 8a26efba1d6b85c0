/**
 * The PostgreSQL tree, one catalog query per level, names first:
 *
 *   []                                                                   databases (the profile's first)
 *   [{database d}]                                                       schemas of d (system schemas last)
 *   [{database d}, {schema s}]                                           groups with their counts:
 *                                                                          tables, views, materialized-views, functions, sequences
 *   [{database d}, {schema s}, {group g}]                                the group's objects
 *   [{database d}, {schema s}, {group 'tables'}, {table t}]              columns (detail: type), indexes, foreign keys
 *   [... {group 'views'}, {view v}] / [... {group 'materialized-views'}, {materialized-view m}]   likewise
 *
 * Functions are named with their arguments, e.g. `order_count(customer bigint)`, so overloads stay
 * distinct. A path into another database than the profile's reads through that database's pool.
 */
import type { PathSegment, SchemaNode, SchemaNodeKind, TableDetail } from '../../../../shared/model/schema';
import { CoreError } from '../../errors';
import type { Introspector } from '../types';
import {
  DATABASES_QUERY,
  FUNCTIONS_QUERY,
  GROUP_COUNTS_QUERY,
  RELATION_CHILDREN_QUERY,
  RELATIONS_QUERY,
  SCHEMAS_QUERY,
  SEQUENCES_QUERY,
  TABLE_DETAIL_QUERY,
} from './catalog-queries';
import { GROUPS, RELKINDS_BY_RELATION, parsePath, parseRelationPath, type GroupDefinition } from './schema-path';
import { toTableDetail, type TableDetailRow } from './table-detail';

/** Runs one catalog query on the given database and returns its rows. */
export type CatalogReader = <Row>(database: string, sql: string, params?: unknown[]) => Promise<Row[]>;

type GroupCounts = Record<'tables' | 'views' | 'materialized_views' | 'functions' | 'sequences', number>;
const COUNT_COLUMN: Record<string, keyof GroupCounts> = {
  tables: 'tables',
  views: 'views',
  'materialized-views': 'materialized_views',
  functions: 'functions',
  sequences: 'sequences',
};

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
        return this.schemas(location.database, path);
      case 'schema':
        return this.groups(location.database, location.schema, path);
      case 'group':
        return this.groupItems(location.database, location.schema, location.group, path);
      case 'relation':
        return this.relationChildren(location.database, location.schema, location.relation, location.kind, path);
      case 'leaf':
        return [];
    }
  }

  async tableDetail(path: PathSegment[]): Promise<TableDetail> {
    const location = parseRelationPath(path);
    const [row] = await this.read<TableDetailRow>(location.database, TABLE_DETAIL_QUERY, [
      location.schema,
      location.relation,
      RELKINDS_BY_RELATION[location.kind],
    ]);
    if (!row) throw missingRelation(location.database, location.schema, location.relation, location.kind);
    return toTableDetail(row, path);
  }

  private async databases(): Promise<SchemaNode[]> {
    const rows = await this.read<{ name: string }>(this.primaryDatabase, DATABASES_QUERY, [this.primaryDatabase]);
    return rows.map((row) => node('database', row.name, [], true));
  }

  private async schemas(database: string, path: PathSegment[]): Promise<SchemaNode[]> {
    const rows = await this.read<{ name: string; system: boolean }>(database, SCHEMAS_QUERY);
    return rows.map((row) => node('schema', row.name, path, true, row.system ? 'system' : undefined));
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
    const isRelation = group.itemKind === 'table' || group.itemKind === 'view' || group.itemKind === 'materialized-view';
    let rows: { name: string | null; detail?: string }[];
    if (group.itemKind === 'function') {
      const found = await this.read<{ name: string | null; result: string | null }>(database, FUNCTIONS_QUERY, [schema]);
      rows = found.map((row) => ({ name: row.name, detail: row.result ?? undefined }));
    } else if (group.itemKind === 'sequence') {
      const found = await this.read<{ name: string | null; data_type: string | null }>(database, SEQUENCES_QUERY, [schema]);
      rows = found.map((row) => ({ name: row.name, detail: row.data_type ?? undefined }));
    } else {
      rows = await this.read<{ name: string | null }>(database, RELATIONS_QUERY, [schema, group.relkinds]);
    }
    if (rows.length === 0) throw missingSchema(database, schema);
    return rows.flatMap((row) => (row.name === null ? [] : [node(group.itemKind, row.name, path, isRelation, row.detail)]));
  }

  private async relationChildren(
    database: string,
    schema: string,
    relation: string,
    kind: keyof typeof RELKINDS_BY_RELATION,
    path: PathSegment[],
  ): Promise<SchemaNode[]> {
    const rows = await this.read<{ kind: string; name: string | null; detail: string | null }>(database, RELATION_CHILDREN_QUERY, [
      schema,
      relation,
      RELKINDS_BY_RELATION[kind],
    ]);
    if (rows.length === 0) throw missingRelation(database, schema, relation, kind);
    return rows.flatMap((row) =>
      row.kind === 'relation' || row.name === null ? [] : [node(row.kind as SchemaNodeKind, row.name, path, false, row.detail ?? undefined)],
    );
  }
}

function node(kind: SchemaNodeKind, name: string, parent: PathSegment[], hasChildren: boolean, detail?: string): SchemaNode {
  const result: SchemaNode = { kind, name, path: [...parent, { kind, name }], hasChildren };
  if (detail !== undefined) result.detail = detail;
  return result;
}

function missingSchema(database: string, schema: string): CoreError {
  return new CoreError('NOT_FOUND', `Schema "${schema}" does not exist in database "${database}". Refresh the tree.`);
}

function missingRelation(database: string, schema: string, relation: string, kind: string): CoreError {
  const what = kind.replace('-', ' ');
  return new CoreError('NOT_FOUND', `The ${what} "${schema}"."${relation}" does not exist in database "${database}". Refresh the tree.`);
}
