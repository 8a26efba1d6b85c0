import type { PathSegment } from '../../../../shared/model/schema';
import { CoreError } from '../../errors';
import { CREATE_STATEMENT, CREATE_STATEMENTS_OF } from './catalog-queries';
import type { CatalogParam, CatalogRow } from './worker-protocol';

type CatalogQuery = (sql: string, params: CatalogParam[]) => Promise<CatalogRow[]>;

/**
 * The CREATE statement of the object at `path`, from sqlite_schema.sql. A table or view comes with
 * its indexes and triggers, each a statement of its own ending with a semicolon.
 */
export async function objectDdl(path: PathSegment[], query: CatalogQuery): Promise<string> {
  const target = path.at(-1);
  switch (target?.kind) {
    case 'table':
    case 'view':
      return relationDdl(target.kind, target.name, query);
    case 'index':
    case 'trigger':
      return ownDdl(target.kind, target.name, query);
    case 'column':
    case 'foreign-key':
    case 'constraint':
      throw new CoreError('UNSUPPORTED', `A ${target.kind.replace('-', ' ')} has no CREATE statement of its own in SQLite: it is part of its table's. Show the DDL of the table.`);
    default:
      throw new CoreError('UNSUPPORTED', 'A folder of the tree has no CREATE statement. Choose a table, view, index or trigger.');
  }
}

async function relationDdl(kind: 'table' | 'view', name: string, query: CatalogQuery): Promise<string> {
  const rows = await query(CREATE_STATEMENTS_OF, [name]);
  if (rows[0]?.type !== kind) throw new CoreError('NOT_FOUND', `There is no ${kind} named "${name}". Refresh the schema tree.`);
  return rows.map((row) => `${row.sql ?? ''};`).join('\n\n');
}

async function ownDdl(kind: 'index' | 'trigger', name: string, query: CatalogQuery): Promise<string> {
  const [row] = await query(CREATE_STATEMENT, [name, kind]);
  if (!row) throw new CoreError('NOT_FOUND', `There is no ${kind} named "${name}". Refresh the schema tree.`);
  if (row.sql === null) {
    throw new CoreError('UNSUPPORTED', `SQLite made the index "${name}" for a PRIMARY KEY or UNIQUE constraint of "${row.owner ?? ''}": it is created with the table. Show the DDL of the table.`);
  }
  return `${row.sql};`;
}
