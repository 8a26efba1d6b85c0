import { readFileSync } from 'node:fs';

/** The text of a captured EXPLAIN output in fixtures/ (see fixtures/README.md). */
export function fixture(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
}

/** SQLite EXPLAIN QUERY PLAN rows captured as text cells, by query name. */
export function sqliteRows(name: 'join' | 'union'): string[][] {
  return (JSON.parse(fixture('sqlite-eqp.json')) as Record<string, string[][]>)[name];
}
