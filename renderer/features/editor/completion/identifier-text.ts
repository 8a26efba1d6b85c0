import type { SplitDialect } from '../../../../shared/sql/split';
import { quoteIdentifier } from '../../../../shared/sql/quote';
import { dialectWords } from './dialect-words';

/** Names the dialect reads as they are without quotes (PostgreSQL folds bare names to lower case). */
const BARE_NAME: Record<SplitDialect, RegExp> = {
  postgres: /^[a-z_][a-z0-9_$]*$/,
  mysql: /^[A-Za-z_$][A-Za-z0-9_$]*$/,
  sqlite: /^[A-Za-z_][A-Za-z0-9_]*$/,
};

export type QuoteChar = '"' | '`' | '[';

export function needsQuotes(dialect: SplitDialect, name: string): boolean {
  return !BARE_NAME[dialect].test(name) || dialectWords(dialect).reserved.has(name.toUpperCase());
}

/** The name as SQL text: quoted (with quotes inside doubled) when the dialect needs it, or when the user opened a quote. */
export function identifierText(dialect: SplitDialect, name: string, openedQuote: QuoteChar | null = null): string {
  if (openedQuote === '[') return `[${name}]`;
  if (openedQuote === '"') return '"' + name.replaceAll('"', '""') + '"';
  if (openedQuote === '`') return '`' + name.replaceAll('`', '``') + '`';
  return needsQuotes(dialect, name) ? quoteIdentifier(dialect, name) : name;
}
