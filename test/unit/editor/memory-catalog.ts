import type { ColumnInfo, PathSegment, SchemaChild, SchemaNodeKind } from '../../../shared/model/schema';
import { catalogLayoutFor, type CatalogProfile } from '../../../renderer/features/editor/completion/catalog-layout';
import { CompletionCatalog, type CatalogSource } from '../../../renderer/features/editor/completion/completion-catalog';

/** A node of an in-memory schema tree shaped as an engine's introspector shapes it. */
export interface MemoryNode {
  kind: SchemaNodeKind;
  name: string;
  detail?: string;
  children?: MemoryNode[];
  columns?: ColumnInfo[];
}

export interface MemoryTable {
  name: string;
  kind?: 'table' | 'view' | 'materialized-view';
  columns: string[];
}

export const column = (name: string, dataType = 'text'): ColumnInfo => ({ name, dataType, nullable: true, defaultValue: null, primaryKeyPosition: null });

const relation = (table: MemoryTable): MemoryNode => ({ kind: table.kind ?? 'table', name: table.name, columns: table.columns.map((name) => column(name, `${name}_type`)) });

/** The groups a schema (PostgreSQL) or database (MySQL) or SQLite file shows, with its relations in them. */
function groups(tables: MemoryTable[], names: string[]): MemoryNode[] {
  const kindOf: Record<string, string> = { tables: 'table', views: 'view', 'materialized-views': 'materialized-view' };
  return names.map((name) => {
    const children = tables.filter((table) => (table.kind ?? 'table') === kindOf[name]).map(relation);
    return { kind: 'group', name, detail: String(children.length), children };
  });
}

/** PostgreSQL: databases → schemas (system ones marked) → groups → relations. */
export function postgresTree(databases: Record<string, Record<string, MemoryTable[]>>): MemoryNode[] {
  return Object.entries(databases).map(([database, schemas]) => ({
    kind: 'database',
    name: database,
    children: [
      ...Object.entries(schemas).map(([schema, tables]): MemoryNode => ({
        kind: 'schema',
        name: schema,
        children: groups(tables, ['tables', 'views', 'materialized-views', 'functions', 'sequences']),
      })),
      { kind: 'schema', name: 'pg_catalog', detail: 'system', children: groups([{ name: 'pg_class', columns: ['oid', 'relname'] }], ['tables', 'views']) },
    ],
  }));
}

/** MySQL: databases → groups → relations. */
export function mysqlTree(databases: Record<string, MemoryTable[]>): MemoryNode[] {
  return Object.entries(databases).map(([database, tables]) => ({
    kind: 'database',
    name: database,
    children: groups(tables, ['tables', 'views', 'functions', 'procedures']),
  }));
}

/** SQLite: groups → relations. */
export function sqliteTree(tables: MemoryTable[]): MemoryNode[] {
  return groups(tables, ['tables', 'views', 'indexes', 'triggers']);
}

/**
 * A catalog source over an in-memory tree that records every read, as `schema/children`,
 * `schema/search-path` and `schema/table` would be called; `searchPath` is what the server answers.
 */
export function memorySource(root: MemoryNode[], searchPath: string[] = []): { source: CatalogSource; reads: string[] } {
  const reads: string[] = [];
  const describe = (path: PathSegment[]) => path.map((segment) => `${segment.kind}:${segment.name}`).join('/') || '(root)';
  const nodeAt = (path: PathSegment[]): MemoryNode[] | MemoryNode => {
    let level: MemoryNode[] = root;
    let node: MemoryNode | null = null;
    for (const segment of path) {
      node = level.find((candidate) => candidate.kind === segment.kind && candidate.name === segment.name) ?? null;
      if (!node) throw new Error(`No node at ${describe(path)}`);
      level = node.children ?? [];
    }
    return node ?? root;
  };
  const source: CatalogSource = {
    async children(path) {
      reads.push(`children ${describe(path)}`);
      const found = nodeAt(path);
      const children = Array.isArray(found) ? found : (found.children ?? []);
      return children.map((child): SchemaChild => {
        const hasChildren = (child.children?.length ?? 0) > 0 || child.columns !== undefined;
        return child.detail === undefined ? { kind: child.kind, name: child.name, hasChildren } : { kind: child.kind, name: child.name, hasChildren, detail: child.detail };
      });
    },
    async searchPath() {
      reads.push('search-path');
      return searchPath;
    },
    async columns(path) {
      reads.push(`columns ${describe(path)}`);
      const found = nodeAt(path);
      if (Array.isArray(found) || !found.columns) throw new Error(`${describe(path)} is not a table`);
      return found.columns;
    },
  };
  return { source, reads };
}

export function memoryCatalog(root: MemoryNode[], profile: CatalogProfile & { searchPath?: string[] }): { catalog: CompletionCatalog; reads: string[] } {
  const { source, reads } = memorySource(root, profile.searchPath);
  return { catalog: new CompletionCatalog(source, catalogLayoutFor(profile)), reads };
}
