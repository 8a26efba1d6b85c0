import type { SplitDialect } from '../../../../shared/sql/split';
import type { NamespaceEntry } from './catalog-layout';
import type { ColumnEntry, CompletionCatalog, RelationEntry } from './completion-catalog';
import { dialectWords, type WordEntry } from './dialect-words';
import { identifierText } from './identifier-text';
import type { NameIndex } from './name-index';
import { resolveQualifier, resolveScope, scopeColumns, type ScopeEntry } from './scope-resolution';
import type { CompletionContext, TypedPrefix } from './statement-context';

export type SuggestionKind = 'column' | 'table' | 'view' | 'schema' | 'alias' | 'function' | 'keyword';

export interface Suggestion {
  label: string;
  kind: SuggestionKind;
  /** Plain text shown beside the label: a column's type and table, a table's schema. */
  detail: string;
  insertText: string;
  /** Inserted as a snippet (functions place the cursor between their parentheses). */
  snippet: boolean;
  /** What the typed text is matched against. */
  filterText: string;
  /** Keeps the order computed here among items the editor scores alike. */
  sortText: string;
}

export interface SuggestionList {
  suggestions: Suggestion[];
  /** More names matched than were listed: the editor must ask again as the user types. */
  incomplete: boolean;
}

/** Enough to scroll through, few enough to build in well under a frame. */
export const SUGGESTION_LIMIT = 200;

const NAMESPACE_KIND: Record<SplitDialect, string> = { postgres: 'schema', mysql: 'database', sqlite: 'database' };

/** Collects suggestions in rank order, up to the limit, each name once per kind. */
class SuggestionCollector {
  readonly suggestions: Suggestion[] = [];
  incomplete = false;
  private readonly seen = new Set<string>();
  private readonly lowerPrefix: string;

  constructor(
    private readonly prefix: TypedPrefix,
    private readonly dialect: SplitDialect,
    private readonly limit: number,
  ) {
    this.lowerPrefix = prefix.text.toLowerCase();
  }

  get room(): number {
    return this.limit - this.suggestions.length;
  }

  matches(name: string): boolean {
    return name.toLowerCase().startsWith(this.lowerPrefix);
  }

  /** A table, column, alias or schema name. */
  addName(kind: SuggestionKind, name: string, detail: string): void {
    const insertText = identifierText(this.dialect, name, this.prefix.quote);
    this.push({ label: name, kind, detail, insertText, snippet: false, filterText: this.prefix.quote ? insertText : name });
  }

  addWord(kind: 'keyword' | 'function', word: string): void {
    if (this.prefix.quote) return;
    const lower = this.prefix.text !== '' && this.prefix.text === this.prefix.text.toLowerCase();
    const text = kind === 'keyword' && lower ? word.toLowerCase() : word;
    const detail = kind === 'keyword' ? 'keyword' : 'function';
    this.push({ label: text, kind, detail, insertText: kind === 'function' ? `${text}($0)` : text, snippet: kind === 'function', filterText: text });
  }

  /** The index's entries that start with the prefix, as many as there is room for. */
  addIndexed<T extends { name: string }>(index: NameIndex<T>, add: (entry: T) => void): void {
    if (this.room <= 0) {
      this.incomplete ||= index.withPrefix(this.prefix.text, 1).entries.length > 0;
      return;
    }
    const { entries, more } = index.withPrefix(this.prefix.text, this.room);
    for (const entry of entries) add(entry);
    if (more) this.incomplete = true;
  }

  private push(suggestion: Omit<Suggestion, 'sortText'>): void {
    const key = `${suggestion.kind}\u0000${suggestion.label}`;
    if (this.seen.has(key)) return;
    if (this.room <= 0) {
      this.incomplete = true;
      return;
    }
    this.seen.add(key);
    this.suggestions.push({ ...suggestion, sortText: String(this.suggestions.length).padStart(4, '0') });
  }
}

function relationKind(relation: RelationEntry): SuggestionKind {
  return relation.kind === 'table' ? 'table' : 'view';
}

function relationDetail(relation: RelationEntry): string {
  const kind = relation.kind.replace('-', ' ');
  return relation.namespace.name === 'main' && relation.namespace.path.length === 0 ? kind : `${kind} · ${relation.namespace.name}`;
}

function addColumns(out: SuggestionCollector, columns: readonly ColumnEntry[], owner: string): void {
  for (const column of columns) {
    if (out.matches(column.name)) out.addName('column', column.name, column.dataType ? `${column.dataType} · ${owner}` : owner);
  }
}

function addDefaultRelations(out: SuggestionCollector, catalog: CompletionCatalog | null): void {
  for (const namespace of catalog?.defaultNamespaces() ?? []) {
    const relations = catalog?.relations(namespace);
    if (relations) out.addIndexed(relations, (relation) => out.addName(relationKind(relation), relation.name, relationDetail(relation)));
  }
}

function addRelationsOf(out: SuggestionCollector, catalog: CompletionCatalog, namespace: NamespaceEntry): void {
  const relations = catalog.relations(namespace);
  if (relations) out.addIndexed(relations, (relation) => out.addName(relationKind(relation), relation.name, relationDetail(relation)));
}

function addNamespaces(out: SuggestionCollector, catalog: CompletionCatalog | null, dialect: SplitDialect): void {
  if (!catalog || dialect === 'sqlite') return;
  out.addIndexed(catalog.namespaces(), (namespace) => out.addName('schema', namespace.name, NAMESPACE_KIND[dialect]));
}

function addWords(out: SuggestionCollector, words: NameIndex<WordEntry>, kind: 'keyword' | 'function'): void {
  out.addIndexed(words, (word) => out.addWord(kind, word.name));
}

function addScopeColumns(out: SuggestionCollector, entries: readonly ScopeEntry[], catalog: CompletionCatalog | null): void {
  for (const entry of entries) addColumns(out, scopeColumns(entry, catalog), entry.relation?.name ?? entry.label);
}

function addScopeNames(out: SuggestionCollector, entries: readonly ScopeEntry[]): void {
  for (const entry of entries) {
    if (entry.label && out.matches(entry.label)) out.addName('alias', entry.label, entry.relation?.name ?? entry.cte?.name ?? 'subquery');
  }
}

/**
 * The suggestions for a context, best first, over what the catalog has loaded (null: no connection,
 * keywords and functions only). Synchronous and bounded: index lookups and at most `limit` items.
 */
export function suggest(context: CompletionContext, catalog: CompletionCatalog | null, dialect: SplitDialect, limit = SUGGESTION_LIMIT): SuggestionList {
  const out = new SuggestionCollector(context.prefix, dialect, limit);
  const words = dialectWords(dialect);
  const entries = context.clause === 'none' ? [] : resolveScope(context.scope, catalog);
  switch (context.clause) {
    case 'none':
      break;
    case 'member': {
      const { entry, relation, namespace } = resolveQualifier(context.qualifier, entries, catalog);
      if (entry) addColumns(out, scopeColumns(entry, catalog), entry.relation?.name ?? entry.label);
      else if (relation && catalog) addColumns(out, catalog.columns(relation) ?? [], relation.name);
      if (namespace && catalog) addRelationsOf(out, catalog, namespace);
      break;
    }
    case 'insert-columns': {
      const relation = catalog?.findRelation(context.target);
      if (relation && catalog) addColumns(out, catalog.columns(relation) ?? [], relation.name);
      break;
    }
    case 'relation':
      for (const cte of context.scope.ctes) if (out.matches(cte.name)) out.addName('table', cte.name, 'common table expression');
      addDefaultRelations(out, catalog);
      addNamespaces(out, catalog, dialect);
      break;
    case 'column':
      addScopeColumns(out, entries, catalog);
      addScopeNames(out, entries);
      addWords(out, words.functions, 'function');
      addWords(out, words.keywords, 'keyword');
      addDefaultRelations(out, catalog);
      addNamespaces(out, catalog, dialect);
      break;
    case 'start':
      addWords(out, words.keywords, 'keyword');
      break;
    case 'keyword':
      addWords(out, words.keywords, 'keyword');
      addWords(out, words.functions, 'function');
      break;
  }
  return { suggestions: out.suggestions, incomplete: out.incomplete };
}
