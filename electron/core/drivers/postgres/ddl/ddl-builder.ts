import { CoreError } from '../../../errors';
import type { CatalogReader } from '../introspector';
import { missingObject, missingRelation } from '../missing';
import { GROUPS, RELKINDS_BY_RELATION, type TreeLocation } from '../schema-path';
import {
  CONSTRAINT_DDL_QUERY,
  DATABASE_DDL_QUERY,
  EXTENSION_DDL_QUERY,
  INCOMING_KEY_DDL_QUERY,
  INDEX_DDL_QUERY,
  ROLE_DDL_QUERY,
  ROUTINE_DDL_QUERY,
  SCHEMA_DDL_QUERY,
  SEQUENCE_DDL_QUERY,
  TYPE_DDL_QUERY,
  TRIGGER_DDL_QUERY,
} from './object-ddl-queries';
import { columnComment, columnDefinition, policyDdl, relationDdl, type RelationDdlRow } from './relation-ddl';
import { RELATION_DDL_QUERY } from './relation-ddl-query';

type RelationLocation = Extract<TreeLocation, { level: 'relation' | 'relation-item' | 'referenced-by' }>;

/** The statement that creates the object at `location`, read from the catalog of its database. */
export async function buildDdl(read: CatalogReader, location: TreeLocation): Promise<string> {
  const one = async (database: string, sql: string, params: unknown[], what: string, name: string, where: string) => {
    const [row] = await read<{ ddl: string }>(database, sql, params);
    if (!row) throw missingObject(what, name, where);
    return row.ddl;
  };
  switch (location.level) {
    case 'database':
      return one(location.database, DATABASE_DDL_QUERY, [location.database], 'database', location.database, 'this server');
    case 'schema':
      return one(location.database, SCHEMA_DDL_QUERY, [location.schema], 'schema', location.schema, `database "${location.database}"`);
    case 'database-item':
      return location.kind === 'extension'
        ? one(location.database, EXTENSION_DDL_QUERY, [location.name], 'extension', location.name, `database "${location.database}"`)
        : one(location.database, ROLE_DDL_QUERY, [location.name], 'role', location.name, 'this server');
    case 'item':
      return itemDdl(read, location, one);
    case 'relation':
      return relationDdl(await readRelation(read, location));
    case 'relation-item':
      return relationItemDdl(read, location, one);
    default:
      throw new CoreError('UNSUPPORTED', 'A group has no CREATE statement of its own; show the DDL of one of its objects.');
  }
}

type OneDdl = (database: string, sql: string, params: unknown[], what: string, name: string, where: string) => Promise<string>;

async function itemDdl(read: CatalogReader, location: Extract<TreeLocation, { level: 'item' }>, one: OneDdl): Promise<string> {
  const { database, schema, kind, name } = location;
  const where = `schema "${schema}" of database "${database}"`;
  switch (kind) {
    case 'function':
    case 'procedure': {
      const prokinds = GROUPS.find((group) => group.itemKind === kind)?.kinds ?? [];
      return one(database, ROUTINE_DDL_QUERY, [schema, name, prokinds], kind, name, where);
    }
    case 'type':
      return one(database, TYPE_DDL_QUERY, [schema, name], 'type', name, where);
    case 'sequence': {
      const [row] = await read<{ ddl: string; owner: string | null }>(database, SEQUENCE_DDL_QUERY, [schema, name]);
      if (!row) throw missingObject('sequence', name, where);
      if (row.owner === null) return row.ddl;
      return row.owner.startsWith('--') ? `${row.owner}\n${row.ddl}` : `${row.ddl}\n${row.owner}`;
    }
  }
}

async function relationItemDdl(read: CatalogReader, location: Extract<TreeLocation, { level: 'relation-item' }>, one: OneDdl): Promise<string> {
  const { database, schema, relation, relationKind, kind, name } = location;
  const relationParams = [schema, relation, RELKINDS_BY_RELATION[relationKind]];
  const where = `${relationKind.replace('-', ' ')} "${schema}"."${relation}" of database "${database}"`;
  switch (kind) {
    case 'index':
      return one(database, INDEX_DDL_QUERY, [...relationParams, name], 'index', name, where);
    case 'trigger':
      return one(database, TRIGGER_DDL_QUERY, [...relationParams, name], 'trigger', name, where);
    case 'constraint':
      return one(database, CONSTRAINT_DDL_QUERY, [...relationParams, name, ['p', 'u', 'c', 'x']], 'constraint', name, where);
    case 'foreign-key':
      return location.incoming
        ? one(database, INCOMING_KEY_DDL_QUERY, [...relationParams, name], 'foreign key', name, `the keys referencing ${where}`)
        : one(database, CONSTRAINT_DDL_QUERY, [...relationParams, name, ['f']], 'foreign key', name, where);
    case 'column': {
      const row = await readRelation(read, location);
      const column = row.columns.find((candidate) => unquote(candidate.name) === name);
      if (!column) throw missingObject('column', name, where);
      return [`ALTER TABLE ${row.qualified_name} ADD COLUMN ${columnDefinition(column)};`, ...columnComment(row.qualified_name, column)].join('\n');
    }
    case 'policy': {
      const row = await readRelation(read, location);
      const policy = row.policies.find((candidate) => unquote(candidate.name) === name);
      if (!policy) throw missingObject('policy', name, where);
      return policyDdl(policy, row.qualified_name);
    }
    default:
      throw new CoreError('UNSUPPORTED', `Strata cannot show the DDL of a ${kind} in PostgreSQL.`);
  }
}

async function readRelation(read: CatalogReader, location: RelationLocation): Promise<RelationDdlRow> {
  const { database, schema, relation, relationKind } = location;
  const [row] = await read<RelationDdlRow>(database, RELATION_DDL_QUERY, [schema, relation, RELKINDS_BY_RELATION[relationKind]]);
  if (!row) throw missingRelation(database, schema, relation, relationKind);
  return row;
}

/** The name quote_ident produced, back as the catalog stores it. */
function unquote(quoted: string): string {
  return quoted.startsWith('"') ? quoted.slice(1, -1).replaceAll('""', '"') : quoted;
}
