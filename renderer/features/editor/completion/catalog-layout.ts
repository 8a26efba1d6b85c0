import type { PathSegment, SchemaChild } from '../../../../shared/model/schema';
import type { SplitDialect } from '../../../../shared/sql/split';

/** A schema (PostgreSQL), a database (MySQL) or SQLite's one `main`: what a qualified name's first part names. */
export interface NamespaceEntry {
  name: string;
  /** Its path in the schema tree. */
  path: PathSegment[];
  /** Searched for unqualified names (PostgreSQL's search_path, MySQL's current database). */
  isDefault: boolean;
}

/** Reads the children of a schema-tree path, as `schema/children` does. */
export type ChildrenReader = (path: PathSegment[]) => Promise<SchemaChild[]>;

/** How an engine's schema tree is shaped above its tables. */
export interface CatalogLayout {
  dialect: SplitDialect;
  /** The namespaces, defaults first. */
  namespaces(read: ChildrenReader): Promise<NamespaceEntry[]>;
}

/** The connection settings that decide the default namespaces. */
export interface CatalogProfile {
  engine: SplitDialect;
  /** The profile's database; empty for the server's default. */
  database: string;
  user: string;
}

const SQLITE_LAYOUT: CatalogLayout = {
  dialect: 'sqlite',
  namespaces: async () => [{ name: 'main', path: [], isDefault: true }],
};

/**
 * PostgreSQL: root → databases (the profile's first) → schemas. Unqualified names are looked up in
 * the schema named after the user, then `public` (the default search_path), else the first user schema.
 */
function postgresLayout(profile: CatalogProfile): CatalogLayout {
  return {
    dialect: 'postgres',
    async namespaces(read) {
      const databases = (await read([])).filter((node) => node.kind === 'database');
      const database = databases.find((node) => node.name === profile.database) ?? databases[0];
      if (!database) return [];
      const databasePath: PathSegment[] = [{ kind: 'database', name: database.name }];
      const schemas = (await read(databasePath)).filter((node) => node.kind === 'schema');
      const userSchemas = schemas.filter((node) => node.detail !== 'system');
      const searchPath = [profile.user, 'public'].filter((name) => userSchemas.some((node) => node.name === name));
      if (searchPath.length === 0 && userSchemas[0]) searchPath.push(userSchemas[0].name);
      const entries = schemas.map((node) => ({
        name: node.name,
        path: [...databasePath, { kind: 'schema' as const, name: node.name }],
        isDefault: searchPath.includes(node.name),
      }));
      return entries.sort((a, b) => rank(searchPath, a.name) - rank(searchPath, b.name));
    },
  };
}

/** MySQL/MariaDB: root → databases. Unqualified names are looked up in the profile's database. */
function mysqlLayout(profile: CatalogProfile): CatalogLayout {
  return {
    dialect: 'mysql',
    async namespaces(read) {
      const databases = (await read([])).filter((node) => node.kind === 'database');
      return databases
        .map((node) => ({ name: node.name, path: [{ kind: 'database' as const, name: node.name }], isDefault: node.name === profile.database }))
        .sort((a, b) => Number(b.isDefault) - Number(a.isDefault));
    },
  };
}

function rank(searchPath: string[], name: string): number {
  const index = searchPath.indexOf(name);
  return index === -1 ? searchPath.length : index;
}

export function catalogLayoutFor(profile: CatalogProfile): CatalogLayout {
  if (profile.engine === 'postgres') return postgresLayout(profile);
  if (profile.engine === 'mysql') return mysqlLayout(profile);
  return SQLITE_LAYOUT;
}
