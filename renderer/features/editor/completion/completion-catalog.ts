import type { ColumnInfo, PathSegment } from '../../../../shared/model/schema';
import type { SplitDialect } from '../../../../shared/sql/split';
import type { CatalogLayout, NamespaceEntry, NamespaceSource } from './catalog-layout';
import { NameIndex } from './name-index';

export type RelationKind = 'table' | 'view' | 'materialized-view';

export interface RelationEntry {
  name: string;
  kind: RelationKind;
  namespace: NamespaceEntry;
  /** Its path in the schema tree, for `schema/table`. */
  path: PathSegment[];
}

export interface ColumnEntry {
  name: string;
  dataType: string;
}

/** Where the catalog reads names: the `schema/children`, `schema/search-path` and `schema/table` channels, or lists in a test. */
export interface CatalogSource extends NamespaceSource {
  columns(path: PathSegment[]): Promise<ColumnInfo[]>;
}

const RELATION_GROUPS = new Set(['tables', 'views', 'materialized-views']);
const RELATION_KINDS = new Set<string>(['table', 'view', 'materialized-view']);
const EMPTY_NAMESPACES = new NameIndex<NamespaceEntry>([]);

/**
 * One connection's names for completion, read lazily and kept: the namespaces and the tables of the
 * default ones when first asked, another namespace's tables when it is referenced, and a table's
 * columns when the statement names it. Every read happens once; a failed read leaves its part empty
 * until the catalog is dropped (the registry drops it when the schema or the connection changes).
 * Lookups are synchronous over what is loaded.
 */
export class CompletionCatalog {
  private namespaceIndex = EMPTY_NAMESPACES;
  private defaults: NamespaceEntry[] = [];
  private defaultsLoad: Promise<void> | null = null;
  private readonly relationIndexes = new Map<NamespaceEntry, NameIndex<RelationEntry>>();
  private readonly relationLoads = new Map<NamespaceEntry, Promise<void>>();
  private readonly columnLists = new Map<RelationEntry, ColumnEntry[]>();
  private readonly columnLoads = new Map<RelationEntry, Promise<void>>();

  constructor(
    private readonly source: CatalogSource,
    private readonly layout: CatalogLayout,
  ) {}

  get dialect(): SplitDialect {
    return this.layout.dialect;
  }

  /** Reads the namespaces and the tables of the default ones, once. */
  loadDefaults(): Promise<void> {
    this.defaultsLoad ??= (async () => {
      const namespaces = await this.layout.namespaces(this.source).catch(() => [] as NamespaceEntry[]);
      this.namespaceIndex = new NameIndex(namespaces);
      this.defaults = namespaces.filter((namespace) => namespace.isDefault);
      await Promise.all(this.defaults.map((namespace) => this.loadRelations(namespace)));
    })();
    return this.defaultsLoad;
  }

  /** Reads a namespace's tables, views and materialized views, once. */
  loadRelations(namespace: NamespaceEntry): Promise<void> {
    let load = this.relationLoads.get(namespace);
    if (!load) {
      load = this.readRelations(namespace).then(
        (relations) => void this.relationIndexes.set(namespace, new NameIndex(relations)),
        () => void this.relationIndexes.set(namespace, new NameIndex([])),
      );
      this.relationLoads.set(namespace, load);
    }
    return load;
  }

  /** Reads a table's columns, once. */
  loadColumns(relation: RelationEntry): Promise<void> {
    let load = this.columnLoads.get(relation);
    if (!load) {
      load = this.source.columns(relation.path).then(
        (columns) => void this.columnLists.set(relation, columns.map((column) => ({ name: column.name, dataType: column.dataType }))),
        () => void this.columnLists.set(relation, []),
      );
      this.columnLoads.set(relation, load);
    }
    return load;
  }

  namespaces(): NameIndex<NamespaceEntry> {
    return this.namespaceIndex;
  }

  /** The namespaces searched for unqualified names, in search order. */
  defaultNamespaces(): readonly NamespaceEntry[] {
    return this.defaults;
  }

  findNamespace(name: string): NamespaceEntry | null {
    return this.namespaceIndex.find(name);
  }

  /** A namespace's relations, or null while they are not loaded. */
  relations(namespace: NamespaceEntry): NameIndex<RelationEntry> | null {
    return this.relationIndexes.get(namespace) ?? null;
  }

  /** The relation a dotted name refers to: `name` in the default namespaces, or `namespace.name`. */
  findRelation(parts: readonly string[]): RelationEntry | null {
    const name = parts.at(-1);
    if (name === undefined) return null;
    if (parts.length >= 2) {
      const namespace = this.findNamespace(parts[parts.length - 2]);
      return namespace ? (this.relations(namespace)?.find(name) ?? null) : null;
    }
    for (const namespace of this.defaults) {
      const found = this.relations(namespace)?.find(name);
      if (found) return found;
    }
    return null;
  }

  /** A relation's columns in table order, or null while they are not loaded. */
  columns(relation: RelationEntry): readonly ColumnEntry[] | null {
    return this.columnLists.get(relation) ?? null;
  }

  private async readRelations(namespace: NamespaceEntry): Promise<RelationEntry[]> {
    const groups = (await this.source.children(namespace.path)).filter(
      (node) => node.kind === 'group' && RELATION_GROUPS.has(node.name) && node.hasChildren,
    );
    const lists = await Promise.all(
      groups.map(async (group) => {
        const groupPath: PathSegment[] = [...namespace.path, { kind: 'group', name: group.name }];
        const items = await this.source.children(groupPath);
        return items
          .filter((item) => RELATION_KINDS.has(item.kind))
          .map((item) => ({ name: item.name, kind: item.kind as RelationKind, namespace, path: [...groupPath, { kind: item.kind, name: item.name }] }));
      }),
    );
    return lists.flat();
  }
}
