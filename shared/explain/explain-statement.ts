import { firstKeyword, type SplitDialect } from '../sql/split';
import type { PlanEngine } from './plan';

/** How to obtain a plan: the statement to send, and whether it must run inside a rolled-back transaction. */
export type ExplainRecipe =
  | {
      kind: 'explain';
      sql: string;
      /** Characters put before the user's statement, to map an error position back onto it. */
      prefixLength: number;
      /** ANALYZE executes the statement: run it between BEGIN and ROLLBACK. */
      rollback: boolean;
      warnings: string[];
    }
  | { kind: 'unsupported'; message: string };

const SPLIT_DIALECTS: Record<PlanEngine, SplitDialect> = { postgres: 'postgres', mysql: 'mysql', mariadb: 'mysql', sqlite: 'sqlite' };
const DATA_CHANGING = new Set(['INSERT', 'UPDATE', 'DELETE', 'MERGE', 'REPLACE', 'UPSERT', 'COPY', 'CREATE']);
const EXPLAIN_WORDS = new Set(['EXPLAIN', 'DESCRIBE', 'DESC']);

export function splitDialectOf(engine: PlanEngine): SplitDialect {
  return SPLIT_DIALECTS[engine];
}

/** The statement is itself an EXPLAIN (or DESCRIBE): explaining it again makes no sense. */
export function isExplainStatement(statement: string, engine: PlanEngine): boolean {
  const keyword = firstKeyword(statement, splitDialectOf(engine));
  return keyword !== null && EXPLAIN_WORDS.has(keyword);
}

/**
 * The statement's command writes data when it runs: INSERT, UPDATE, DELETE, MERGE…, a WITH whose
 * parts write, SELECT … INTO. Errs on the side of yes: it decides whether a warning is shown.
 */
export function changesData(statement: string, engine: PlanEngine): boolean {
  const keyword = firstKeyword(statement, splitDialectOf(engine));
  if (keyword === null) return false;
  if (DATA_CHANGING.has(keyword)) return true;
  if (keyword === 'WITH') return /\b(INSERT|UPDATE|DELETE|MERGE)\b/i.test(statement);
  if (keyword === 'SELECT') return /\bINTO\b/i.test(statement);
  return false;
}

/** What to send to get the plan of `statement` on `engine`, or why that engine cannot give it. */
export function explainRecipe(engine: PlanEngine, statement: string, analyze: boolean): ExplainRecipe {
  const writes = analyze && changesData(statement, engine);
  const command = firstKeyword(statement, splitDialectOf(engine)) ?? 'statement';
  const rolledBack = writes ? [rollbackWarning(engine, command)] : [];
  switch (engine) {
    case 'postgres': {
      const prefix = analyze ? 'EXPLAIN (FORMAT JSON, ANALYZE, BUFFERS) ' : 'EXPLAIN (FORMAT JSON) ';
      return { kind: 'explain', sql: prefix + statement, prefixLength: prefix.length, rollback: analyze, warnings: rolledBack };
    }
    case 'mariadb': {
      const prefix = analyze ? 'ANALYZE FORMAT=JSON ' : 'EXPLAIN FORMAT=JSON ';
      return { kind: 'explain', sql: prefix + statement, prefixLength: prefix.length, rollback: analyze, warnings: rolledBack };
    }
    case 'mysql': {
      if (analyze) {
        return {
          kind: 'unsupported',
          message: 'MySQL gives EXPLAIN ANALYZE only as text (FORMAT=TREE), not as a plan Strata can draw. Use Explain for the estimated plan, or run EXPLAIN ANALYZE in the editor to read its text.',
        };
      }
      const prefix = 'EXPLAIN FORMAT=JSON ';
      return { kind: 'explain', sql: prefix + statement, prefixLength: prefix.length, rollback: false, warnings: [] };
    }
    case 'sqlite': {
      if (analyze) {
        return {
          kind: 'unsupported',
          message: 'SQLite cannot measure a plan while running it: it has no EXPLAIN ANALYZE. Use Explain for its query plan.',
        };
      }
      const prefix = 'EXPLAIN QUERY PLAN ';
      return { kind: 'explain', sql: prefix + statement, prefixLength: prefix.length, rollback: false, warnings: [] };
    }
  }
}

function rollbackWarning(engine: PlanEngine, command: string): string {
  const sequences = engine === 'postgres' ? ' Sequence values it drew stay used.' : '';
  return `ANALYZE really ran this ${command} to measure it, inside a transaction that was then rolled back: its changes were undone.${sequences}`;
}

/**
 * The statement names `name` as a whole identifier (case-insensitive), quoted or not. Used to find the
 * tables a statement may write; a name that only appears inside a longer word does not count.
 */
export function mentionsName(statement: string, name: string): boolean {
  if (name === '') return false;
  const text = statement.toLowerCase();
  const wanted = name.toLowerCase();
  for (let at = text.indexOf(wanted); at !== -1; at = text.indexOf(wanted, at + 1)) {
    const before = at === 0 ? '' : text[at - 1];
    const after = text[at + wanted.length] ?? '';
    if (!isIdentifierChar(before) && !isIdentifierChar(after)) return true;
  }
  return false;
}

function isIdentifierChar(char: string): boolean {
  return char !== '' && /[\p{L}\p{N}_$]/u.test(char);
}
