import type { SplitDialect } from '../../../../shared/sql/split';

/**
 * Whose SQL completion speaks: an engine's, or standard SQL for a tab without a connection (its
 * keywords and functions, names in double quotes).
 */
export type CompletionDialect = SplitDialect | 'generic';

/** The completion dialect of a tab's SQL engine, or 'generic' when the tab has no connection. */
export function completionDialectFor(engine: SplitDialect | null): CompletionDialect {
  return engine ?? 'generic';
}

/** How the text is split into statements and tokens: standard SQL reads as PostgreSQL does. */
export function splitDialectOf(dialect: CompletionDialect): SplitDialect {
  return dialect === 'generic' ? 'postgres' : dialect;
}
