import type { ColumnEntry, CompletionCatalog, RelationEntry } from './completion-catalog';
import type { CompletionContext } from './statement-context';
import type { CteDef, StatementScope, TableRef } from './table-refs';
import type { NamespaceEntry } from './catalog-layout';

/** A table reference of the statement, matched to what it names. */
export interface ScopeEntry {
  ref: TableRef;
  /** How the statement refers to it: its alias, else its name. */
  label: string;
  relation: RelationEntry | null;
  cte: CteDef | null;
}

const sameName = (a: string, b: string) => a === b || a.toLowerCase() === b.toLowerCase();

/** The statement's table references, each matched to a CTE or a catalog relation when one fits. */
export function resolveScope(scope: StatementScope, catalog: CompletionCatalog | null): ScopeEntry[] {
  return scope.refs.map((ref) => {
    const name = ref.parts.at(-1);
    const cte = ref.parts.length === 1 && name !== undefined ? (scope.ctes.find((candidate) => sameName(candidate.name, name)) ?? null) : null;
    const relation = cte || !catalog ? null : catalog.findRelation(ref.parts);
    return { ref, label: ref.alias ?? name ?? '', relation, cte };
  });
}

/** The scope entry that `name` (an alias or a table name) refers to: aliases win. */
export function scopeEntryNamed(entries: readonly ScopeEntry[], name: string): ScopeEntry | null {
  return entries.find((entry) => entry.ref.alias !== null && sameName(entry.ref.alias, name)) ?? entries.find((entry) => sameName(entry.label, name)) ?? null;
}

/** Columns of a scope entry as far as they are known: the CTE's column list, or the loaded table's columns. */
export function scopeColumns(entry: ScopeEntry, catalog: CompletionCatalog | null): readonly ColumnEntry[] {
  if (entry.cte) return entry.cte.columns.map((name) => ({ name, dataType: '' }));
  return entry.relation && catalog ? (catalog.columns(entry.relation) ?? []) : [];
}

/** What `x.` refers to: a scope entry or a table (for its columns) and a namespace (for its tables). */
export function resolveQualifier(
  qualifier: readonly string[],
  entries: readonly ScopeEntry[],
  catalog: CompletionCatalog | null,
): { entry: ScopeEntry | null; relation: RelationEntry | null; namespace: NamespaceEntry | null } {
  if (qualifier.length === 1) {
    const entry = scopeEntryNamed(entries, qualifier[0]);
    const relation = entry ? entry.relation : (catalog?.findRelation(qualifier) ?? null);
    return { entry, relation, namespace: catalog?.findNamespace(qualifier[0]) ?? null };
  }
  return { entry: null, relation: catalog?.findRelation(qualifier.slice(-2)) ?? null, namespace: null };
}

/** Caps how many tables' columns one keystroke may ask for. */
const MAX_COLUMN_LOADS = 16;

/**
 * Loads what the context needs before suggestions are computed: the default names, namespaces that
 * qualified names mention, and the columns of the tables in scope (only where columns are wanted).
 */
export async function loadForContext(context: CompletionContext, catalog: CompletionCatalog): Promise<void> {
  await catalog.loadDefaults();
  const qualified = context.scope.refs.map((ref) => ref.parts).filter((parts) => parts.length >= 2);
  if (context.clause === 'member') qualified.push(context.qualifier.length === 1 ? [...context.qualifier, ''] : context.qualifier);
  if (context.clause === 'insert-columns' && context.target.length >= 2) qualified.push(context.target);
  const namespaces = new Set<NamespaceEntry>();
  for (const parts of qualified) {
    const namespace = catalog.findNamespace(parts[parts.length - 2]);
    if (namespace) namespaces.add(namespace);
  }
  await Promise.all([...namespaces].map((namespace) => catalog.loadRelations(namespace)));

  const entries = resolveScope(context.scope, catalog);
  const wanted: (RelationEntry | null)[] = [];
  if (context.clause === 'column') wanted.push(...entries.map((entry) => entry.relation));
  if (context.clause === 'member') wanted.push(resolveQualifier(context.qualifier, entries, catalog).relation);
  if (context.clause === 'insert-columns') wanted.push(catalog.findRelation(context.target));
  const relations = [...new Set(wanted.filter((relation): relation is RelationEntry => relation !== null))];
  await Promise.all(relations.slice(0, MAX_COLUMN_LOADS).map((relation) => catalog.loadColumns(relation)));
}
