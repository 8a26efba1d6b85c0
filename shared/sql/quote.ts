import type { Engine } from '../model/connection';

/**
 * Quotes one identifier for the engine's SQL dialect, always, so reserved words, mixed case, spaces and
 * quote characters inside names survive: PostgreSQL and SQLite double any `"`, MySQL doubles any backtick.
 */
export function quoteIdentifier(engine: Engine, name: string): string {
  if (engine === 'mysql') return '`' + name.replaceAll('`', '``') + '`';
  return '"' + name.replaceAll('"', '""') + '"';
}

/** Joins quoted parts with dots: ['public', 'users'] → "public"."users". */
export function qualifiedName(engine: Engine, parts: string[]): string {
  return parts.map((part) => quoteIdentifier(engine, part)).join('.');
}
