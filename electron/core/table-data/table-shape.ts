import type { PathSegment, TableDetail } from '../../../shared/model/schema';
import { isBinaryType } from '../../../shared/sql/binary-columns';
import { bitWidth } from '../../../shared/sql/bit-columns';
import type { ColumnReference, SqlEngine, TableColumn } from '../../../shared/sql/table-query';
import { CoreError } from '../errors';

export interface TableShape {
  /** Name parts a statement on the connection needs: schema (PostgreSQL) or database (MySQL), then the table. */
  name: string[];
  columns: TableColumn[];
  keyColumns: string[];
  /** Why the rows cannot be edited whatever the connection's mode; null when they can. */
  keyProblem: string | null;
}

/**
 * The table's name parts from its schema-tree path. PostgreSQL sessions are bound to the profile's
 * database, so a table of another database cannot be read on them.
 */
export function tableName(engine: SqlEngine, path: PathSegment[], sessionDatabase: string): string[] {
  const table = path.at(-1);
  if (!table || !['table', 'view', 'materialized-view'].includes(table.kind)) {
    throw new CoreError('INVALID_INPUT', 'Choose a table or view to show its rows.');
  }
  const database = path.find((segment) => segment.kind === 'database')?.name;
  const schema = path.find((segment) => segment.kind === 'schema')?.name;
  switch (engine) {
    case 'postgres':
      if (database !== undefined && database !== sessionDatabase) {
        throw new CoreError('UNSUPPORTED', `This connection's sessions use the database "${sessionDatabase}". Make a connection to "${database}" to browse its tables.`);
      }
      return schema === undefined ? [table.name] : [schema, table.name];
    case 'mysql':
      return database === undefined ? [table.name] : [database, table.name];
    case 'sqlite':
      return schema === undefined ? [table.name] : [schema, table.name];
  }
}

/** The primary key, else the first unique, non-partial index whose columns are all NOT NULL. */
function rowKey(detail: TableDetail): string[] {
  const primary = detail.columns
    .filter((column) => column.primaryKeyPosition !== null)
    .sort((a, b) => (a.primaryKeyPosition ?? 0) - (b.primaryKeyPosition ?? 0))
    .map((column) => column.name);
  if (primary.length > 0) return primary;
  const notNull = new Set(detail.columns.filter((column) => !column.nullable).map((column) => column.name));
  const unique = detail.indexes.find(
    (index) => index.unique && index.columns.length > 0 && index.columns.every((column) => notNull.has(column)) && !/\bWHERE\b/i.test(index.definition ?? ''),
  );
  return unique ? [...unique.columns] : [];
}

function referencePath(engine: SqlEngine, tablePath: PathSegment[], schema: string | null, table: string): ColumnReference['tablePath'] {
  const database = tablePath.find((segment) => segment.kind === 'database');
  const path: ColumnReference['tablePath'] = [];
  if (engine === 'mysql') path.push({ kind: 'database', name: schema ?? database?.name ?? '' });
  else if (database) path.push({ kind: 'database', name: database.name });
  const ownSchema = tablePath.find((segment) => segment.kind === 'schema');
  if (engine === 'postgres' && (schema ?? ownSchema?.name)) path.push({ kind: 'schema', name: schema ?? ownSchema?.name ?? '' });
  path.push({ kind: 'group', name: 'tables' }, { kind: 'table', name: table });
  return path;
}

export function tableShape(engine: SqlEngine, detail: TableDetail, name: string[]): TableShape {
  const keyColumns = detail.kind === 'table' ? rowKey(detail) : [];
  const inKey = new Set(keyColumns);
  const references = new Map<string, ColumnReference>();
  // Every column of a foreign key leads to the referenced row; a column in several keys follows the first.
  for (const foreignKey of detail.foreignKeys) {
    const reference: ColumnReference = {
      tablePath: referencePath(engine, detail.path, foreignKey.referencedSchema, foreignKey.referencedTable),
      columns: foreignKey.columns.map((from, index) => ({ from, to: foreignKey.referencedColumns[index] ?? from })),
    };
    for (const column of foreignKey.columns) if (!references.has(column)) references.set(column, reference);
  }
  const columns: TableColumn[] = detail.columns.map((column) => {
    const shaped: TableColumn = {
      name: column.name,
      dataType: column.dataType,
      nullable: column.nullable,
      hasDefault: column.defaultValue !== null,
      inRowKey: inKey.has(column.name),
      binary: isBinaryType(engine, column.dataType),
      references: references.get(column.name) ?? null,
    };
    const bits = bitWidth(engine, column.dataType);
    if (bits !== null) shaped.bitWidth = bits;
    return shaped;
  });
  let keyProblem: string | null = null;
  if (detail.kind !== 'table') keyProblem = `This is a ${detail.kind === 'view' ? 'view' : 'materialized view'}: its rows are read-only here.`;
  else if (keyColumns.length === 0) {
    keyProblem = 'This table has no primary key or unique key of NOT NULL columns, so a changed row could not be told apart from others: its rows are read-only.';
  }
  return { name, columns, keyColumns, keyProblem };
}
