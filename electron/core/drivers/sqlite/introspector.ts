/*
 * Tree paths of a SQLite connection (there are no databases or schemas above the objects):
 *   []                                                        → the groups tables, views, indexes, triggers
 *   [{group, 'tables'}]                                       → tables       (likewise views, indexes, triggers)
 *   [{group, 'tables'}, {table, 'orders'}]                    → its columns, indexes, foreign keys, primary key, unique and
 *                                                               check constraints, triggers, and the group 'referenced-by'
 *   [... {table, 'orders'}, {group, 'referenced-by'}]         → the foreign keys of the tables pointing at it
 *   [{group, 'tables'}, {table, 'orders'}, {column, 'id'}]    → a leaf (likewise every part of a table)
 *   [{group, 'views'}, {view, 'product_ratings'}]             → its columns and triggers
 * tableDetail accepts any path whose last segment is a table or view.
 * Foreign keys have no names in SQLite; they are named <table>_<columns>_fkey, as PostgreSQL would, and listed
 * in declaration order (SQLite numbers them last-declared first).
 */
import type { ColumnInfo, ForeignKeyInfo, IndexInfo, PathSegment, SchemaNode, TableDetail } from '../../../../shared/model/schema';
import { CoreError } from '../../errors';
import type { Introspector } from '../types';
import { COLUMNS, COUNT_BY_TYPE, FOREIGN_KEYS, INDEX_COLUMNS, OBJECTS_OF_TYPE, PRIMARY_KEY, REFERENCING_KEYS, RELATION, TRIGGERS_OF } from './catalog-queries';
import { objectDdl } from './ddl';
import {
  columnFacts,
  constraintFacts,
  foreignKeys,
  incomingKeys,
  indexFacts,
  text,
  type ColumnFacts,
  type ConstraintFacts,
  type IncomingKey,
  type IndexFacts,
  type TriggerFacts,
} from './table-parts';
import { triggerTiming } from './table-sql';
import type { CatalogParam, CatalogRow } from './worker-protocol';

export type CatalogQuery = (sql: string, params: CatalogParam[]) => Promise<CatalogRow[]>;

type ObjectType = 'table' | 'view' | 'index' | 'trigger';

/** The group below a table that lists the foreign keys pointing at it. */
const REFERENCED_BY_GROUP = 'referenced-by';

const GROUPS: { name: string; type: ObjectType }[] = [
  { name: 'tables', type: 'table' },
  { name: 'views', type: 'view' },
  { name: 'indexes', type: 'index' },
  { name: 'triggers', type: 'trigger' },
];

interface RelationFacts {
  kind: 'table' | 'view';
  columns: ColumnFacts[];
  indexes: IndexFacts[];
  foreignKeys: ForeignKeyInfo[];
  referencedBy: IncomingKey[];
  constraints: ConstraintFacts[];
  triggers: TriggerFacts[];
}

function node(kind: SchemaNode['kind'], name: string, parent: PathSegment[], hasChildren: boolean, detail?: string): SchemaNode {
  return { kind, name, path: [...parent, { kind, name }], hasChildren, ...(detail !== undefined ? { detail } : {}) };
}

function columnDetail(column: ColumnFacts): string {
  const hints = [
    column.dataType,
    column.primaryKeyPosition !== null ? 'PK' : '',
    column.nullable || column.primaryKeyPosition !== null ? '' : 'NOT NULL',
    column.defaultValue !== null ? `DEFAULT ${column.defaultValue}` : '',
    column.generated ? `GENERATED ${column.generated}` : '',
  ];
  return hints.filter((hint) => hint !== '').join(' ');
}

function indexDetail(index: IndexInfo): string {
  const columns = `(${index.columns.join(', ')})`;
  if (index.primary) return `PRIMARY KEY ${columns}`;
  return index.unique ? `UNIQUE ${columns}` : columns;
}

const publicColumn = ({ name, dataType, nullable, defaultValue, primaryKeyPosition }: ColumnFacts): ColumnInfo => ({
  name,
  dataType,
  nullable,
  defaultValue,
  primaryKeyPosition,
});
const publicIndex = ({ name, columns, unique, primary, definition }: IndexFacts): IndexInfo => ({ name, columns, unique, primary, definition });

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
    if (path.length === 3 && path[1].kind === 'table' && path[2].kind === 'group' && path[2].name === REFERENCED_BY_GROUP) {
      const facts = await this.relationFacts(path[1].name);
      return facts.referencedBy.map((key) => node('foreign-key', key.name, path, false, `${key.table}(${key.columns.join(', ')})`));
    }
    return [];
  }

  async tableDetail(path: PathSegment[]): Promise<TableDetail> {
    const target = path.at(-1);
    if (!target || (target.kind !== 'table' && target.kind !== 'view')) {
      throw new CoreError('INVALID_INPUT', 'Choose a table or view to see its columns.');
    }
    const facts = await this.relationFacts(target.name);
    return { path, kind: facts.kind, columns: facts.columns.map(publicColumn), indexes: facts.indexes.map(publicIndex), foreignKeys: facts.foreignKeys };
  }

  ddl(path: PathSegment[]): Promise<string> {
    return objectDdl(path, this.query);
  }

  /** The tree shows the file's own database only; attached ones and `temp` are not part of it. */
  async searchPath(): Promise<string[]> {
    return ['main'];
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
    const facts = await this.relationFacts(path[1].name);
    const children = [
      ...facts.columns.map((column) => node('column', column.name, path, false, columnDetail(column))),
      ...facts.indexes.map((index) => node('index', index.name, path, false, indexDetail(index))),
      ...facts.foreignKeys.map((key) => node('foreign-key', key.name, path, false, `→ ${key.referencedTable}(${key.referencedColumns.join(', ')})`)),
      ...facts.constraints.map((constraint) => node('constraint', constraint.name, path, false, constraint.definition)),
      ...facts.triggers.map((trigger) => node('trigger', trigger.name, path, false, trigger.timing)),
    ];
    if (facts.kind === 'view') return children;
    const incoming = facts.referencedBy.length;
    return [...children, node('group', REFERENCED_BY_GROUP, path, incoming > 0, String(incoming))];
  }

  private async relationFacts(name: string): Promise<RelationFacts> {
    const [relation] = await this.query(RELATION, [name]);
    if (!relation) throw new CoreError('NOT_FOUND', `There is no table or view named "${name}". Refresh the schema tree.`);
    const kind = relation.type === 'view' ? 'view' : 'table';
    const columns = columnFacts(await this.query(COLUMNS, [name]));
    const triggers = (await this.query(TRIGGERS_OF, [name])).map((row) => ({ name: text(row.name), timing: triggerTiming(text(row.sql)) }));
    if (kind === 'view') return { kind, columns, indexes: [], foreignKeys: [], referencedBy: [], constraints: [], triggers };
    const indexes = indexFacts(await this.query(INDEX_COLUMNS, [name]));
    const primaryKey = (table: string) => this.query(PRIMARY_KEY, [table]).then((rows) => rows.map((row) => text(row.name)));
    const outgoing = await foreignKeys(name, await this.query(FOREIGN_KEYS, [name]), primaryKey);
    const incoming = incomingKeys(await this.query(REFERENCING_KEYS, [name]), await primaryKey(name));
    const constraints = constraintFacts(name, text(relation.sql), columns, indexes);
    return { kind, columns, indexes, foreignKeys: outgoing, referencedBy: incoming, constraints, triggers };
  }
}
