import { quoteIdentifier } from '../../../../shared/sql/quote';
import { splitDialectOf, type CompletionDialect } from './completion-dialect';
import { dialectWords } from './dialect-words';

/** Names the dialect reads as they are without quotes (PostgreSQL folds bare names to lower case). */
const BARE_NAME: Record<CompletionDialect, RegExp> = {
  postgres: /^[a-z_][a-z0-9_$]*$/,
  mysql: /^[A-Za-z_$][A-Za-z0-9_$]*$/,
  sqlite: /^[A-Za-z_][A-Za-z0-9_]*$/,
  generic: /^[a-z_][a-z0-9_]*$/,
};

export type QuoteChar = '"' | '`' | '[';

export function needsQuotes(dialect: CompletionDialect, name: string): boolean {
  return !BARE_NAME[dialect].test(name) || dialectWords(dialect).reserved.has(name.toUpperCase());
}

/** The name as SQL text: quoted (with quotes inside doubled) when the dialect needs it, or when the user opened a quote. */
export function identifierText(dialect: CompletionDialect, name: string, openedQuote: QuoteChar | null = null): string {
  if (openedQuote === '[') return `[${name}]`;
  if (openedQuote === '"') return '"' + name.replaceAll('"', '""') + '"';
  if (openedQuote === '`') return '`' + name.replaceAll('`', '``') + '`';
  return needsQuotes(dialect, name) ? quoteIdentifier(splitDialectOf(dialect), name) : name;
}
