import { quoteIdentifier } from '../../../../shared/sql/quote';
import { CoreError } from '../../errors';
import { DATABASE_EXISTS_QUERY, EVENT_EXISTS_QUERY, RELATION_EXISTS_QUERY, ROUTINE_EXISTS_QUERY, TRIGGER_EXISTS_QUERY } from './catalog-queries';
import { TABLE_TYPES_BY_RELATION, type TreeLocation } from './schema-path';
import { withoutDatabaseQualifier } from './unqualify';

type CatalogReader = <Row>(sql: string, params: readonly unknown[]) => Promise<Row[]>;

const quote = (name: string) => quoteIdentifier('mysql', name);

interface ShowCreate {
  /** What the object is called in messages. */
  what: string;
  /** A catalog query with a row when the object exists, and its parameters. */
  exists: [string, unknown[]];
  /** The SHOW CREATE statement (names quoted: SHOW takes no placeholders) and the column holding the DDL. */
  show: string;
  column: string;
}

/**
 * The CREATE statement of the object at a location, as SHOW CREATE reports it, without a trailing
 * semicolon (a routine's body may hold semicolons of its own). A view is shown without its database
 * qualifiers, so it can be run in another database. Groups, accounts and table parts have none.
 */
export async function objectDdl(location: TreeLocation, read: CatalogReader): Promise<string> {
  const recipe = showCreate(location);
  if (!recipe) throw new CoreError('UNSUPPORTED', noDdlMessage(location));
  const [found] = await read<{ found: number }>(recipe.exists[0], recipe.exists[1]);
  if (!found) throw new CoreError('NOT_FOUND', `The ${recipe.what} does not exist. Refresh the tree.`);
  const [row] = await read<Record<string, string | null>>(recipe.show, []);
  const ddl = row?.[recipe.column];
  if (typeof ddl !== 'string') {
    throw new CoreError('QUERY', `The server does not show the definition of the ${recipe.what} to this account.`);
  }
  return location.level === 'relation' && location.kind === 'view' ? withoutDatabaseQualifier(ddl, location.database) : ddl;
}

function showCreate(location: TreeLocation): ShowCreate | null {
  switch (location.level) {
    case 'database':
      return {
        what: `database ${quote(location.database)}`,
        exists: [DATABASE_EXISTS_QUERY, [location.database]],
        show: `SHOW CREATE DATABASE ${quote(location.database)}`,
        column: 'Create Database',
      };
    case 'relation': {
      const name = `${quote(location.database)}.${quote(location.relation)}`;
      const isView = location.kind === 'view';
      return {
        what: `${location.kind} ${name}`,
        exists: [RELATION_EXISTS_QUERY, [location.database, location.relation, ...TABLE_TYPES_BY_RELATION[location.kind]]],
        show: `SHOW CREATE ${isView ? 'VIEW' : 'TABLE'} ${name}`,
        column: isView ? 'Create View' : 'Create Table',
      };
    }
    case 'object':
      return objectRecipe(location.database, location.kind, location.name);
    case 'table-part':
      return location.kind === 'trigger' ? objectRecipe(location.database, 'trigger', location.name) : null;
    default:
      return null;
  }
}

function objectRecipe(database: string, kind: 'function' | 'procedure' | 'trigger' | 'sequence' | 'event', objectName: string): ShowCreate {
  const name = `${quote(database)}.${quote(objectName)}`;
  const what = `${kind} ${name}`;
  switch (kind) {
    case 'function':
    case 'procedure': {
      const type = kind.toUpperCase();
      return { what, exists: [ROUTINE_EXISTS_QUERY, [database, objectName, type]], show: `SHOW CREATE ${type} ${name}`, column: `Create ${kind === 'function' ? 'Function' : 'Procedure'}` };
    }
    case 'trigger':
      return { what, exists: [TRIGGER_EXISTS_QUERY, [database, objectName]], show: `SHOW CREATE TRIGGER ${name}`, column: 'SQL Original Statement' };
    case 'sequence':
      return { what, exists: [RELATION_EXISTS_QUERY, [database, objectName, 'SEQUENCE', 'SEQUENCE']], show: `SHOW CREATE SEQUENCE ${name}`, column: 'Create Table' };
    case 'event':
      return { what, exists: [EVENT_EXISTS_QUERY, [database, objectName]], show: `SHOW CREATE EVENT ${name}`, column: 'Create Event' };
  }
}

function noDdlMessage(location: TreeLocation): string {
  switch (location.level) {
    case 'table-part':
      return `A ${location.kind.replace('-', ' ')} has no CREATE statement of its own in MySQL: it is part of the table's. Show the DDL of the table.`;
    case 'user':
    case 'users':
      return 'Strata lists accounts read-only and does not show their definitions.';
    default:
      return 'A folder of the tree has no CREATE statement. Choose a database or an object in it.';
  }
}
