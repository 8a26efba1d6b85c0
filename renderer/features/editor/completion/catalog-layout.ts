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

/** What a layout reads: the tree, and the server's answer to where unqualified names are looked up (`schema/search-path`). */
export interface NamespaceSource {
  children: ChildrenReader;
  searchPath(): Promise<string[]>;
}

/** How an engine's schema tree is shaped above its tables. */
export interface CatalogLayout {
  dialect: SplitDialect;
  /** The namespaces, defaults first in search order. */
  namespaces(source: NamespaceSource): Promise<NamespaceEntry[]>;
}

/** The connection settings that decide where the namespaces are. */
export interface CatalogProfile {
  engine: SplitDialect;
  /** The profile's database; empty for the server's default. */
  database: string;
}

/** SQLite: the file's own database, which the tree shows without a level of its own. */
const SQLITE_LAYOUT: CatalogLayout = {
  dialect: 'sqlite',
  namespaces: async () => [{ name: 'main', path: [], isDefault: true }],
};

/**
 * The server's search path; empty when it cannot be read, which leaves unqualified names without
 * suggestions but keeps the namespaces (and so qualified names) available.
 */
const searchPathOf = (source: NamespaceSource): Promise<string[]> => source.searchPath().catch(() => []);

/** Namespaces in the search path first, in its order, then the rest as the tree lists them. */
function bySearchPath(entries: NamespaceEntry[], searchPath: readonly string[]): NamespaceEntry[] {
  const rank = (name: string) => {
    const index = searchPath.indexOf(name);
    return index === -1 ? searchPath.length : index;
  };
  return entries.sort((a, b) => rank(a.name) - rank(b.name));
}

/**
 * PostgreSQL: root → databases (the profile's first) → schemas. Unqualified names are looked up in
 * the schemas of the session's search path as the server resolves it (`$user`, the role's and the
 * database's settings).
 */
function postgresLayout(profile: CatalogProfile): CatalogLayout {
  return {
    dialect: 'postgres',
    async namespaces(source) {
      const [root, searchPath] = await Promise.all([source.children([]), searchPathOf(source)]);
      const databases = root.filter((node) => node.kind === 'database');
      const database = databases.find((node) => node.name === profile.database) ?? databases[0];
      if (!database) return [];
      const databasePath: PathSegment[] = [{ kind: 'database', name: database.name }];
      const schemas = (await source.children(databasePath)).filter((node) => node.kind === 'schema');
      const entries = schemas.map((node) => ({
        name: node.name,
        path: [...databasePath, { kind: 'schema' as const, name: node.name }],
        isDefault: searchPath.includes(node.name),
      }));
      return bySearchPath(entries, searchPath);
    },
  };
}

/** MySQL/MariaDB: root → databases. Unqualified names are looked up in the session's current database, if any. */
const MYSQL_LAYOUT: CatalogLayout = {
  dialect: 'mysql',
  async namespaces(source) {
    const [root, searchPath] = await Promise.all([source.children([]), searchPathOf(source)]);
    const entries = root
      .filter((node) => node.kind === 'database')
      .map((node) => ({ name: node.name, path: [{ kind: 'database' as const, name: node.name }], isDefault: searchPath.includes(node.name) }));
    return bySearchPath(entries, searchPath);
  },
};

export function catalogLayoutFor(profile: CatalogProfile): CatalogLayout {
  if (profile.engine === 'postgres') return postgresLayout(profile);
  if (profile.engine === 'mysql') return MYSQL_LAYOUT;
  return SQLITE_LAYOUT;
}
