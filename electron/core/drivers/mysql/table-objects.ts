import type { ColumnInfo, ForeignKeyInfo, IndexInfo, PathSegment, SchemaNode, SchemaNodeKind, StorageEngineInfo } from '../../../../shared/model/schema';
import { quoteIdentifier } from '../../../../shared/sql/quote';
import { REFERENCED_BY_GROUP } from './schema-path';
import type { ServerFlavor } from './server-flavor';

/** One row of TABLE_OBJECTS_QUERY, as the binary protocol returns it (big integers as text). */
export interface TableObjectRow {
  kind: 'relation' | 'column' | 'index' | 'foreign-key' | 'foreign-key-rules' | 'check' | 'trigger';
  name: string;
  seq: number | string;
  column_type: string | null;
  nullable: string | null;
  default_value: string | null;
  column_key: string | null;
  /** A column's EXTRA; for the relation row, whether its storage engine has transactions (YES or NO). */
  extra: string | null;
  comment: string | null;
  column_name: string | null;
  non_unique: number | string | null;
  sub_part: number | string | null;
  index_type: string | null;
  ref_schema: string | null;
  ref_table: string | null;
  ref_column: string | null;
  update_rule: string | null;
  delete_rule: string | null;
  /** A generated column's expression, a check's clause, a trigger's "BEFORE INSERT", the relation's storage engine. */
  definition: string | null;
}

interface ColumnFacts extends ColumnInfo {
  key: string;
  extra: string;
  comment: string;
  /** A generated column's expression. */
  generation: string | null;
}

interface IndexFacts extends IndexInfo {
  definition: string;
  kind: 'PRIMARY' | 'UNIQUE' | 'FULLTEXT' | 'SPATIAL' | 'INDEX';
}

export interface ConstraintFacts {
  name: string;
  type: 'PRIMARY KEY' | 'UNIQUE' | 'CHECK';
  columns: string[];
  /** "PRIMARY KEY (id)", "UNIQUE (a, b)" or "CHECK (`v` > 0)". */
  definition: string;
}

export interface TriggerFacts {
  name: string;
  /** "BEFORE INSERT". */
  timing: string;
}

export interface TableObjects {
  columns: ColumnFacts[];
  indexes: IndexFacts[];
  foreignKeys: ForeignKeyInfo[];
  constraints: ConstraintFacts[];
  triggers: TriggerFacts[];
  /** Null for a view, or when the server does not say. */
  storageEngine: StorageEngineInfo | null;
}

const byPosition = (a: TableObjectRow, b: TableObjectRow) => Number(a.seq) - Number(b.seq);
const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
const quote = (name: string) => quoteIdentifier('mysql', name);

/** The table's columns, indexes, foreign keys, constraints and triggers from the rows; null when the table does not exist. */
export function readTableObjects(rows: TableObjectRow[], flavor: ServerFlavor): TableObjects | null {
  const relation = rows.find((row) => row.kind === 'relation');
  if (!relation) return null;
  const columns = rows
    .filter((row) => row.kind === 'column')
    .sort(byPosition)
    .map((row) => columnFacts(row, flavor));
  const primaryKey = groupByName(rows, 'index').get('PRIMARY') ?? [];
  for (const column of columns) {
    const position = primaryKey.findIndex((part) => part.column_name === column.name);
    column.primaryKeyPosition = position === -1 ? null : position + 1;
  }
  const indexes = [...groupByName(rows, 'index')].map(([name, parts]) => indexFacts(name, parts));
  indexes.sort((a, b) => (a.primary === b.primary ? byName(a, b) : a.primary ? -1 : 1));
  const rules = new Map(rows.filter((row) => row.kind === 'foreign-key-rules').map((row) => [row.name, row]));
  const foreignKeys = [...groupByName(rows, 'foreign-key')].map(([name, parts]) => foreignKeyInfo(name, parts, rules.get(name)));
  foreignKeys.sort(byName);
  const keys: ConstraintFacts[] = indexes
    .filter((index) => index.kind === 'PRIMARY' || index.kind === 'UNIQUE')
    .map((index) => {
      const type = index.primary ? 'PRIMARY KEY' : 'UNIQUE';
      return { name: index.name, type, columns: index.columns, definition: `${type} (${index.columns.join(', ')})` };
    });
  const checks: ConstraintFacts[] = rows
    .filter((row) => row.kind === 'check')
    .map((row) => ({ name: row.name, type: 'CHECK', columns: [], definition: `CHECK (${row.definition ?? ''})` }));
  const constraints = [...keys, ...checks.sort(byName)];
  const triggers = rows
    .filter((row) => row.kind === 'trigger')
    .sort(byPosition)
    .map((row) => ({ name: row.name, timing: row.definition ?? '' }));
  return { columns, indexes, foreignKeys, constraints, triggers, storageEngine: storageEngine(relation) };
}

function storageEngine(relation: TableObjectRow): StorageEngineInfo | null {
  if (relation.definition === null || (relation.extra !== 'YES' && relation.extra !== 'NO')) return null;
  return { name: relation.definition, transactional: relation.extra === 'YES' };
}

/**
 * The tree's children of a table or view: columns, indexes, foreign keys, primary key, unique and check
 * constraints, triggers, and for a table the group of foreign keys pointing at it. That group shows no
 * count: counting means reading every table of the database, which waits until it is opened.
 */
export function tableChildren(objects: TableObjects, parent: PathSegment[]): SchemaNode[] {
  const children = [
    ...objects.columns.map((column) => leaf('column', column.name, parent, columnDetail(column))),
    ...objects.indexes.map((index) => leaf('index', index.name, parent, indexDetail(index))),
    ...objects.foreignKeys.map((key) => leaf('foreign-key', key.name, parent, `references ${key.referencedSchema}.${key.referencedTable}`)),
    ...objects.constraints.map((constraint) => leaf('constraint', constraint.name, parent, constraint.definition)),
    ...objects.triggers.map((trigger) => leaf('trigger', trigger.name, parent, trigger.timing)),
  ];
  if (parent.at(-1)?.kind !== 'table') return children;
  return [...children, { kind: 'group', name: REFERENCED_BY_GROUP, path: [...parent, { kind: 'group', name: REFERENCED_BY_GROUP }], hasChildren: true }];
}

/** The shared shapes, without the MySQL-only facts. */
export function publicColumns(objects: TableObjects): { columns: ColumnInfo[]; indexes: IndexInfo[] } {
  return {
    columns: objects.columns.map(({ name, dataType, nullable, defaultValue, primaryKeyPosition, comment }) => ({
      name,
      dataType,
      nullable,
      defaultValue,
      primaryKeyPosition,
      comment: comment === '' ? null : comment,
    })),
    indexes: objects.indexes.map(({ name, columns, unique, primary, definition }) => ({ name, columns, unique, primary, definition })),
  };
}

function columnFacts(row: TableObjectRow, flavor: ServerFlavor): ColumnFacts {
  return {
    name: row.name,
    dataType: row.column_type ?? '',
    nullable: row.nullable === 'YES',
    defaultValue: defaultValue(row.default_value, flavor),
    primaryKeyPosition: null,
    key: row.column_key ?? '',
    extra: row.extra ?? '',
    comment: row.comment ?? '',
    generation: row.definition,
  };
}

/** MariaDB shows a NULL default as the text NULL and quotes string literals; MySQL shows NULL as NULL. */
function defaultValue(value: string | null, flavor: ServerFlavor): string | null {
  if (value === null) return null;
  return flavor === 'mariadb' && value === 'NULL' ? null : value;
}

function groupByName(rows: TableObjectRow[], kind: TableObjectRow['kind']): Map<string, TableObjectRow[]> {
  const groups = new Map<string, TableObjectRow[]>();
  for (const row of rows) {
    if (row.kind !== kind) continue;
    const parts = groups.get(row.name) ?? [];
    parts.push(row);
    groups.set(row.name, parts);
  }
  for (const parts of groups.values()) parts.sort(byPosition);
  return groups;
}

function indexFacts(name: string, parts: TableObjectRow[]): IndexFacts {
  const [first] = parts;
  const primary = name === 'PRIMARY';
  const unique = Number(first.non_unique) === 0;
  const type = first.index_type ?? '';
  const kind = primary ? 'PRIMARY' : unique ? 'UNIQUE' : type === 'FULLTEXT' ? 'FULLTEXT' : type === 'SPATIAL' ? 'SPATIAL' : 'INDEX';
  const columns = parts.map((part) => part.column_name ?? '(expression)');
  const keyParts = parts.map((part) => {
    const column = part.column_name === null ? '(expression)' : quote(part.column_name);
    return part.sub_part === null ? column : `${column}(${Number(part.sub_part)})`;
  });
  const clause = kind === 'PRIMARY' ? 'PRIMARY KEY' : kind === 'INDEX' ? `KEY ${quote(name)}` : `${kind} KEY ${quote(name)}`;
  return { name, columns, unique, primary, definition: `${clause} (${keyParts.join(',')})`, kind };
}

function foreignKeyInfo(name: string, parts: TableObjectRow[], rules: TableObjectRow | undefined): ForeignKeyInfo {
  const [first] = parts;
  return {
    name,
    columns: parts.map((part) => part.column_name ?? ''),
    referencedSchema: first.ref_schema,
    referencedTable: first.ref_table ?? '',
    referencedColumns: parts.map((part) => part.ref_column ?? ''),
    onUpdate: rules?.update_rule ?? 'NO ACTION',
    onDelete: rules?.delete_rule ?? 'NO ACTION',
  };
}

/** "int unsigned PK auto_increment", "varchar(80) NOT NULL DEFAULT 'x' — the comment". */
function columnDetail(column: ColumnFacts): string {
  const parts = [column.dataType];
  if (column.key === 'PRI') parts.push('PK');
  else if (column.key === 'UNI') parts.push('UNIQUE');
  if (!column.nullable && column.key !== 'PRI') parts.push('NOT NULL');
  if (column.defaultValue !== null) parts.push(`DEFAULT ${column.defaultValue}`);
  const extra = column.extra.replace(/DEFAULT_GENERATED\s*/i, '').trim();
  if (extra) parts.push(extra);
  if (column.generation) parts.push(`AS (${column.generation})`);
  const detail = parts.join(' ');
  return column.comment ? `${detail} — ${column.comment}` : detail;
}

function indexDetail(index: IndexFacts): string {
  const columns = `(${index.columns.join(', ')})`;
  switch (index.kind) {
    case 'PRIMARY':
      return `PRIMARY KEY ${columns}`;
    case 'INDEX':
      return columns;
    default:
      return `${index.kind} ${columns}`;
  }
}

function leaf(kind: SchemaNodeKind, name: string, parent: PathSegment[], detail: string): SchemaNode {
  return { kind, name, path: [...parent, { kind, name }], hasChildren: false, detail };
}
