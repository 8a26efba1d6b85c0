/*
 * Tree paths of a SQLite connection (there are no databases or schemas above the objects):
 *   []                                                        → the groups tables, views, indexes, triggers
 *   [{group, 'tables'}]                                       → tables       (likewise views, indexes, triggers)
 *   [{group, 'tables'}, {table, 'orders'}]                    → its columns, then its indexes, then its foreign keys
 *   [{group, 'tables'}, {table, 'orders'}, {column, 'id'}]    → a leaf (likewise index and foreign-key nodes)
 *   [{group, 'views'}, {view, 'product_ratings'}]             → its columns
 * tableDetail accepts any path whose last segment is a table or view.
 * Foreign keys have no names in SQLite; they are named <table>_<columns>_fkey, as PostgreSQL would, and listed
 * in declaration order (SQLite numbers them last-declared first).
 */
import type { ColumnInfo, ForeignKeyInfo, IndexInfo, PathSegment, SchemaNode, TableDetail } from '../../../../shared/model/schema';
import { CoreError } from '../../errors';
import type { Introspector } from '../types';
import type { CatalogParam, CatalogRow } from './worker-protocol';

export type CatalogQuery = (sql: string, params: CatalogParam[]) => Promise<CatalogRow[]>;

type ObjectType = 'table' | 'view' | 'index' | 'trigger';

const GROUPS: { name: string; type: ObjectType }[] = [
  { name: 'tables', type: 'table' },
  { name: 'views', type: 'view' },
  { name: 'indexes', type: 'index' },
  { name: 'triggers', type: 'trigger' },
];

const NOT_INTERNAL = `name NOT LIKE 'sqlite\\_%' ESCAPE '\\'`;

const COUNT_BY_TYPE = `SELECT type, count(*) AS count FROM sqlite_schema WHERE ${NOT_INTERNAL} GROUP BY type`;
const OBJECTS_OF_TYPE = `SELECT name, tbl_name AS owner FROM sqlite_schema WHERE type = ? AND ${NOT_INTERNAL} ORDER BY name COLLATE NOCASE, name`;
const OBJECT_TYPE = `SELECT type FROM sqlite_schema WHERE name = ? AND type IN ('table', 'view')`;
const COLUMNS = `SELECT name, type, "notnull" AS notNullFlag, dflt_value AS defaultValue, pk
  FROM pragma_table_xinfo(?, 'main') WHERE hidden <> 1 ORDER BY cid`;
const INDEX_COLUMNS = `SELECT il.name AS indexName, il."unique" AS isUnique, il.origin AS origin, ii.name AS columnName, ii.cid AS cid, s.sql AS definition
  FROM pragma_index_list(?, 'main') AS il
  JOIN pragma_index_info(il.name, 'main') AS ii
  LEFT JOIN sqlite_schema AS s ON s.type = 'index' AND s.name = il.name
  ORDER BY il.name COLLATE NOCASE, il.name, ii.seqno`;
const FOREIGN_KEYS = `SELECT id, "table" AS referencedTable, "from" AS fromColumn, "to" AS toColumn, on_update AS onUpdate, on_delete AS onDelete
  FROM pragma_foreign_key_list(?, 'main') ORDER BY id DESC, seq`;
const PRIMARY_KEY = `SELECT name FROM pragma_table_info(?, 'main') WHERE pk > 0 ORDER BY pk`;

const text = (value: string | null | undefined): string => value ?? '';

function node(kind: SchemaNode['kind'], name: string, parent: PathSegment[], hasChildren: boolean, detail?: string): SchemaNode {
  return { kind, name, path: [...parent, { kind, name }], hasChildren, ...(detail !== undefined ? { detail } : {}) };
}

function columnDetail(column: ColumnInfo): string {
  const hints = [column.dataType, column.primaryKeyPosition !== null ? 'PK' : '', column.nullable || column.primaryKeyPosition !== null ? '' : 'NOT NULL'];
  return hints.filter((hint) => hint !== '').join(' ');
}

function indexDetail(index: IndexInfo): string {
  const columns = `(${index.columns.join(', ')})`;
  if (index.primary) return `PRIMARY KEY ${columns}`;
  return index.unique ? `UNIQUE ${columns}` : columns;
}

function indexColumnName(row: CatalogRow): string {
  if (row.columnName !== null) return text(row.columnName);
  return Number(row.cid) === -1 ? 'rowid' : '(expression)';
}

export class SqliteIntrospector implements Introspector {
  private readonly query: CatalogQuery;

  constructor(query: CatalogQuery) {
    this.query = query;
  }

  async children(path: PathSegment[]): Promise<SchemaNode[]> {
    if (path.length === 0) return this.groups();
    const [first] = path;
    if (path.length === 1 && first.kind === 'group') return this.objects(first);
    if (path.length === 2 && (path[1].kind === 'table' || path[1].kind === 'view')) return this.objectChildren(path);
    return [];
  }

  async tableDetail(path: PathSegment[]): Promise<TableDetail> {
    const target = path.at(-1);
    if (!target || (target.kind !== 'table' && target.kind !== 'view')) {
      throw new CoreError('INVALID_INPUT', 'Choose a table or view to see its columns.');
    }
    const kind = await this.objectType(target.name);
    const columns = await this.columns(target.name);
    const indexes = kind === 'table' ? await this.indexes(target.name) : [];
    const foreignKeys = kind === 'table' ? await this.foreignKeys(target.name) : [];
    return { path, kind, columns, indexes, foreignKeys };
  }

  private async groups(): Promise<SchemaNode[]> {
    const counts = new Map((await this.query(COUNT_BY_TYPE, [])).map((row) => [row.type, Number(row.count)]));
    return GROUPS.map((group) => {
      const count = counts.get(group.type) ?? 0;
      return node('group', group.name, [], count > 0, String(count));
    });
  }

  private async objects(group: PathSegment): Promise<SchemaNode[]> {
    const found = GROUPS.find((candidate) => candidate.name === group.name);
    if (!found) throw new CoreError('NOT_FOUND', `There is no "${group.name}" folder in a SQLite database. Refresh the schema tree.`);
    const rows = await this.query(OBJECTS_OF_TYPE, [found.type]);
    const parent = [group];
    const leaf = found.type === 'index' || found.type === 'trigger';
    return rows.map((row) => node(found.type, text(row.name), parent, !leaf, leaf ? text(row.owner) : undefined));
  }

  private async objectChildren(path: PathSegment[]): Promise<SchemaNode[]> {
    const name = path[1].name;
    const kind = await this.objectType(name);
    const columns = (await this.columns(name)).map((column) => node('column', column.name, path, false, columnDetail(column)));
    if (kind === 'view') return columns;
    const indexes = await this.indexes(name);
    const foreignKeys = await this.foreignKeys(name);
    return [
      ...columns,
      ...indexes.map((index) => node('index', index.name, path, false, indexDetail(index))),
      ...foreignKeys.map((key) => node('foreign-key', key.name, path, false, `→ ${key.referencedTable}(${key.referencedColumns.join(', ')})`)),
    ];
  }

  private async objectType(name: string): Promise<'table' | 'view'> {
    const [row] = await this.query(OBJECT_TYPE, [name]);
    if (!row) throw new CoreError('NOT_FOUND', `There is no table or view named "${name}". Refresh the schema tree.`);
    return row.type === 'view' ? 'view' : 'table';
  }

  private async columns(table: string): Promise<ColumnInfo[]> {
    const rows = await this.query(COLUMNS, [table]);
    return rows.map((row) => {
      const primaryKeyPosition = Number(row.pk) > 0 ? Number(row.pk) : null;
      return {
        name: text(row.name),
        dataType: text(row.type),
        nullable: Number(row.notNullFlag) === 0 && primaryKeyPosition === null,
        defaultValue: row.defaultValue === null ? null : text(row.defaultValue),
        primaryKeyPosition,
      };
    });
  }

  private async indexes(table: string): Promise<IndexInfo[]> {
    const byName = new Map<string, IndexInfo>();
    for (const row of await this.query(INDEX_COLUMNS, [table])) {
      const name = text(row.indexName);
      let index = byName.get(name);
      if (!index) {
        index = {
          name,
          columns: [],
          unique: Number(row.isUnique) === 1,
          primary: row.origin === 'pk',
          definition: row.definition === null ? null : text(row.definition),
        };
        byName.set(name, index);
      }
      index.columns.push(indexColumnName(row));
    }
    return [...byName.values()];
  }

  private async foreignKeys(table: string): Promise<ForeignKeyInfo[]> {
    const byId = new Map<number, { referencedTable: string; from: string[]; to: (string | null)[]; onUpdate: string; onDelete: string }>();
    for (const row of await this.query(FOREIGN_KEYS, [table])) {
      const id = Number(row.id);
      let key = byId.get(id);
      if (!key) {
        key = { referencedTable: text(row.referencedTable), from: [], to: [], onUpdate: text(row.onUpdate), onDelete: text(row.onDelete) };
        byId.set(id, key);
      }
      key.from.push(text(row.fromColumn));
      key.to.push(row.toColumn === null ? null : text(row.toColumn));
    }
    const foreignKeys: ForeignKeyInfo[] = [];
    for (const key of byId.values()) {
      foreignKeys.push({
        name: `${table}_${key.from.join('_')}_fkey`,
        columns: key.from,
        referencedSchema: null,
        referencedTable: key.referencedTable,
        // REFERENCES t without columns means t's primary key.
        referencedColumns: key.to.every((column) => column !== null) ? (key.to as string[]) : await this.primaryKey(key.referencedTable),
        onUpdate: key.onUpdate,
        onDelete: key.onDelete,
      });
    }
    return foreignKeys;
  }

  private async primaryKey(table: string): Promise<string[]> {
    return (await this.query(PRIMARY_KEY, [table])).map((row) => text(row.name));
  }
}
