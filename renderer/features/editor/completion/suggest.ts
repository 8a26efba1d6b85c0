import type { NamespaceEntry } from './catalog-layout';
import type { CompletionDialect } from './completion-dialect';
import type { ColumnEntry, CompletionCatalog, RelationEntry } from './completion-catalog';
import { dialectWords, type WordEntry } from './dialect-words';
import { identifierText } from './identifier-text';
import type { NameIndex } from './name-index';
import { tierOf, tiersFor, type MatchTier } from './name-match';
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
  /**
   * What the editor filters against: the text typed, the same for every item, so that the editor's
   * own fuzzy filter keeps every item and ranks them all alike, and the order computed here stands.
   */
  filterText: string;
  /** The rank computed here, as text that sorts in rank order. */
  sortText: string;
}

export interface SuggestionList {
  suggestions: Suggestion[];
  /** More names matched than were listed. */
  incomplete: boolean;
}

/** Enough to scroll through, few enough to build in well under a frame. */
export const SUGGESTION_LIMIT = 200;

/**
 * Collects suggestions in rank order, up to the limit, each name once per kind. Names are offered
 * tier by tier (see name-match.ts): every source's prefix matches, then their word matches, then
 * the rest; within a tier, in the order the sources are asked.
 */
class SuggestionCollector {
  readonly suggestions: Suggestion[] = [];
  incomplete = false;
  tier: MatchTier = 'prefix';
  private readonly seen = new Set<string>();
  private readonly query: string;

  constructor(
    private readonly prefix: TypedPrefix,
    private readonly dialect: CompletionDialect,
    private readonly limit: number,
  ) {
    this.query = prefix.text.toLowerCase();
  }

  get room(): number {
    return this.limit - this.suggestions.length;
  }

  /** Whether the list is full and known to be incomplete: nothing asked later can change it. */
  get settled(): boolean {
    return this.room <= 0 && this.incomplete;
  }

  matches(name: string): boolean {
    return tierOf(name, this.query) === this.tier;
  }

  /** A table, column, alias or schema name. */
  addName(kind: SuggestionKind, name: string, detail: string): void {
    const insertText = identifierText(this.dialect, name, this.prefix.quote);
    this.push({ label: name, kind, detail, insertText, snippet: false });
  }

  addWord(kind: 'keyword' | 'function', word: string): void {
    if (this.prefix.quote) return;
    const text = inTypedCase(word, this.prefix.text);
    const detail = kind === 'keyword' ? 'keyword' : 'function';
    this.push({ label: text, kind, detail, insertText: kind === 'function' ? `${text}($0)` : text, snippet: kind === 'function' });
  }

  /** The index's entries that match in the current tier, as many as there is room for. */
  addIndexed<T extends { name: string }>(index: NameIndex<T>, add: (entry: T) => void): void {
    if (this.room <= 0) {
      this.incomplete ||= index.matching(this.prefix.text, this.tier, 1).entries.length > 0;
      return;
    }
    const { entries, more } = index.matching(this.prefix.text, this.tier, this.room);
    for (const entry of entries) add(entry);
    if (more) this.incomplete = true;
  }

  private push(suggestion: Omit<Suggestion, 'sortText' | 'filterText'>): void {
    const key = `${suggestion.kind}\u0000${suggestion.label}`;
    if (this.seen.has(key)) return;
    if (this.room <= 0) {
      this.incomplete = true;
      return;
    }
    this.seen.add(key);
    this.suggestions.push({ ...suggestion, filterText: this.prefix.typed, sortText: String(this.suggestions.length).padStart(4, '0') });
  }
}

/** A keyword or function in the case the user is typing it: lower case or upper case, else as listed. */
function inTypedCase(word: string, typed: string): string {
  const lower = typed.toLowerCase();
  const upper = typed.toUpperCase();
  if (lower === upper) return word;
  if (typed === lower) return word.toLowerCase();
  return typed === upper ? word.toUpperCase() : word;
}

const NAMESPACE_KIND: Record<CompletionCatalog['dialect'], string> = { postgres: 'schema', mysql: 'database', sqlite: 'database' };

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

function addRelationsOf(out: SuggestionCollector, catalog: CompletionCatalog, namespace: NamespaceEntry): void {
  const relations = catalog.relations(namespace);
  if (relations) out.addIndexed(relations, (relation) => out.addName(relationKind(relation), relation.name, relationDetail(relation)));
}

function addDefaultRelations(out: SuggestionCollector, catalog: CompletionCatalog | null): void {
  if (!catalog) return;
  for (const namespace of catalog.defaultNamespaces()) addRelationsOf(out, catalog, namespace);
}

function addNamespaces(out: SuggestionCollector, catalog: CompletionCatalog | null): void {
  if (!catalog || catalog.dialect === 'sqlite') return;
  const kind = NAMESPACE_KIND[catalog.dialect];
  out.addIndexed(catalog.namespaces(), (namespace) => out.addName('schema', namespace.name, kind));
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

/** What the context offers, in rank order within a tier: each source adds its names that match the collector's tier. */
function sourcesFor(context: CompletionContext, catalog: CompletionCatalog | null, dialect: CompletionDialect, out: SuggestionCollector): (() => void)[] {
  const words = dialectWords(dialect);
  const entries = context.clause === 'none' ? [] : resolveScope(context.scope, catalog);
  switch (context.clause) {
    case 'none':
      return [];
    case 'member': {
      const { entry, relation, namespace } = resolveQualifier(context.qualifier, entries, catalog);
      return [
        () => {
          if (entry) addColumns(out, scopeColumns(entry, catalog), entry.relation?.name ?? entry.label);
          else if (relation && catalog) addColumns(out, catalog.columns(relation) ?? [], relation.name);
        },
        () => {
          if (namespace && catalog) addRelationsOf(out, catalog, namespace);
        },
      ];
    }
    case 'insert-columns': {
      const relation = catalog?.findRelation(context.target);
      return [
        () => {
          if (relation && catalog) addColumns(out, catalog.columns(relation) ?? [], relation.name);
        },
      ];
    }
    case 'relation':
      return [
        () => {
          for (const cte of context.scope.ctes) if (out.matches(cte.name)) out.addName('table', cte.name, 'common table expression');
        },
        () => addDefaultRelations(out, catalog),
        () => addNamespaces(out, catalog),
      ];
    case 'column':
      return [
        () => addScopeColumns(out, entries, catalog),
        () => addScopeNames(out, entries),
        () => addWords(out, words.functions, 'function'),
        () => addWords(out, words.keywords, 'keyword'),
        () => addDefaultRelations(out, catalog),
        () => addNamespaces(out, catalog),
      ];
    case 'start':
      return [() => addWords(out, words.keywords, 'keyword')];
    case 'keyword':
      return [() => addWords(out, words.keywords, 'keyword'), () => addWords(out, words.functions, 'function')];
  }
}

/**
 * The suggestions for a context, best first, over what the catalog has loaded (null: no open
 * connection, keywords and functions only). Synchronous and bounded: index lookups, at most one scan
 * of each name list per tier, and at most `limit` items.
 */
export function suggest(context: CompletionContext, catalog: CompletionCatalog | null, dialect: CompletionDialect, limit = SUGGESTION_LIMIT): SuggestionList {
  const out = new SuggestionCollector(context.prefix, dialect, limit);
  const sources = sourcesFor(context, catalog, dialect, out);
  for (const tier of tiersFor(context.prefix.text)) {
    out.tier = tier;
    for (const add of sources) {
      if (out.settled) break;
      add();
    }
  }
  return { suggestions: out.suggestions, incomplete: out.incomplete };
}
